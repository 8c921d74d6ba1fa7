/**
 * The coming week in words and as a grid, for the options page ("Off: Mon 17:00 → Tue 09:00"),
 * so that a schedule that says something other than what was meant shows before it bites.
 * Pure: settings, an instant, a zone and a clock in; words and numbers out. Local time.
 */
import { workIntervals, type WorkInterval } from './schedule';
import type { Settings } from './settings';
import { type Clock, clockTime, showTime, shortDate } from './clock';
import type { Translate } from './i18n';
import { type LocalDate, type Range, type Weekday, WEEKDAYS } from './types';
import { DAY, dayNumber, instantAt, localDay, localParts } from './zoned-time';

const WEEK = 7 * DAY;
// Far enough to find the end of a long holiday or of weeks of on-call, cheap enough to run per edit.
const LOOKAHEAD = 60 * DAY;

export interface PreviewLine {
  readonly kind: 'work' | 'break' | 'off';
  readonly start: number;
  /** Null when nothing changes within the look-ahead. */
  readonly end: number | null;
  /** "Off: Mon 17:00 → Tue 09:00", "Break: Mon 12:30 → 13:30", "Work: now → 17:00". */
  readonly text: string;
}

/** Words for an instant seen from `today` (a day number): "Mon 09:00", or "Mon 12 Jan 09:00" a week or more ahead. */
function when(t: Translate, instant: number, today: number, timeZone: string, clock: Clock): string {
  const at = localParts(instant, timeZone);
  const day = t(`d_${at.weekday}`);
  const ahead = dayNumber(at.date) - today;
  const time = clockTime(at.minutes, clock);
  return ahead >= 7 || ahead < 0 ? t('pvDate', day, shortDate(t, at.date), time) : t('pvDay', day, time);
}

/** "Mon 09:00 → 12:30" on one day, "Fri 22:00 → Sat 02:00" past midnight, "Mon 17:00 → 24:00" to midnight. */
function span(t: Translate, start: number, end: number | null, now: number, timeZone: string, clock: Clock): string {
  const today = localDay(now, timeZone);
  const from = start <= now ? t('pvNow') : when(t, start, today, timeZone, clock);
  if (end === null) return t('pvNoChange', from, (LOOKAHEAD / WEEK) | 0);
  const a = localParts(start, timeZone);
  const b = localParts(end, timeZone);
  if (start > now && a.date === b.date) return t('pvSpan', from, clockTime(b.minutes, clock));
  if (start > now && b.minutes === 0 && dayNumber(b.date) === dayNumber(a.date) + 1) return t('pvSpan', from, clockTime(24 * 60, clock));
  return t('pvSpan', from, when(t, end, today, timeZone, clock));
}

const sharesWorkday = (a: WorkInterval, b: WorkInterval) => a.days.some((day) => b.days.includes(day));

/** Labels of the days off that fall within `[start, end)`, "Day off" for those without one. */
function daysOffWithin(t: Translate, settings: Settings, start: number, end: number, timeZone: string): string[] {
  const first = localParts(start, timeZone).date;
  const last = localParts(end - 1, timeZone).date;
  const labels = settings.timeOff.filter((r) => r.from <= last && r.to >= first).map((r) => r.label || t('pvDayOff'));
  return [...new Set(labels)];
}

/**
 * The next seven days from `now`, in order: work, breaks (gaps between a workday's own ranges) and
 * time off, each with its start and end in words, times in `clock`. The first line starts "now".
 */
export function weekPreview(t: Translate, settings: Settings, now: number, timeZone: string, clock: Clock): PreviewLine[] {
  const intervals = workIntervals(settings, now, now + LOOKAHEAD, timeZone);
  const windowEnd = now + WEEK;
  const lines: PreviewLine[] = [];
  const gap = (start: number, end: number | null, before: WorkInterval | undefined, after: WorkInterval | undefined) => {
    const isBreak = before !== undefined && after !== undefined && sharesWorkday(before, after);
    const kind = isBreak ? 'break' : 'off';
    const daysOff = end === null ? [] : daysOffWithin(t, settings, start, end, timeZone);
    const text = t(isBreak ? 'pvBreak' : 'pvOff', span(t, start, end, now, timeZone, clock));
    lines.push({ kind, start, end, text: daysOff.length ? t('pvWithDaysOff', text, daysOff.join(', ')) : text });
  };
  let cursor = now;
  let previous: WorkInterval | undefined;
  for (const interval of intervals) {
    if (interval.start >= windowEnd) break;
    if (interval.start > cursor) gap(cursor, interval.start, previous, interval);
    // An interval reaching the end of the look-ahead has no known end.
    const end = interval.end >= now + LOOKAHEAD ? null : interval.end;
    lines.push({ kind: 'work', start: interval.start, end, text: t('pvWork', span(t, interval.start, end, now, timeZone, clock)) });
    cursor = interval.end;
    previous = interval;
  }
  if (cursor < windowEnd) {
    const next = intervals.find((i) => i.start >= cursor);
    gap(cursor, next?.start ?? null, previous, next);
  }
  return lines;
}

/**
 * What a range means when it is not simply "start to end the same day": "Fri 22:00 → Sat 02:00"
 * past midnight, "Fri 22:00 → midnight", "24 hours: Fri 08:00 → Sat 08:00", "All day Sat"; null
 * otherwise. Times in `clock`.
 */
export function describeRange(t: Translate, weekday: Weekday, [start, end]: Range, clock: Clock): string | null {
  const next = t(`d_${WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 1) % 7] ?? 'mon'}`);
  const day = t(`d_${weekday}`);
  const [from, to] = [showTime(start, clock), showTime(end, clock)];
  if (start === '00:00' && (end === '24:00' || end === '00:00')) return t('rgAllDayOf', day);
  if (end === '24:00' || end === '00:00') return t('rgToMidnightOf', day, from);
  if (end === start) return t('rg24Of', day, from, next, to);
  if (end < start) return t('rgPastOf', day, from, next, to);
  return null;
}

/**
 * The same for a range every chosen weekday shares, without naming a day: "Past midnight: 22:00 →
 * 02:00 the next day", "18:00 → midnight", "24 hours from 08:00", "All day"; null otherwise. Times in `clock`.
 */
export function describeDailyRange(t: Translate, [start, end]: Range, clock: Clock): string | null {
  const [from, to] = [showTime(start, clock), showTime(end, clock)];
  if (start === '00:00' && (end === '24:00' || end === '00:00')) return t('rgAllDay');
  if (end === '24:00' || end === '00:00') return t('rgToMidnight', from);
  if (end === start) return t('rg24', from);
  if (end < start) return t('rgPast', from, to);
  return null;
}

export interface GridDay {
  readonly date: LocalDate;
  /** "Mon 5 Jan". */
  readonly label: string;
  /** The day-off label ("Holidays", or "Day off"), or null on an ordinary day. */
  readonly dayOff: string | null;
  /** Work as fractions of the local day (0 = midnight, 1 = next midnight), merged and in order. */
  readonly spans: ReadonlyArray<{ readonly from: number; readonly to: number }>;
  /** Where `now` falls on this day, as a fraction, or null on other days. */
  readonly now: number | null;
}

/** Seven local days from today, each with its work as fractions of the day, for the week grid. */
export function weekGrid(t: Translate, settings: Settings, now: number, timeZone: string): GridDay[] {
  const today = localDay(now, timeZone);
  const days: GridDay[] = [];
  for (let day = today; day < today + 7; day++) {
    const start = instantAt(day, 0, timeZone);
    const end = instantAt(day + 1, 0, timeZone);
    const length = end - start;
    const { date, weekday } = localParts(start, timeZone);
    const off = settings.timeOff.find((r) => r.from <= date && date <= r.to);
    days.push({
      date,
      label: t('gridDay', t(`d_${weekday}`), shortDate(t, date)),
      dayOff: off ? off.label || t('sTimeOff') : null,
      spans: workIntervals(settings, start, end, timeZone).map((i) => ({ from: (i.start - start) / length, to: (i.end - start) / length })),
      now: now >= start && now < end ? (now - start) / length : null,
    });
  }
  return days;
}
