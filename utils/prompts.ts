/** Self-care prompts (a first set; the popup issue grows the library and the choice by moment). */
const AFTER_HOURS = [
  'The notes will still be there at 9. Tonight is yours.',
  'Put the phone in another room for an hour and see how it feels.',
  'Eat something warm, sitting down, without a screen.',
  'A ten-minute walk outside resets more than another chart review would.',
  'Text a friend who has nothing to do with work.',
  'You held a lot today. Let someone hold something for you tonight.',
  'Write the one thing on your mind on paper, then close the notebook.',
  'Sleep is part of the treatment plan — yours.',
] as const;

/** A prompt that stays the same for the whole local day (no flicker between page loads). */
export function promptFor(dayKey: string, salt = 0): string {
  let hash = salt;
  for (const char of dayKey) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return AFTER_HOURS[hash % AFTER_HOURS.length] ?? AFTER_HOURS[0];
}
