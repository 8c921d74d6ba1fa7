/**
 * What the end of the working day will look like, in words, for the welcome guide's last step:
 * "Tonight at 17:00 SimplePractice and TherapyNotes close until tomorrow 09:00; Gmail dims."
 * Pure: the same `decide` the worker runs, on the settings the clinician is about to confirm.
 */
import { type Clock, clockTime, shortDate } from './clock';
import { describeInstant } from './describe';
import type { Translate } from './i18n';
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
export function closingWords(t: Translate, instant: number, now: number, timeZone: string, clock: Clock): string {
  const at = localParts(instant, timeZone);
  const days = dayNumber(at.date) - dayNumber(localParts(now, timeZone).date);
  const time = clockTime(at.minutes, clock);
  if (days === 0) return t(at.minutes >= 17 * 60 ? 'clTonight' : 'clToday', time);
  if (days === 1) return at.minutes === 0 ? t('clMidnight') : t('clTomorrow', time);
  const weekday = t(`d_${at.weekday}`);
  return days > 1 && days <= 6 ? t('clDay', weekday, time) : t('clDate', weekday, shortDate(t, at.date), time);
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

/**
 * The sentence for `settings` seen at `now` in `timeZone` (resolved, never "system"): when the
 * work tools close, which close and which dim until when, and which stay open; times in `clock`.
 */
export function tonight(t: Translate, settings: Settings, now: number, timeZone: string, clock: Clock): Tonight {
  const sites = enabledSites(settings);
  const found = evening(settings, now, timeZone);
  if (!found) {
    const text = t(sites.length === 0 ? 'tnNoTools' : 'tnAroundClock');
    return { text, at: null, until: null, block: [], dim: [], allow: sites.map((s) => s.name) };
  }
  const { at, decision } = found;
  const names = (action: Action) => sites.filter((site) => decision.siteActions[site.id] === action).map((site) => site.name);
  const lists = { block: names('block'), dim: names('dim'), allow: names('allow') };
  const until = decision.nextWorkAt;
  const already = at === now;
  const result = (text: string): Tonight => ({ text, at, until, ...lists });

  if (sites.length === 0) return result(already ? t('tnNoToolsNow') : t('tnNoToolsAt', closingWords(t, at, now, timeZone, clock)));
  if (!lists.block.length && !lists.dim.length) {
    return result(already ? t('tnAllOpenNow') : t('tnAllOpenAt', closingWords(t, at, now, timeZone, clock)));
  }
  const clauses: string[] = [];
  for (const action of ['block', 'dim', 'allow'] as const) {
    const list = lists[action];
    if (!list.length) continue;
    // v_block_1, v_block_n, v_block_1Now …: the verb agrees with one name or several, and with the moment.
    const clause = t(`v_${action}_${list.length === 1 ? '1' : 'n'}${already ? 'Now' : ''}`, nameList(t, list, NAMES));
    if (clauses.length > 0) clauses.push(clause);
    else clauses.push(until === null ? t('tnNoneAhead', clause) : t('untilAt', clause, describeInstant(t, until, now, timeZone, clock)));
  }
  return result(already ? t('tnNow', clauses.join('; ')) : t('tnAt', closingWords(t, at, now, timeZone, clock), clauses.join('; ')));
}

/** What a clinician sees of a category's sites after hours, in one sentence per action (its sites the subject, `sitesOf_<category>`). */
export function actionSentence(t: Translate, category: Category, action: Action): string {
  return t(`act_${action}`, t(`sitesOf_${category}`));
}

/** The crisis exception in one line. */
export function crisisLine(t: Translate, settings: Settings): string {
  return t('crisisLine', settings.exceptions.defaultMinutes);
}
