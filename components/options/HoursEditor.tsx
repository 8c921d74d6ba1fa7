/**
 * Work hours per weekday: any number of ranges, each saved when its field is left (Tab, Enter or
 * a click elsewhere), so half-typed times never reach the guard. A range past midnight says so.
 * The fields write and read times in the clinician's clock ("5:00 PM" or "17:00"; docs/ARCHITECTURE.md,
 * "Time"), which a browser's own time field would not: it follows the browser's language only.
 */
import { t } from '@/stores/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Clock, clockTime, hhmm, minutesOfClock, parseClockTime, showTime } from '@/utils/clock';
import { pageClock } from '../clock';
import type { Range, Weekday } from '@/utils/types';
import { WEEKDAYS } from '@/utils/types';
import { describeRange } from '@/utils/week-preview';
import { FieldError, isLocked, LockedNote, type SectionProps } from './shared';

/** A weekday's name, "Monday", in the browser's language. */
export const weekdayName = (day: Weekday) => t(`day_${day}`);
const WORKDAYS: readonly Weekday[] = ['tue', 'wed', 'thu', 'fri'];
/** The focus key of a day's "Add hours" button. */
const addKey = (day: Weekday) => `add-${day}`;

// 24:00 and 00:00 as an end mean the same, until midnight: a field's "24:00" is read as 00:00.
export const shown = (time: string) => (time === '24:00' ? '00:00' : time);

/** What to say of typed text that is no time: `"5 oclock" is not a time: write it like 5:30 PM.` */
export const unreadable = (text: string, clock: Clock) => t('notATime', text, clockTime(17 * 60 + 30, clock));

/** A new range after the day's last one: half an hour later, for an hour; 09:00–17:00 on an empty day. */
export function nextRange(ranges: readonly Range[]): Range {
  const last = ranges[ranges.length - 1];
  if (!last) return ['09:00', '17:00'];
  const start = (minutesOfClock(last[1]) + 30) % 1440;
  return [hhmm(start), hhmm((start + 60) % 1440)];
}

export interface TimeFieldProps {
  label: string;
  value: string;
  focusKey: string;
  describedBy?: string;
  invalid: boolean;
  /** How the field writes the time. */
  clock: Clock;
  /** The time typed, as the settings store it (`HH:MM`), or "" when the field was emptied. */
  onCommit(value: string): void;
  /** Text that is no time was left in the field, as typed. */
  onUnreadable(text: string): void;
}

/**
 * A time field in `clock` ("5:00 PM", "17:00", as the clock writes it) that reports its value once
 * it is left or Enter is pressed. It reads any spelling ("17:00", "5pm", "5:00 p.m."), then shows
 * the time as the clock writes it.
 */
export function TimeField({ label, value, focusKey, describedBy, invalid, clock, onCommit, onUnreadable }: TimeFieldProps) {
  const field = useRef<HTMLInputElement | null>(null);
  const text = showTime(value, clock);
  // A stored value that changes (here or on another page), or another clock, resets what the field
  // shows; the field stays the same element, so a time committed with Enter keeps the focus where it is.
  useEffect(() => {
    if (field.current && field.current.value !== text) field.current.value = text;
  }, [text]);
  const commit = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const typed = input.value.trim();
    if (!typed) return onCommit('');
    const minutes = parseClockTime(typed, clock);
    if (minutes === null) return onUnreadable(typed);
    input.value = clockTime(minutes, clock);
    onCommit(hhmm(minutes % 1440));
  };
  return (
    <input
      ref={field}
      type="text"
      class="time"
      size={8}
      autoComplete="off"
      spellcheck={false}
      aria-label={label}
      defaultValue={text}
      data-focus={focusKey}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onBlur={commit}
      onKeyDown={(event) => event.key === 'Enter' && commit(event)}
    />
  );
}

export function HoursEditor({ settings, update, locked }: SectionProps) {
  const [errors, setErrors] = useState<Partial<Record<Weekday, string[]>>>({});
  // The range just added, whose first field takes the focus once it is on the page.
  const [added, setAdded] = useState<string | null>(null);
  const root = useRef<HTMLFieldSetElement | null>(null);
  const weekLocked = isLocked(locked, 'week');
  const clock = pageClock(settings.clock);

  useEffect(() => {
    const field = added ? root.current?.querySelector<HTMLElement>(`[data-focus="${added}"]`) : null;
    if (!field) return;
    field.focus();
    setAdded(null);
  }, [added, settings]);

  // Applied to the day as stored at the moment of writing, not as last shown: two quick edits both land.
  const setDay = async (day: Weekday, change: (ranges: readonly Range[]) => Range[]) => {
    const result = await update((s) => ({ ...s, week: { ...s.week, [day]: change(s.week[day]) } }));
    setErrors((e) => ({ ...e, [day]: result.map((m) => m.replace(/^week\.\w+(\[\d+\])?: /, '')) }));
    return result.length === 0;
  };

  const edit = (day: Weekday, index: number, part: 0 | 1, value: string) => {
    const ranges = settings.week[day];
    const range = ranges[index];
    if (!range) return;
    if (!value) {
      setErrors((e) => ({ ...e, [day]: [t(part === 0 ? 'enterStart' : 'enterEnd')] }));
      return;
    }
    if (value === shown(range[part])) {
      setErrors((e) => ({ ...e, [day]: [] }));
      return;
    }
    void setDay(day, (current) => current.map((r, i) => (i === index ? (part === 0 ? [value, r[1]] : [r[0], value]) : r)));
  };

  const copyMonday = () => void update((s) => ({ ...s, week: { ...s.week, ...Object.fromEntries(WORKDAYS.map((d) => [d, s.week.mon])) } }));

  return (
    <fieldset class="hours" ref={root} disabled={weekLocked} aria-describedby={weekLocked ? 'hours-locked' : undefined}>
      <legend class="sr-only">{t('hoursLegend')}</legend>
      {weekLocked && <LockedNote id="hours-locked" />}
      <div class="row-actions">
        <button type="button" onClick={copyMonday}>
          {t('copyMonday')}
        </button>
        <span class="hint">{t('hoursHint')}</span>
      </div>
      {WEEKDAYS.map((day) => {
        const ranges = settings.week[day];
        const name = weekdayName(day);
        const errorId = `hours-${day}-error`;
        const dayErrors = errors[day] ?? [];
        return (
          <div class="day" role="group" aria-labelledby={`hours-${day}`} key={day}>
            <span class="day-name" id={`hours-${day}`}>
              {name}
            </span>
            <ul class="ranges">
              {ranges.length === 0 && <li class="off">{t('dayIsOff')}</li>}
              {ranges.map((range, index) => {
                const note = describeRange(t, day, range, clock);
                const n = ranges.length > 1 ? index + 1 : 0;
                return (
                  <li key={`${index}`}>
                    <TimeField
                      label={n ? t('fromN', name, n) : t('from', name)}
                      value={range[0]}
                      focusKey={`${day}-${index}`}
                      invalid={dayErrors.length > 0}
                      describedBy={dayErrors.length ? errorId : undefined}
                      clock={clock}
                      onCommit={(v) => edit(day, index, 0, v)}
                      onUnreadable={(text) => setErrors((e) => ({ ...e, [day]: [unreadable(text, clock)] }))}
                    />
                    <span aria-hidden="true">–</span>
                    <TimeField
                      label={n ? t('toN', name, n) : t('to', name)}
                      value={range[1]}
                      focusKey={`${day}-${index}-end`}
                      invalid={dayErrors.length > 0}
                      describedBy={dayErrors.length ? errorId : undefined}
                      clock={clock}
                      onCommit={(v) => edit(day, index, 1, v)}
                      onUnreadable={(text) => setErrors((e) => ({ ...e, [day]: [unreadable(text, clock)] }))}
                    />
                    {note && <span class="note">{note}</span>}
                    <button
                      type="button"
                      class="quiet"
                      aria-label={t('removeRange', name, showTime(range[0], clock), showTime(range[1], clock))}
                      onClick={async () => {
                        // The button goes with its range: the day's "Add hours" takes the focus.
                        if (await setDay(day, (current) => current.filter((_, i) => i !== index))) setAdded(addKey(day));
                      }}
                    >
                      {t('remove')}
                    </button>
                  </li>
                );
              })}
            </ul>
            <button
              type="button"
              class="quiet"
              data-focus={addKey(day)}
              aria-label={t('addHoursOn', name)}
              onClick={async () => {
                if (await setDay(day, (current) => [...current, nextRange(current)])) setAdded(`${day}-${ranges.length}`);
              }}
            >
              {t('addHours')}
            </button>
            <FieldError id={errorId} messages={dayErrors} />
          </div>
        );
      })}
    </fieldset>
  );
}
