import type { Moment, Prompt } from '@/utils/prompts';

const TITLES: Readonly<Record<Moment, string>> = {
  morning: 'For the day ahead',
  break: 'Between sessions',
  lastHour: 'For the last hour',
  afterHours: 'For this evening',
  heavyWeek: 'After a heavy week',
  dayOff: 'For your day off',
};

/** A self-care prompt chosen for the moment; nothing when every area is switched off. */
export function PromptCard({ prompt, moment }: { prompt: Prompt | null; moment: Moment }) {
  if (!prompt) return null;
  return (
    <aside class="prompt" aria-labelledby="prompt-title">
      <h2 id="prompt-title">{TITLES[moment]}</h2>
      <p>{prompt.text}</p>
    </aside>
  );
}
