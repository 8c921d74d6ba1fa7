/**
 * What the end of the working day will look like, in words, for the welcome guide's last step:
 * "Tonight at 17:00 SimplePractice and TherapyNotes close until tomorrow 09:00; Gmail dims."
 * Pure: the same `decide` the worker runs, on the settings the clinician is about to confirm.
 */
import { type Clock, clockTime, shortDate } from './clock';
import { describeInstant } from './describe';
import { WEEKDAY_SHORT } from './names';
import { decide, type Decision } from './policy';
import { nameList } from './rule-budget';
import type { Settings } from './settings';
import { enabledSites } from './sites';
import type { Action, Category } from './types';
import { dayNumber, localParts } from './zoned-time';

/** Work states and breaks followed one by one, looking for the evening: more than any real week has. */
const MAX_STEPS = 60;
/** Names spelled out in a list before "and N more". */
const NAMES = 3;

export interface Tonight {
  /** The sentence. */
  readonly text: string;
  /** When the tools close (now, if it is after hours already); null when they never do. */
  readonly at: number | null;
  /** When they open again; null when no work lies ahead. */
  readonly until: number | null;
  /** Site names by what they get then. */
  readonly block: readonly string[];
  readonly dim: readonly string[];
  readonly allow: readonly string[];
}

/** "Tonight at 17:00", "Today at 12:30", "Tonight at midnight", "Tomorrow at 02:00", "On Thu at 17:00", "On Mon 5 Jan at 17:00". */
export function closingWords(instant: number, now: number, timeZone: string, clock: Clock): string {
  const at = localParts(instant, timeZone);
  const days = dayNumber(at.date) - dayNumber(localParts(now, timeZone).date);
  const time = clockTime(at.minutes, clock);
  if (days === 0) return `${at.minutes >= 17 * 60 ? 'Tonight' : 'Today'} at ${time}`;
  if (days === 1) return at.minutes === 0 ? 'Tonight at midnight' : `Tomorrow at ${time}`;
  const weekday = WEEKDAY_SHORT[at.weekday];
  return days > 1 && days <= 6 ? `On ${weekday} at ${time}` : `On ${weekday} ${shortDate(at.date)} at ${time}`;
}

/** The first decision from `now` on that is after hours (not work, not a break), or null if none is within reach. */
function evening(settings: Settings, now: number, timeZone: string): { at: number; decision: Decision } | null {
  let at = now;
  let decision = decide(settings, at, timeZone);
  for (let step = 0; step < MAX_STEPS; step++) {
    if (decision.state === 'off' || decision.state === 'timeOff') return { at, decision };
    if (decision.stateEndsAt === null) return null;
    at = decision.stateEndsAt;
    decision = decide(settings, at, timeZone);
  }
  return null;
}

const VERBS: Record<Action, { one: string; many: string; oneNow: string; manyNow: string }> = {
  block: { one: 'closes', many: 'close', oneNow: 'is closed', manyNow: 'are closed' },
  dim: { one: 'dims', many: 'dim', oneNow: 'is dimmed', manyNow: 'are dimmed' },
  allow: { one: 'stays open', many: 'stay open', oneNow: 'is open', manyNow: 'are open' },
};

/**
 * The sentence for `settings` seen at `now` in `timeZone` (resolved, never "system"): when the
 * work tools close, which close and which dim until when, and which stay open; times in `clock`.
 */
export function tonight(settings: Settings, now: number, timeZone: string, clock: Clock): Tonight {
  const sites = enabledSites(settings);
  const found = evening(settings, now, timeZone);
  if (!found) {
    const text =
      sites.length === 0 ? 'You have chosen no work tools, so nothing closes.' : 'Your hours run around the clock for weeks ahead, so nothing closes.';
    return { text, at: null, until: null, block: [], dim: [], allow: sites.map((s) => s.name) };
  }
  const { at, decision } = found;
  const names = (action: Action) => sites.filter((site) => decision.siteActions[site.id] === action).map((site) => site.name);
  const lists = { block: names('block'), dim: names('dim'), allow: names('allow') };
  const until = decision.nextWorkAt;
  const already = at === now;
  const result = (text: string): Tonight => ({ text, at, until, ...lists });

  if (sites.length === 0)
    return result(
      already
        ? 'It is after hours now, but you have chosen no work tools, so nothing is closed.'
        : `${closingWords(at, now, timeZone, clock)} your work hours end, but you have chosen no work tools, so nothing closes.`,
    );
  if (!lists.block.length && !lists.dim.length) {
    return result(
      already
        ? 'It is after hours now, and you left every work tool open.'
        : `${closingWords(at, now, timeZone, clock)} your work hours end; you left every work tool open, so nothing closes.`,
    );
  }
  const untilWords = until === null ? ', with no work hours ahead' : ` until ${describeInstant(until, now, timeZone, clock)}`;
  const clauses: string[] = [];
  for (const action of ['block', 'dim', 'allow'] as const) {
    const list = lists[action];
    if (!list.length) continue;
    const verb = VERBS[action];
    const words = list.length === 1 ? (already ? verb.oneNow : verb.one) : already ? verb.manyNow : verb.many;
    clauses.push(`${nameList(list, NAMES)} ${words}${clauses.length === 0 ? untilWords : ''}`);
  }
  return result(`${already ? 'It is after hours now:' : closingWords(at, now, timeZone, clock)} ${clauses.join('; ')}.`);
}

/** A category's sites as the subject of a sentence. */
const SITES_OF: Record<Category, string> = {
  ehr: 'your EHRs',
  practice: 'practice management and billing sites',
  telehealth: 'telehealth sites',
  email: 'email and messaging sites',
};

/** What a clinician sees of a category's sites after hours, in one sentence per action. */
export function actionSentence(category: Category, action: Action): string {
  const tools = SITES_OF[category];
  switch (action) {
    case 'block':
      return `After hours ${tools} do not load: you see a calm page saying when they open again, and a tab left open is covered, with what you typed kept underneath.`;
    case 'dim':
      return `After hours ${tools} stay usable but grey, with a small bar saying it is after hours.`;
    case 'allow':
      return `Clocked Out leaves ${tools} alone, at any hour.`;
  }
}

/** The crisis exception in one line. */
export function crisisLine(settings: Settings): string {
  return `If a client is in crisis after hours, press "Crisis exception…" in the toolbar popup or on the blocked page: one confirmation opens what you need for ${settings.exceptions.defaultMinutes} minutes, and it closes again by itself.`;
}
