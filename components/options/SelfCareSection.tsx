/** Self-care: which prompt areas show, your own prompts, and a plan of recurring personal blocks. */
import { t } from '@/stores/i18n';
import { useState } from 'preact/hooks';
import { hhmm, parseClockTime, showTime } from '@/utils/clock';
import { planWords, SELF_CARE_NAMES, type SelfCareArea } from '@/utils/import-summary';
import { type Weekday, WEEKDAYS } from '@/utils/types';
import { pageClock } from '../clock';
import { unreadable } from './HoursEditor';
import { FieldError, isLocked, LockedNote, type SectionProps } from './shared';

const AREAS = Object.keys(SELF_CARE_NAMES) as SelfCareArea[];
const strip = (messages: readonly string[]) => messages.map((m) => m.replace(/^selfCare\.\w+(\[\d+\])?(\.\w+)?: /, ''));

/** A block's start or end, typed in the clinician's clock (read when the block is added). */
function PlanTime({ id, label, value, onInput, invalid }: { id: string; label: string; value: string; onInput(value: string): void; invalid: boolean }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        class="time"
        size={8}
        autoComplete="off"
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'plan-error' : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}

export function SelfCareSection({ settings, update, locked }: SectionProps) {
  const { categories, prompts, plan } = settings.selfCare;
  const [prompt, setPrompt] = useState('');
  const [promptErrors, setPromptErrors] = useState<string[]>([]);
  const [days, setDays] = useState<Weekday[]>([]);
  // The times as typed, in the clinician's clock ("12:00 PM" or "12:00"), read when the block is added.
  const clock = pageClock(settings.clock);
  const [from, setFrom] = useState(() => showTime('12:00', clock));
  const [to, setTo] = useState(() => showTime('12:45', clock));
  const [label, setLabel] = useState('');
  const [planErrors, setPlanErrors] = useState<string[]>([]);

  const setArea = (area: SelfCareArea, on: boolean) =>
    void update((s) => ({ ...s, selfCare: { ...s.selfCare, categories: { ...s.selfCare.categories, [area]: on } } }));

  const addPrompt = async (event: Event) => {
    event.preventDefault();
    const text = prompt.trim();
    if (!text) return setPromptErrors([t('writePromptFirst')]);
    const errors = await update((s) => ({ ...s, selfCare: { ...s.selfCare, prompts: [...s.selfCare.prompts, text] } }));
    setPromptErrors(strip(errors));
    if (!errors.length) setPrompt('');
  };
  const removePrompt = (index: number) =>
    void update((s) => ({ ...s, selfCare: { ...s.selfCare, prompts: s.selfCare.prompts.filter((_, i) => i !== index) } }));

  const addBlock = async (event: Event) => {
    event.preventDefault();
    if (!days.length) return setPlanErrors([t('chooseDay')]);
    if (!from.trim() || !to.trim()) return setPlanErrors([t('enterStartEnd')]);
    const [start, end] = [parseClockTime(from, clock), parseClockTime(to, clock)];
    if (start === null) return setPlanErrors([unreadable(from.trim(), clock)]);
    if (end === null) return setPlanErrors([unreadable(to.trim(), clock)]);
    const block = { days: WEEKDAYS.filter((d) => days.includes(d)), from: hhmm(start % 1440), to: hhmm(end), label: label.trim() };
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
        <legend>{t('promptsToShow')}</legend>
        <ul class="checks">
          {AREAS.map((area) => {
            const areaLocked = isLocked(locked, `selfCare.categories.${area}`);
            return (
              <li key={area}>
                <label>
                  <input type="checkbox" checked={categories[area]} disabled={areaLocked} onChange={(e) => setArea(area, e.currentTarget.checked)} />
                  {t(SELF_CARE_NAMES[area])}
                </label>
                {areaLocked && <LockedNote />}
              </li>
            );
          })}
        </ul>
      </fieldset>

      <fieldset disabled={promptsLocked}>
        <legend>{t('ownPrompts')}</legend>
        {promptsLocked && <LockedNote />}
        {prompts.length > 0 && (
          <ul class="list">
            {prompts.map((text, index) => (
              <li key={`${index}-${text}`}>
                <span>{text}</span>
                <button type="button" class="quiet" aria-label={t('removePrompt', text)} onClick={() => removePrompt(index)}>
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="add-row" onSubmit={addPrompt} aria-label={t('addAPrompt')}>
          <div class="field grow">
            <label for="prompt-text">{t('newPrompt')}</label>
            <input
              id="prompt-text"
              type="text"
              maxLength={200}
              value={prompt}
              placeholder={t('promptPlaceholder')}
              aria-invalid={promptErrors.length > 0 || undefined}
              aria-describedby={promptErrors.length ? 'prompt-error' : undefined}
              onInput={(e) => setPrompt(e.currentTarget.value)}
            />
          </div>
          <button type="submit">{t('addPrompt')}</button>
        </form>
        <FieldError id="prompt-error" messages={promptErrors} />
      </fieldset>

      <fieldset disabled={planLocked}>
        <legend>{t('plan')}</legend>
        {planLocked && <LockedNote />}
        <p class="hint">{t('planHint')}</p>
        {plan.length > 0 && (
          <ul class="list">
            {plan.map((block, index) => {
              const words = planWords(t, block, clock);
              return (
                <li key={`${index}-${words}`}>
                  <span>{words}</span>
                  <button type="button" class="quiet" aria-label={t('csRemove', words)} onClick={() => removeBlock(index)}>
                    {t('remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <form class="add-row" onSubmit={addBlock} aria-label={t('addBlock')}>
          <fieldset class="days">
            <legend>{t('daysLegend')}</legend>
            {WEEKDAYS.map((d) => (
              <label key={d} class="day-check">
                <input
                  type="checkbox"
                  checked={days.includes(d)}
                  onChange={(e) => setDays((list) => (e.currentTarget.checked ? [...list, d] : list.filter((x) => x !== d)))}
                />
                {t(`d_${d}`)}
              </label>
            ))}
          </fieldset>
          <PlanTime id="plan-from" label={t('fromLabel')} value={from} onInput={setFrom} invalid={planErrors.length > 0} />
          <PlanTime id="plan-to" label={t('toLabel')} value={to} onInput={setTo} invalid={planErrors.length > 0} />
          <div class="field grow">
            <label for="plan-label">{t('whatLabel')}</label>
            <input
              id="plan-label"
              type="text"
              maxLength={80}
              value={label}
              placeholder={t('walkPlaceholder')}
              onInput={(e) => setLabel(e.currentTarget.value)}
            />
          </div>
          <button type="submit">{t('addToPlan')}</button>
        </form>
        <FieldError id="plan-error" messages={planErrors} />
      </fieldset>
    </div>
  );
}
