/**
 * The ledger's weeks (docs/ARCHITECTURE.md, "History"): local weeks, Monday first, as the worker
 * counts crisis exceptions in them and balance.ts rolls the history up. Pure.
 */
import type { LocalDate } from './types';
import { addDays, dayNumber, localParts, toInstant, weekdayIndex } from './zoned-time';

/** The Monday of the week `date` falls in. */
export function weekStart(date: LocalDate): LocalDate {
  return addDays(date, -weekdayIndex(dayNumber(date)));
}

/** The local week around `now`: its Monday and `[from, to)` as instants. */
export function weekBounds(now: number, timeZone: string, weeksBack = 0): { week: LocalDate; from: number; to: number } {
  const week = addDays(weekStart(localParts(now, timeZone).date), -7 * weeksBack);
  return { week, from: toInstant(week, 0, timeZone), to: toInstant(addDays(week, 7), 0, timeZone) };
}
