/** Days off and vacations: a single day or a range with a label; past ones listed as taken. */
import { plural } from '@/utils/i18n';
import { t } from '@/stores/i18n';
import { useState } from 'preact/hooks';
import { daysOffWords } from '@/utils/import-summary';
import { dayNumber } from '@/utils/zoned-time';
import { FieldError, isLocked, LockedNote, type SectionProps } from './shared';

export interface DaysOffProps extends SectionProps {
  /** Today's local date, `YYYY-MM-DD`. */
  today: string;
}

type Entry = DaysOffProps['settings']['timeOff'][number];

const length = (e: Entry) => dayNumber(e.to) - dayNumber(e.from) + 1;

export function DaysOffSection({ settings, update, locked, today }: DaysOffProps) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const disabled = isLocked(locked, 'timeOff');

  const entries = settings.timeOff.map((entry, index) => ({ entry, index }));
  const upcoming = entries.filter(({ entry }) => entry.to >= today).sort((a, b) => a.entry.from.localeCompare(b.entry.from));
  const taken = entries.filter(({ entry }) => entry.to < today).sort((a, b) => b.entry.from.localeCompare(a.entry.from));
  const year = today.slice(0, 4);
  const takenThisYear = settings.timeOff.reduce((n, e) => {
    // Days of this year up to yesterday.
    const first = Math.max(dayNumber(e.from), dayNumber(`${year}-01-01`));
    const last = Math.min(dayNumber(e.to), dayNumber(today) - 1);
    return n + Math.max(0, last - first + 1);
  }, 0);

  const add = async (event: Event) => {
    event.preventDefault();
    if (!from) return setErrors([t('offChooseFirst')]);
    if (to && to < from) return setErrors([t('offLastBefore')]);
    const entry = { from, to: to || from, label: label.trim() };
    const result = await update((s) => ({ ...s, timeOff: [...s.timeOff, entry] }));
    // The new entry is the last one: its errors read "timeOff[n]: to … is before from …".
    const messages = result.map((m) => m.replace(/^timeOff\[\d+\](\.\w+)?: /, ''));
    setErrors(messages);
    if (!result.length) {
      setFrom('');
      setTo('');
      setLabel('');
    }
  };
  const remove = (entry: Entry) => void update((s) => ({ ...s, timeOff: s.timeOff.filter((e) => JSON.stringify(e) !== JSON.stringify(entry)) }));

  const item = ({ entry, index }: { entry: Entry; index: number }) => (
    <li key={index}>
      <span>
        {daysOffWords(t, entry)} <span class="hint">· {plural(t, length(entry), 'days_one', 'days_other')}</span>
      </span>
      <button type="button" class="quiet" aria-label={t('offRemove', daysOffWords(t, entry))} onClick={() => remove(entry)}>
        {t('remove')}
      </button>
    </li>
  );

  return (
    <fieldset class="daysoff" disabled={disabled}>
      <legend class="sr-only">{t('secDaysOff')}</legend>
      {disabled && <LockedNote />}
      <h3>{t('offComing')}</h3>
      {upcoming.length ? <ul class="list">{upcoming.map(item)}</ul> : <p class="hint">{t('offNone')}</p>}
      <form class="add-row" onSubmit={add} aria-label={t('offAdd')}>
        <div class="field">
          <label for="off-from">{t('offFirst')}</label>
          <input
            id="off-from"
            type="date"
            value={from}
            onInput={(e) => setFrom(e.currentTarget.value)}
            aria-invalid={errors.length > 0 || undefined}
            aria-describedby={errors.length ? 'off-error' : undefined}
          />
        </div>
        <div class="field">
          <label for="off-to">
            {t('offLast')} <span class="hint">{t('offIfMore')}</span>
          </label>
          <input id="off-to" type="date" value={to} min={from || undefined} onInput={(e) => setTo(e.currentTarget.value)} />
        </div>
        <div class="field grow">
          <label for="off-label">
            {t('offLabel')} <span class="hint">{t('optional')}</span>
          </label>
          <input id="off-label" type="text" maxLength={80} value={label} placeholder={t('offPlaceholder')} onInput={(e) => setLabel(e.currentTarget.value)} />
        </div>
        <button type="submit">{t('offAdd')}</button>
      </form>
      <FieldError id="off-error" messages={errors} />
      <h3>{t('offTaken')}</h3>
      <p class="hint">{plural(t, takenThisYear, 'takenIn_one', 'takenIn_other', year)}</p>
      {taken.length > 0 && <ul class="list taken">{taken.map(item)}</ul>}
    </fieldset>
  );
}
