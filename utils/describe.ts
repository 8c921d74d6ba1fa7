/**
 * Decisions in the words a person reads: "Clocked out — back Mon 09:00". Local time, in the
 * clinician's clock; the words are the browser's messages (`t`, docs/ARCHITECTURE.md,
 * "Languages"), a time is one of their substitutions.
 */
import type { Decision } from './policy';
import { type Clock, clockTime, shortDate } from './clock';
import { plural, type Translate } from './i18n';
import type { Exception } from './types';
import { dayNumber, localParts, MINUTE } from './zoned-time';

/**
 * When `instant` is, seen from `now` in `timeZone`: "17:00" the same day, "tomorrow 02:00",
 * "Mon 09:00" within the next six days, otherwise "Mon 5 Jan 09:00"; the time in `clock` ("Mon 9:00 AM").
 */
export function describeInstant(t: Translate, instant: number, now: number, timeZone: string, clock: Clock): string {
  const at = localParts(instant, timeZone);
  const time = clockTime(at.minutes, clock);
  const days = dayNumber(at.date) - dayNumber(localParts(now, timeZone).date);
  if (days === 0) return t('todayAt', time);
  if (days === 1) return t('tomorrowAt', time);
  const weekday = t(`d_${at.weekday}`);
  if (days > 1 && days <= 6) return t('dayAt', weekday, time);
  return t('dateAt', weekday, shortDate(t, at.date), time);
}

// "23 min", "1 h 5 min": rounded up, so a running exception never reads 0.
function timeLeft(t: Translate, ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / MINUTE));
  if (minutes < 60) return t('min', minutes);
  const rest = minutes % 60;
  return rest ? t('hMin', Math.floor(minutes / 60), rest) : t('h', minutes / 60);
}

function lastEnding(exceptions: readonly Exception[], kind: Exception['kind']): Exception | null {
  let found: Exception | null = null;
  for (const e of exceptions) if (e.kind === kind && (!found || e.endsAt > found.endsAt)) found = e;
  return found;
}

/**
 * One line for the popup and the toolbar title: "Clocked in until 17:00", "On a break until 13:30",
 * "Clocked out — back Mon 09:00", "Day off — back Tue 09:00", "Crisis exception — 23 min left",
 * "Wrapping up — 4 min left".
 */
export function statusLine(t: Translate, decision: Decision, now: number, timeZone: string, clock: Clock): string {
  if (decision.state !== 'work') {
    const crisis = lastEnding(decision.activeExceptions, 'crisis');
    if (crisis) return t('sCrisis', timeLeft(t, crisis.endsAt - now));
    const wrapUp = lastEnding(decision.activeExceptions, 'wrapUp');
    if (wrapUp) return t('sWrap', timeLeft(t, wrapUp.endsAt - now));
  }
  // At work or on a break, until the state ends; off or on a day off, until work starts again.
  const working = decision.state === 'work' || decision.state === 'break';
  const instant = working ? decision.stateEndsAt : decision.nextWorkAt;
  // sWork, sBreak, sOff, sTimeOff and each with "until" or "back" (…At).
  const key = `s${decision.state[0]!.toUpperCase()}${decision.state.slice(1)}` as 'sWork' | 'sBreak' | 'sOff' | 'sTimeOff';
  return instant === null ? t(key) : t(`${key}At`, describeInstant(t, instant, now, timeZone, clock));
}

/** For a blocked or dimmed site: "Opens again Mon 09:00", "Open now" during work hours. */
export function opensAgain(t: Translate, decision: Decision, now: number, timeZone: string, clock: Clock): string {
  if (decision.state === 'work') return t('openNow');
  if (decision.nextWorkAt === null) return t('noWorkHours');
  return t('opensAgain', describeInstant(t, decision.nextWorkAt, now, timeZone, clock));
}

/**
 * Open work tabs the guard could not get into after an update, with what to do about it: "1 open
 * work tab could not be covered — reload it.", "3 open work tabs could not be covered — reload them."
 */
export function uncoveredTabs(t: Translate, count: number): string {
  return plural(t, count, 'uncov_one', 'uncov_other');
}
