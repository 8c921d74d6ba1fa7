/**
 * Self-care prompts (five areas: README "The settings document", `selfCare`), each tagged by area and by the moments it suits, and
 * a pure chooser: the same inputs always give the same prompt, and none repeats within a day.
 */
import type { Decision } from './policy';
import type { LocalDate } from './types';
import { HOUR } from './zoned-time';

export const AREAS = ['boundaries', 'basics', 'tech', 'timeOff', 'support'] as const;
export type Area = (typeof AREAS)[number];

export const MOMENTS = ['morning', 'break', 'lastHour', 'afterHours', 'heavyWeek', 'dayOff'] as const;
export type Moment = (typeof MOMENTS)[number];

export interface Prompt {
  /** Stable across releases for built-ins; `own:<hash>` for the clinician's own. */
  readonly id: string;
  readonly text: string;
  /** `own` for the clinician's own prompts, which suit every moment. */
  readonly area: Area | 'own';
  readonly moments: readonly Moment[];
}

type Entry = readonly [id: string, moments: readonly Moment[], text: string];

const LIBRARY: Readonly<Record<Area, readonly Entry[]>> = {
  boundaries: [
    ['close-time', ['morning'], "Decide now what time you'll close the laptop today, and tell one person."],
    ['mark-breaks', ['morning'], "Look at today's sessions and mark the breaks before anything else fills them."],
    ['note-that-matters', ['lastHour'], "Last hour: finish the note that matters most. The rest can wait for tomorrow's admin time."],
    ['sticky-note', ['lastHour'], "Write tomorrow's first task on a sticky note, so you don't carry it home in your head."],
    ['message-can-wait', ['lastHour', 'afterHours'], 'If a message can wait until tomorrow, let it. Your auto-reply says when you are back.'],
    ['notes-at-nine', ['afterHours'], 'The notes will still be there in the morning. Tonight is yours.'],
    ['phone-other-room', ['afterHours', 'dayOff'], 'Put the phone in another room for an hour and notice how it feels.'],
    ['held-a-lot', ['afterHours'], 'You held a lot today. Let someone hold something for you tonight.'],
    ['paper-then-close', ['afterHours'], 'Write the one thing on your mind on paper, then close the notebook.'],
    ['break-on-schedule', ['break'], 'This break is on your schedule for a reason. The inbox is not invited.'],
    ['free-evening', ['heavyWeek'], 'It was a heavy week. Pick one evening next week that is fully off and put it in your calendar now.'],
    ['say-no', ['heavyWeek'], 'Saying no to one extra request next week is a gift to the clients you already have.'],
    ['laptop-closed', ['dayOff'], "A day off works best when work can't find you. Leave the work laptop closed."],
  ],
  basics: [
    ['lunch-like-session', ['morning'], 'Put lunch in your calendar like a session: a time, a place, no screen.'],
    ['water-bottle', ['morning'], 'Fill your water bottle before the first session.'],
    ['far-away', ['break'], 'Stand up, roll your shoulders, and look at something far away for a minute.'],
    ['protein', ['break'], 'Eat something with protein. An afternoon after a skipped lunch is longer than it looks.'],
    ['three-breaths', ['break', 'lastHour'], 'Three slow breaths, the out-breath longer than the in-breath, before the next client.'],
    ['ten-minute-walk', ['break', 'afterHours'], 'A ten-minute walk outside resets more than another chart review would.'],
    ['feet-on-floor', ['lastHour'], 'Between the last two sessions: one minute with your eyes closed and your feet on the floor.'],
    ['warm-meal', ['afterHours'], 'Eat something warm, sitting down, without a screen.'],
    ['sleep-plan', ['afterHours'], 'Sleep is part of the treatment plan. Yours.'],
    ['dim-lights', ['afterHours'], 'Dim the lights an hour before bed. Your nervous system listened all day.'],
    ['same-bedtime', ['heavyWeek'], 'After a week like this, protect sleep first: the same bedtime for the next three nights.'],
    ['move-you-enjoy', ['dayOff'], 'Move in a way you enjoy today: a swim, a bike ride, a long walk with nowhere to be.'],
    ['slow-cooking', ['dayOff'], 'Cook something that takes longer than a workday would ever allow.'],
  ],
  tech: [
    ['only-the-tools', ['morning'], "Open only the tools today's sessions need, and close the tabs that just watch you."],
    ['note-template', ['morning'], 'Which part of your notes do you retype every time? Let a template do it.'],
    ['mute-for-break', ['break'], 'Mute work notifications for this break. They will still be there after it.'],
    ['batch-billing', ['lastHour'], 'Batch the billing: ten focused minutes beat a trickle all evening.'],
    ['out-of-office', ['lastHour'], "Set your after-hours reply now, with tomorrow's start time in it."],
    ['email-off-home', ['afterHours'], "Move work email off your phone's home screen tonight: out of sight, out of thumb."],
    ['automate-one', ['heavyWeek'], 'Which admin task ate the most time this week? Look for a template or a shortcut for it.'],
    ['trust-auto-reply', ['dayOff'], 'Your auto-reply says exactly when you will be back. Trust it.'],
  ],
  timeOff: [
    ['next-day-off', ['morning'], 'Is your next day off in the calendar yet? If not, pick it before lunch.'],
    ['next-holiday', ['break'], 'Picture the next holiday you want. When will you tell clients about it?'],
    ['give-back-afternoon', ['heavyWeek'], 'Heavy weeks are balanced by real time off. Which afternoon can you give back to yourself?'],
    ['take-it-back', ['heavyWeek'], 'You worked extra this week. Take the same time back: it is owed to you.'],
    ['not-catch-up', ['dayOff'], 'Today is a day off, not a catch-up day. The notes can wait.'],
    ['rest-not-reward', ['dayOff'], 'Rest is not a reward for finishing everything. It is part of doing this work well.'],
    ['whole-week', ['afterHours'], 'When did you last take a whole week off? Your clients are better served by a rested you.'],
    ['block-a-day', ['lastHour'], 'Before you finish, block out one day off in the next month.'],
  ],
  support: [
    ['consultation-group', ['morning'], 'When does your consultation group meet next? Put it in the calendar.'],
    ['two-line-message', ['break'], 'Send a two-line message to a colleague: how is your week going?'],
    ['case-alone', ['lastHour'], 'Is there a case you are carrying alone? Bring it to supervision or peer consultation.'],
    ['friend-not-work', ['afterHours'], 'Text a friend who has nothing to do with work.'],
    ['call-someone', ['afterHours'], 'Call someone who knows you outside the therapy room.'],
    ['set-it-down', ['heavyWeek'], 'After a hard week, talk it through with a peer: not to fix it, just to set it down.'],
    ['who-hears', ['heavyWeek'], 'Your own therapist, a supervisor, a friend: who hears about your week?'],
    ['makes-you-laugh', ['dayOff'], 'See someone today who makes you laugh.'],
    ['say-yes', ['dayOff'], "Say yes to the invitation you'd usually skip for paperwork."],
  ],
};

/** The built-in library. */
export const PROMPTS: readonly Prompt[] = AREAS.flatMap((area) => LIBRARY[area].map(([id, moments, text]) => ({ id: `${area}:${id}`, text, area, moments })));

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
