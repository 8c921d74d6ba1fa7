import { t } from '@/stores/i18n';
import { promptText, type Moment, type Prompt } from '@/utils/prompts';

/** A self-care prompt chosen for the moment; nothing when every area is switched off. */
export function PromptCard({ prompt, moment }: { prompt: Prompt | null; moment: Moment }) {
  if (!prompt) return null;
  return (
    <aside class="prompt" aria-labelledby="prompt-title">
      <h2 id="prompt-title">{t(`moment_${moment}`)}</h2>
      <p>{promptText(t, prompt)}</p>
    </aside>
  );
}
