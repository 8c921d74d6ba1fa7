/**
 * The welcome guide's quick hours: which weekdays, and the hours those days share (one range or
 * several). Each change goes through `update` like the options page's hours editor; a day whose
 * hours differ is left to that editor, shown below this one.
 */
import { t } from '@/stores/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Range, Weekday } from '@/utils/types';
import { WEEKDAYS } from '@/utils/types';
import { describeDailyRange } from '@/utils/week-preview';
import { nextRange, shown, TimeField, unreadable, weekdayName } from '@/components/options/HoursEditor';
import { pageClock } from '@/components/clock';
import { showTime } from '@/utils/clock';
import { FieldError, isLocked, LockedNote, type SectionProps } from '@/components/options/shared';

const DEFAULT_RANGES: Range[] = [['09:00', '17:00']];
/** The focus key of a range's first field. */
const rangeKey = (index: number) => `range-${index}`;
const same = (a: readonly Range[], b: readonly Range[]) => JSON.stringify(a) === JSON.stringify(b);

export function SameHours({ settings, update, locked }: SectionProps) {
  const week = settings.week;
  const working = WEEKDAYS.filter((day) => week[day].length > 0);
  const first = working[0];
  // The shared hours: the first working day's, or what they were before every day was switched off.
  const [kept, setKept] = useState<Range[]>(first ? [...week[first]] : DEFAULT_RANGES);
  const ranges: readonly Range[] = first ? week[first] : kept;
  useEffect(() => {
    if (first) setKept([...week[first]]);
  }, [first ? JSON.stringify(week[first]) : '']);
  const differs = working.some((day) => !same(week[day], ranges));
  const disabled = isLocked(locked, 'week');
  const clock = pageClock(settings.clock);
  const [errors, setErrors] = useState<string[]>([]);
  const [focus, setFocus] = useState<string | null>(null);
  const root = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    const field = focus ? root.current?.querySelector<HTMLElement>(`[data-focus="${focus}"]`) : null;
    if (!field) return;
    field.focus();
    setFocus(null);
  }, [focus, settings]);

  /** Gives `days` the hours `next` (and keeps them for a day switched on later). */
  const apply = async (next: readonly Range[], days: readonly Weekday[]) => {
    setKept([...next]);
    if (!days.length) {
      setErrors([]);
      return true;
    }
    const result = await update((s) => ({ ...s, week: { ...s.week, ...Object.fromEntries(days.map((d) => [d, next])) } }));
    setErrors(result.map((m) => m.replace(/^week\.\w+(\[\d+\])?: /, '')));
    return result.length === 0;
  };

  const toggle = (day: Weekday, on: boolean) => void update((s) => ({ ...s, week: { ...s.week, [day]: on ? [...ranges] : [] } }));

  const edit = (index: number, part: 0 | 1, value: string) => {
    const range = ranges[index];
    if (!range) return;
    if (!value) return setErrors([t(part === 0 ? 'enterStart' : 'enterEnd')]);
    if (value === shown(range[part])) return setErrors([]);
    void apply(
      ranges.map((r, i) => (i === index ? (part === 0 ? [value, r[1]] : [r[0], value]) : r)),
      working,
    );
  };

  const label = (index: number) => (ranges.length > 1 ? t('rangeN', index + 1) : t('hoursWord'));

  return (
    <div class="same-hours" ref={root}>
      {disabled && <LockedNote id="same-hours-locked" />}
      <fieldset class="weekdays" disabled={disabled}>
        <legend>{t('shDays')}</legend>
        <ul class="checks">
          {WEEKDAYS.map((day) => (
            <li key={day}>
              <label class="day-check">
                <input type="checkbox" checked={week[day].length > 0} onChange={(e) => toggle(day, e.currentTarget.checked)} />
                {weekdayName(day)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset class="shared-ranges" disabled={disabled} aria-describedby={differs ? 'same-hours-differ' : undefined}>
        <legend>{t('shHours')}</legend>
        <ul class="ranges">
          {ranges.map((range, index) => {
            const note = describeDailyRange(t, range, clock);
            return (
              <li key={`${index}`}>
                <TimeField
                  label={t('from', label(index))}
                  value={range[0]}
                  focusKey={`range-${index}`}
                  invalid={errors.length > 0}
                  describedBy={errors.length ? 'same-hours-error' : undefined}
                  clock={clock}
                  onCommit={(v) => edit(index, 0, v)}
                  onUnreadable={(text) => setErrors([unreadable(text, clock)])}
                />
                <span aria-hidden="true">–</span>
                <TimeField
                  label={t('to', label(index))}
                  value={range[1]}
                  focusKey={`range-${index}-end`}
                  invalid={errors.length > 0}
                  describedBy={errors.length ? 'same-hours-error' : undefined}
                  clock={clock}
                  onCommit={(v) => edit(index, 1, v)}
                  onUnreadable={(text) => setErrors([unreadable(text, clock)])}
                />
                {note && <span class="note">{note}</span>}
                {ranges.length > 1 && (
                  <button
                    type="button"
                    class="quiet"
                    aria-label={t('csRemove', t('range', showTime(range[0], clock), showTime(range[1], clock)))}
                    onClick={async () => {
                      if (
                        await apply(
                          ranges.filter((_, i) => i !== index),
                          working,
                        )
                      )
                        setFocus('add-range');
                    }}
                  >
                    {t('remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          class="quiet"
          data-focus="add-range"
          onClick={async () => {
            if (await apply([...ranges, nextRange(ranges)], working)) setFocus(rangeKey(ranges.length));
          }}
        >
          {t('shAddRange')}
        </button>
        <FieldError id="same-hours-error" messages={errors} />
        <p class="hint">{t('shHint')}</p>
        {differs && (
          <p class="hint" id="same-hours-differ">
            {t('shDiffer', t('wPerDay'))}
          </p>
        )}
      </fieldset>
    </div>
  );
}
