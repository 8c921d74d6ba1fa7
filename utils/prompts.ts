/**
 * Self-care prompts (five areas: README "The settings document", `selfCare`), each tagged by area and by the moments it suits, and
 * a pure chooser: the same inputs always give the same prompt, and none repeats within a day.
 */
import type { Decision } from './policy';
import type { MessageKey, Translate } from './i18n';
import type { LocalDate } from './types';
import { HOUR } from './zoned-time';

export const AREAS = ['boundaries', 'basics', 'tech', 'timeOff', 'support'] as const;
export type Area = (typeof AREAS)[number];

export const MOMENTS = ['morning', 'break', 'lastHour', 'afterHours', 'heavyWeek', 'dayOff'] as const;
export type Moment = (typeof MOMENTS)[number];

export interface Prompt {
  /** Stable across releases for built-ins; `own:<hash>` for the clinician's own. */
  readonly id: string;
  /** The clinician's own words; a built-in's are a message (`promptText`). */
  readonly text?: string;
  /** `own` for the clinician's own prompts, which suit every moment. */
  readonly area: Area | 'own';
  readonly moments: readonly Moment[];
}

/** A built-in: its words are the message `p_<id>` (dashes as underscores). */
type Entry = readonly [id: string, moments: readonly Moment[]];

const LIBRARY: Readonly<Record<Area, readonly Entry[]>> = {
  boundaries: [
    ['close-time', ['morning']],
    ['mark-breaks', ['morning']],
    ['note-that-matters', ['lastHour']],
    ['sticky-note', ['lastHour']],
    ['message-can-wait', ['lastHour', 'afterHours']],
    ['notes-at-nine', ['afterHours']],
    ['phone-other-room', ['afterHours', 'dayOff']],
    ['held-a-lot', ['afterHours']],
    ['paper-then-close', ['afterHours']],
    ['break-on-schedule', ['break']],
    ['free-evening', ['heavyWeek']],
    ['say-no', ['heavyWeek']],
    ['laptop-closed', ['dayOff']],
  ],
  basics: [
    ['lunch-like-session', ['morning']],
    ['water-bottle', ['morning']],
    ['far-away', ['break']],
    ['protein', ['break']],
    ['three-breaths', ['break', 'lastHour']],
    ['ten-minute-walk', ['break', 'afterHours']],
    ['feet-on-floor', ['lastHour']],
    ['warm-meal', ['afterHours']],
    ['sleep-plan', ['afterHours']],
    ['dim-lights', ['afterHours']],
    ['same-bedtime', ['heavyWeek']],
    ['move-you-enjoy', ['dayOff']],
    ['slow-cooking', ['dayOff']],
  ],
  tech: [
    ['only-the-tools', ['morning']],
    ['note-template', ['morning']],
    ['mute-for-break', ['break']],
    ['batch-billing', ['lastHour']],
    ['out-of-office', ['lastHour']],
    ['email-off-home', ['afterHours']],
    ['automate-one', ['heavyWeek']],
    ['trust-auto-reply', ['dayOff']],
  ],
  timeOff: [
    ['next-day-off', ['morning']],
    ['next-holiday', ['break']],
    ['give-back-afternoon', ['heavyWeek']],
    ['take-it-back', ['heavyWeek']],
    ['not-catch-up', ['dayOff']],
    ['rest-not-reward', ['dayOff']],
    ['whole-week', ['afterHours']],
    ['block-a-day', ['lastHour']],
  ],
  support: [
    ['consultation-group', ['morning']],
    ['two-line-message', ['break']],
    ['case-alone', ['lastHour']],
    ['friend-not-work', ['afterHours']],
    ['call-someone', ['afterHours']],
    ['set-it-down', ['heavyWeek']],
    ['who-hears', ['heavyWeek']],
    ['makes-you-laugh', ['dayOff']],
    ['say-yes', ['dayOff']],
  ],
};

/** The built-in library. */
export const PROMPTS: readonly Prompt[] = AREAS.flatMap((area) => LIBRARY[area].map(([id, moments]) => ({ id: `${area}:${id}`, area, moments })));

/** The message key of a built-in prompt: `boundaries:close-time` → `p_close_time`. */
export function promptKey(prompt: Prompt): MessageKey {
  return `p_${prompt.id.slice(prompt.id.indexOf(':') + 1).replace(/-/g, '_')}` as MessageKey;
}

/** What a prompt says: the clinician's own words as written, a built-in in the browser's language. */
export function promptText(t: Translate, prompt: Prompt): string {
  return prompt.text ?? t(promptKey(prompt));
}

function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** The clinician's own prompts (settings `selfCare.prompts`) as prompts for every moment. */
export function ownPrompts(texts: readonly string[]): Prompt[] {
  return texts.map((text) => ({ id: `own:${hash(text.trim()).toString(36)}`, text: text.trim(), area: 'own', moments: MOMENTS }));
}

export interface PromptChoice {
  readonly moment: Moment;
  readonly date: LocalDate;
  /** Areas switched off in settings (`selfCare.categories`) are left out; absent ones are on. */
  readonly areas: Readonly<Partial<Record<Area, boolean>>>;
  /** The clinician's own prompt texts. */
  readonly own: readonly string[];
  /** Ids of the prompts already shown today, oldest first. */
  readonly shown: readonly string[];
}

/**
 * A prompt for the moment that has not been shown today: one tagged for the moment if any is left,
 * else any other left in the enabled areas; only when all are used up the oldest for the moment
 * comes back. Null when every area is off and there are no own prompts.
 */
export function choosePrompt({ moment, date, areas, own, shown }: PromptChoice): Prompt | null {
  const pool = [...PROMPTS.filter((p) => p.area !== 'own' && areas[p.area] !== false), ...ownPrompts(own)];
  const seen = new Set(shown);
  const fresh = pool.filter((p) => !seen.has(p.id));
  const forMoment = fresh.filter((p) => p.moments.includes(moment));
  const candidates = forMoment.length > 0 ? forMoment : fresh;
  if (candidates.length > 0) return candidates[hash(`${date} ${moment} ${shown.length}`) % candidates.length] ?? null;
  const oldest = shown.map((id) => pool.find((p) => p.id === id)).find((p) => p?.moments.includes(moment));
  return oldest ?? pool[0] ?? null;
}

/**
 * The moment a decision is in: a day off; after hours (a heavy week colours them); a break; the
 * last hour of work; the first two hours of work ("morning", whenever the day starts); and, in
 * the middle of a working day, the short resets of a break.
 */
export function momentFor(decision: Decision, now: number, heavyWeek = false): Moment {
  switch (decision.state) {
    case 'timeOff':
      return 'dayOff';
    case 'off':
      return heavyWeek ? 'heavyWeek' : 'afterHours';
    case 'break':
      return 'break';
    case 'work':
      if (decision.stateEndsAt !== null && decision.stateEndsAt - now <= HOUR) return 'lastHour';
      if (decision.stateStartedAt !== null && now - decision.stateStartedAt < 2 * HOUR) return 'morning';
      return 'break';
  }
}
