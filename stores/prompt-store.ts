/** Which prompts the popup has shown today, so it keeps one per moment and repeats none within the day. */
import { defineItem } from './item';
import { choosePrompt, ownPrompts, PROMPTS, type Moment, type Prompt, type PromptChoice } from '@/utils/prompts';
import type { LocalDate } from '@/utils/types';

interface Shown {
  date: LocalDate;
  /** Prompt ids, oldest first (no prompt text is kept). */
  shown: string[];
  current: { moment: Moment; id: string } | null;
}

export const shownPromptsItem = defineItem<Shown | null>('local:popupPrompts', { fallback: null });

/** Today's prompt for the moment: the one already chosen for it, or a new one not yet shown today. */
export async function promptForToday(choice: Omit<PromptChoice, 'shown'>): Promise<Prompt | null> {
  const stored = await shownPromptsItem.getValue().catch(() => null);
  const today: Shown = stored?.date === choice.date ? stored : { date: choice.date, shown: [], current: null };
  if (today.current?.moment === choice.moment) {
    const id = today.current.id;
    const kept = [...PROMPTS, ...ownPrompts(choice.own)].find((p) => p.id === id);
    if (kept && (kept.area === 'own' || choice.areas[kept.area] !== false)) return kept;
  }
  const prompt = choosePrompt({ ...choice, shown: today.shown });
  if (prompt) {
    await shownPromptsItem
      .setValue({ date: choice.date, shown: [...today.shown.filter((id) => id !== prompt.id), prompt.id], current: { moment: choice.moment, id: prompt.id } })
      .catch(() => undefined);
  }
  return prompt;
}
