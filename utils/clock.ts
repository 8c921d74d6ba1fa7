/**
 * Wall-clock times (docs/ARCHITECTURE.md, "Time"). The settings document stores 24-hour `HH:MM`
 * (`hhmm`, `minutesOfClock`); everything the clinician reads goes through the one formatter,
 * `clockTime`, in the clinician's clock: the browser language's 12- or 24-hour convention, or
 * the settings' `clock` choice. Pure: the language is passed in, never read from the browser.
 */
import type { MessageKey, Translate } from './i18n';
import type { LocalDate } from './types';

/** The settings field `clock`: the language's convention, or always 12-hour or 24-hour. */
export const CLOCK_CHOICES = ['locale', '12h', '24h'] as const;
export type ClockChoice = (typeof CLOCK_CHOICES)[number];

/** How times are written: the settings' choice in a language (`clockOf`). */
export interface Clock {
  /** A BCP 47 language tag, the browser's language ("en-US", "fr"). */
  readonly locale: string;
  readonly choice: ClockChoice;
}

const DAY_MINUTES = 24 * 60;

/** The clock for a `clock` choice in a language (the browser's, passed in: this engine reads none). */
export const clockOf = (choice: ClockChoice, locale: string): Clock => ({ locale, choice });

/** Whether `clock` writes AM and PM. */
export function isHour12({ locale, choice }: Clock): boolean {
  if (choice !== 'locale') return choice === '12h';
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h12' || cycle === 'h11';
}

/** "07" of 7. */
export const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * A time of day in `clock`: 1020 → "5:00 PM" (en-US), "17:00" (en-GB), "17 h 00" (fr-CA); 0 →
 * "12:00 AM" or "00:00". 1440, a range's end at midnight, is "24:00" on a 24-hour clock and
 * "12:00 AM" on a 12-hour one, which has no 24.
 */
export function clockTime(minutes: number, { locale, choice }: Clock): string {
  const h12 = choice === '12h';
  // The language's own short time ("5:00 PM", "17:00", "17 h 00"); a chosen clock keeps the
  // language's separators and day periods but not its hours: "5:00 pm" in en-GB, "17:00" in en-US.
  // A formatter per call, no cache: a page writes a few dozen times a minute, and the worker,
  // which loads this at every wake-up, has no bytes to spare.
  const format = new Intl.DateTimeFormat(
    locale,
    choice === 'locale'
      ? { timeStyle: 'short', timeZone: 'UTC' }
      : { hour: h12 ? 'numeric' : '2-digit', minute: '2-digit', hourCycle: h12 ? 'h12' : 'h23', timeZone: 'UTC' },
  );
  // Minutes after the epoch's midnight, in UTC: the wall-clock time itself, in no zone.
  const text = format.format((minutes % DAY_MINUTES) * 60_000);
  // Midnight as a range's end: "00:00", "0:00" or "00 h 00" become 24; "12:00 AM" has no 24.
  return minutes < DAY_MINUTES ? text : text.replace(/^0?0(?=\D)/, '24');
}

/** A settings `HH:MM` as the clinician reads it: "17:00" → "5:00 PM" (en-US); "24:00" → "24:00" or "12:00 AM". */
export function showTime(time: string, clock: Clock): string {
  return clockTime(minutesOfClock(time), clock);
}

/** An hour for a scale's tick: "6 PM" on a 12-hour clock, "18" on a 24-hour one; 24 is midnight. */
export function clockHour(hour: number, clock: Clock): string {
  if (!isHour12(clock)) return pad2(hour);
  return new Intl.DateTimeFormat(clock.locale, { hour: 'numeric', hourCycle: 'h12', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 1, hour % 24));
}

/** The settings document's `HH:MM` of minutes after midnight: 420 → "07:00", 1440 → "24:00". */
export function hhmm(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** Minutes after midnight of a valid `HH:MM`: "07:30" → 450. */
export function minutesOfClock(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

// Spaces and dots are left out before reading: "5:00 p.m.", "5 PM" and "5pm" read the same.
const squeeze = (text: string) => text.toLowerCase().replace(/[\s.]/g, '');

/** The language's words for morning and afternoon, squeezed ("am", "pm"; "午前", "午後"). */
function dayPeriods(locale: string): [string, string] {
  const period = (hour: number) =>
    squeeze(
      new Intl.DateTimeFormat(locale, { hour: 'numeric', hourCycle: 'h12', timeZone: 'UTC' })
        .formatToParts(Date.UTC(2000, 0, 1, hour))
        .find((p) => p.type === 'dayPeriod')?.value ?? '',
    );
  return [period(9), period(15)];
}

/**
 * Minutes after midnight of a time as a person types it, in any clock: "17:00", "5:00 PM", "5pm",
 * "5 p.m.", "17 h 00", "1700", "24:00" (1440), and the language's own AM/PM words. Null when the
 * text is no time of day.
 */
export function parseClockTime(text: string, clock: Clock): number | null {
  let rest = squeeze(text);
  let period: 'am' | 'pm' | null = null;
  const [am, pm] = dayPeriods(clock.locale);
  for (const [words, which] of [
    [['am', 'a', am], 'am'],
    [['pm', 'p', pm], 'pm'],
  ] as const) {
    for (const word of words) {
      if (!word || period) continue;
      if (rest.endsWith(word) && /\d$/.test(rest.slice(0, -word.length))) [rest, period] = [rest.slice(0, -word.length), which];
      else if (rest.startsWith(word) && /^\d/.test(rest.slice(word.length))) [rest, period] = [rest.slice(word.length), which];
    }
  }
  const match = /^(\d{1,2})(?:[:h]?(\d{2}))?h?$/.exec(rest);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  if (minute > 59) return null;
  if (period) {
    if (hour < 1 || hour > 12) return null;
    return ((hour % 12) + (period === 'pm' ? 12 : 0)) * 60 + minute;
  }
  if (hour > 24 || (hour === 24 && minute > 0)) return null;
  return hour * 60 + minute;
}

/** "5 Jan" ("5 ene", "5 janv.") of a `YYYY-MM-DD` date, the month in the browser's language. */
export function shortDate(t: Translate, date: LocalDate): string {
  return `${Number(date.slice(8, 10))} ${t(`mon_${Number(date.slice(5, 7))}` as MessageKey)}`;
}
