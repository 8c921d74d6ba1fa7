/** Days off and vacations: a single day or a range with a label; past ones listed as taken. */
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
    if (!from) return setErrors(['Choose the first day off.']);
    if (to && to < from) return setErrors(['The last day is before the first day.']);
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
        {daysOffWords(entry)} <span class="hint">· {length(entry) === 1 ? '1 day' : `${length(entry)} days`}</span>
      </span>
      <button type="button" class="quiet" aria-label={`Remove day off ${daysOffWords(entry)}`} onClick={() => remove(entry)}>
        Remove
      </button>
    </li>
  );

  return (
    <fieldset class="daysoff" disabled={disabled}>
      <legend class="sr-only">Days off</legend>
      {disabled && <LockedNote />}
      <h3>Coming up</h3>
      {upcoming.length ? <ul class="list">{upcoming.map(item)}</ul> : <p class="hint">No days off planned.</p>}
      <form class="add-row" onSubmit={add} aria-label="Add days off">
        <div class="field">
          <label for="off-from">First day</label>
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
            Last day <span class="hint">(if more than one)</span>
          </label>
          <input id="off-to" type="date" value={to} min={from || undefined} onInput={(e) => setTo(e.currentTarget.value)} />
        </div>
        <div class="field grow">
          <label for="off-label">
            Label <span class="hint">(optional)</span>
          </label>
          <input id="off-label" type="text" maxLength={80} value={label} placeholder="e.g. Holidays" onInput={(e) => setLabel(e.currentTarget.value)} />
        </div>
        <button type="submit">Add days off</button>
      </form>
      <FieldError id="off-error" messages={errors} />
      <h3>Taken</h3>
      <p class="hint">
        {takenThisYear === 1 ? '1 day' : `${takenThisYear} days`} off taken in {year} so far.
      </p>
      {taken.length > 0 && <ul class="list taken">{taken.map(item)}</ul>}
    </fieldset>
  );
}
