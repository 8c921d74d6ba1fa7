/**
 * Wall-clock times as the pages write them: 24-hour `HH:MM`, the form of the settings document
 * (docs/ARCHITECTURE.md, "Time"). One formatter and one parser, so no page pads its own.
 */
import { MONTH_SHORT } from './names';
import type { LocalDate } from './types';

/** "07" of 7. */
export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `HH:MM` of minutes after midnight: 420 → "07:00", 1440 → "24:00" (a range's end). */
export function clockTime(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** Minutes after midnight of a valid `HH:MM`: "07:30" → 450. */
export function minutesOfClock(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** "5 Jan" of a `YYYY-MM-DD` date. */
export function shortDate(date: LocalDate): string {
  return `${Number(date.slice(8, 10))} ${MONTH_SHORT[Number(date.slice(5, 7)) - 1] ?? ''}`;
}
