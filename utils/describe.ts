/** Decisions in the words a person reads: "Clocked out — back Mon 09:00". Local time, in the clinician's clock. */
import type { Decision } from './policy';
import { type Clock, clockTime, shortDate } from './clock';
import { WEEKDAY_SHORT } from './names';
import type { Exception } from './types';
import { dayNumber, localParts, MINUTE } from './zoned-time';

/**
 * When `instant` is, seen from `now` in `timeZone`: "17:00" the same day, "tomorrow 02:00",
 * "Mon 09:00" within the next six days, otherwise "Mon 5 Jan 09:00"; the time in `clock` ("Mon 9:00 AM").
 */
export function describeInstant(instant: number, now: number, timeZone: string, clock: Clock): string {
  const at = localParts(instant, timeZone);
  const time = clockTime(at.minutes, clock);
  const days = dayNumber(at.date) - dayNumber(localParts(now, timeZone).date);
  if (days === 0) return time;
  if (days === 1) return `tomorrow ${time}`;
  const weekday = WEEKDAY_SHORT[at.weekday];
  if (days > 1 && days <= 6) return `${weekday} ${time}`;
  return `${weekday} ${shortDate(at.date)} ${time}`;
}

// "23 min", "1 h 5 min": rounded up, so a running exception never reads 0.
function timeLeft(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
}

function lastEnding(exceptions: readonly Exception[], kind: Exception['kind']): Exception | null {
  let found: Exception | null = null;
  for (const e of exceptions) if (e.kind === kind && (!found || e.endsAt > found.endsAt)) found = e;
  return found;
}

/** Per state: the words before the time it lasts until, and the words when no time is ahead. */
const STATE_WORDS: Readonly<Record<Decision['state'], readonly [string, string]>> = {
  work: ['Clocked in until', 'Clocked in'],
  break: ['On a break until', 'On a break'],
  off: ['Clocked out — back', 'Clocked out'],
  timeOff: ['Day off — back', 'Day off'],
};

/**
 * One line for the popup and the toolbar title: "Clocked in until 17:00", "On a break until 13:30",
 * "Clocked out — back Mon 09:00", "Day off — back Tue 09:00", "Crisis exception — 23 min left",
 * "Wrapping up — 4 min left".
 */
export function statusLine(decision: Decision, now: number, timeZone: string, clock: Clock): string {
  const { state } = decision;
  if (state !== 'work') {
    const crisis = lastEnding(decision.activeExceptions, 'crisis');
    if (crisis) return `Crisis exception — ${timeLeft(crisis.endsAt - now)} left`;
    const wrapUp = lastEnding(decision.activeExceptions, 'wrapUp');
    if (wrapUp) return `Wrapping up — ${timeLeft(wrapUp.endsAt - now)} left`;
  }
  // At work or on a break, until the state ends; off or on a day off, until work starts again.
  // One table rather than a branch per state: the worker loads this at every wake-up.
  const at = state === 'work' || state === 'break' ? decision.stateEndsAt : decision.nextWorkAt;
  const [until, alone] = STATE_WORDS[state];
  return at === null ? alone : `${until} ${describeInstant(at, now, timeZone, clock)}`;
}

/** For a blocked or dimmed site: "Opens again Mon 09:00", "Open now" during work hours. */
export function opensAgain(decision: Decision, now: number, timeZone: string, clock: Clock): string {
  if (decision.state === 'work') return 'Open now';
  if (decision.nextWorkAt === null) return 'No work hours scheduled';
  return `Opens again ${describeInstant(decision.nextWorkAt, now, timeZone, clock)}`;
}

/**
 * Open work tabs the guard could not get into after an update, with what to do about it: "1 open
 * work tab could not be covered — reload it.", "3 open work tabs could not be covered — reload them."
 */
export function uncoveredTabs(count: number): string {
  return count === 1 ? '1 open work tab could not be covered — reload it.' : `${count} open work tabs could not be covered — reload them.`;
}
