/** Self-care: which prompt areas show, your own prompts, and a plan of recurring personal blocks. */
import { useState } from 'preact/hooks';
import { SELF_CARE_NAMES, type SelfCareArea, weekdaysWords } from '@/utils/import-summary';
import { type Weekday, WEEKDAYS } from '@/utils/types';
import { WEEKDAY_SHORT } from '@/utils/names';
import { shortDate } from '@/utils/clock';
import { FieldError, isLocked, LockedNote, type SectionProps } from './shared';

const AREAS = Object.keys(SELF_CARE_NAMES) as SelfCareArea[];
const strip = (messages: readonly string[]) => messages.map((m) => m.replace(/^selfCare\.\w+(\[\d+\])?(\.\w+)?: /, ''));

export function SelfCareSection({ settings, update, locked }: SectionProps) {
  const { categories, prompts, plan } = settings.selfCare;
  const [prompt, setPrompt] = useState('');
  const [promptErrors, setPromptErrors] = useState<string[]>([]);
  const [days, setDays] = useState<Weekday[]>([]);
  const [from, setFrom] = useState('12:00');
  const [to, setTo] = useState('12:45');
  const [label, setLabel] = useState('');
  const [planErrors, setPlanErrors] = useState<string[]>([]);

  const setArea = (area: SelfCareArea, on: boolean) =>
    void update((s) => ({ ...s, selfCare: { ...s.selfCare, categories: { ...s.selfCare.categories, [area]: on } } }));

  const addPrompt = async (event: Event) => {
    event.preventDefault();
    const text = prompt.trim();
    if (!text) return setPromptErrors(['Write the prompt first.']);
    const errors = await update((s) => ({ ...s, selfCare: { ...s.selfCare, prompts: [...s.selfCare.prompts, text] } }));
    setPromptErrors(strip(errors));
    if (!errors.length) setPrompt('');
  };
  const removePrompt = (index: number) =>
    void update((s) => ({ ...s, selfCare: { ...s.selfCare, prompts: s.selfCare.prompts.filter((_, i) => i !== index) } }));

  const addBlock = async (event: Event) => {
    event.preventDefault();
    if (!days.length) return setPlanErrors(['Choose at least one day.']);
    if (!from || !to) return setPlanErrors(['Enter a start and an end time.']);
    const block = { days: WEEKDAYS.filter((d) => days.includes(d)), from, to, label: label.trim() };
    const errors = await update((s) => ({ ...s, selfCare: { ...s.selfCare, plan: [...s.selfCare.plan, block] } }));
    setPlanErrors(strip(errors));
    if (!errors.length) {
      setDays([]);
      setLabel('');
    }
  };
  const removeBlock = (index: number) => void update((s) => ({ ...s, selfCare: { ...s.selfCare, plan: s.selfCare.plan.filter((_, i) => i !== index) } }));

  const promptsLocked = isLocked(locked, 'selfCare.prompts');
  const planLocked = isLocked(locked, 'selfCare.plan');
  return (
    <div class="selfcare">
      <fieldset>
        <legend>Prompts to show</legend>
        <ul class="checks">
          {AREAS.map((area) => {
            const areaLocked = isLocked(locked, `selfCare.categories.${area}`);
            return (
              <li key={area}>
                <label>
                  <input type="checkbox" checked={categories[area]} disabled={areaLocked} onChange={(e) => setArea(area, e.currentTarget.checked)} />
                  {SELF_CARE_NAMES[area]}
                </label>
                {areaLocked && <LockedNote />}
              </li>
            );
          })}
        </ul>
      </fieldset>

      <fieldset disabled={promptsLocked}>
        <legend>Your own prompts</legend>
        {promptsLocked && <LockedNote />}
        {prompts.length > 0 && (
          <ul class="list">
            {prompts.map((text, index) => (
              <li key={`${index}-${text}`}>
                <span>{text}</span>
                <button type="button" class="quiet" aria-label={`Remove prompt: ${text}`} onClick={() => removePrompt(index)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="add-row" onSubmit={addPrompt} aria-label="Add a prompt">
          <div class="field grow">
            <label for="prompt-text">New prompt</label>
            <input
              id="prompt-text"
              type="text"
              maxLength={200}
              value={prompt}
              placeholder="e.g. Call Sam back — not about work"
              aria-invalid={promptErrors.length > 0 || undefined}
              aria-describedby={promptErrors.length ? 'prompt-error' : undefined}
              onInput={(e) => setPrompt(e.currentTarget.value)}
            />
          </div>
          <button type="submit">Add prompt</button>
        </form>
        <FieldError id="prompt-error" messages={promptErrors} />
      </fieldset>

      <fieldset disabled={planLocked}>
        <legend>Self-care plan</legend>
        {planLocked && <LockedNote />}
        <p class="hint">Recurring personal time inside your work hours — a walk, lunch, a call home. These blocks are protected like breaks.</p>
        {plan.length > 0 && (
          <ul class="list">
            {plan.map((block, index) => {
              const words = `${block.date ? `On ${shortDate(block.date)}` : weekdaysWords(block.days)} ${block.from}–${block.to}${block.label ? ` ${block.label}` : ''}`;
              return (
                <li key={`${index}-${words}`}>
                  <span>{words}</span>
                  <button type="button" class="quiet" aria-label={`Remove ${words}`} onClick={() => removeBlock(index)}>
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <form class="add-row" onSubmit={addBlock} aria-label="Add a self-care block">
          <fieldset class="days">
            <legend>Days</legend>
            {WEEKDAYS.map((d) => (
              <label key={d} class="day-check">
                <input
                  type="checkbox"
                  checked={days.includes(d)}
                  onChange={(e) => setDays((list) => (e.currentTarget.checked ? [...list, d] : list.filter((x) => x !== d)))}
                />
                {WEEKDAY_SHORT[d]}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="plan-from">From</label>
            <input id="plan-from" type="time" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="plan-to">To</label>
            <input id="plan-to" type="time" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </div>
          <div class="field grow">
            <label for="plan-label">What</label>
            <input id="plan-label" type="text" maxLength={80} value={label} placeholder="e.g. walk" onInput={(e) => setLabel(e.currentTarget.value)} />
          </div>
          <button type="submit">Add to plan</button>
        </form>
        <FieldError id="plan-error" messages={planErrors} />
      </fieldset>
    </div>
  );
}
