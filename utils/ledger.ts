/**
 * The balance ledger (docs/ARCHITECTURE.md, "History"): history events rolled up per local week,
 * Monday first. Pure: events, the instant and the time zone are arguments.
 */
import type { HistoryEvent } from '@/utils/history-events';
import type { Translate } from './i18n';
import type { Exception, LocalDate } from './types';
import { addDays, dayNumber, localParts, MINUTE, toInstant, weekdayIndex } from './zoned-time';

/** After-hours minutes from which a week counts as heavy (and prompts turn to recovery). */
export const HEAVY_WEEK_MINUTES = 120;

export interface WeekLedger {
  /** The Monday the week starts on. */
  readonly week: LocalDate;
  /** Minutes of crisis exceptions and wrap-ups this week, running ones included: the personal time owed. */
  readonly afterHoursMinutes: number;
  /** Crisis exceptions started this week. */
  readonly exceptionsUsed: number;
  readonly weeklyLimit: number;
  readonly wrapUps: number;
  /** Visits to a blocked or dimmed site. */
  readonly turnedAway: number;
  /** Days taken off (with "Take today off"). */
  readonly daysOff: number;
}

/** The Monday of the week `date` falls in. */
export function weekStart(date: LocalDate): LocalDate {
  return addDays(date, -weekdayIndex(dayNumber(date)));
}

/** The local week around `now`: its Monday and `[from, to)` as instants. */
export function weekBounds(now: number, timeZone: string, weeksBack = 0): { week: LocalDate; from: number; to: number } {
  const week = addDays(weekStart(localParts(now, timeZone).date), -7 * weeksBack);
  return { week, from: toInstant(week, 0, timeZone), to: toInstant(addDays(week, 7), 0, timeZone) };
}

export interface RollUpOptions {
  readonly now: number;
  readonly timeZone: string;
  readonly weeklyLimit: number;
  /** Exceptions on record now: the minutes of those running count as they run. */
  readonly running?: readonly Exception[];
  /** 0 for this week, 1 for last week … */
  readonly weeksBack?: number;
}

interface Totals {
  afterHoursMinutes: number;
  exceptionsUsed: number;
  wrapUps: number;
  turnedAway: number;
  daysOff: number;
}

const emptyTotals = (): Totals => ({ afterHoursMinutes: 0, exceptionsUsed: 0, wrapUps: 0, turnedAway: 0, daysOff: 0 });

function count(totals: Totals, e: HistoryEvent): void {
  if (e.kind === 'exceptionEnded') totals.afterHoursMinutes += e.minutes;
  else if (e.kind === 'exceptionStarted') totals.exceptionsUsed++;
  else if (e.kind === 'wrapUp') totals.wrapUps++;
  else if (e.kind === 'blockedVisit' || e.kind === 'dimmedVisit') totals.turnedAway++;
  else totals.daysOff++;
}

/** The week's totals. An ended exception counts in the week it ended; a running one up to `now`. */
export function rollUpWeek(events: readonly HistoryEvent[], { now, timeZone, weeklyLimit, running = [], weeksBack = 0 }: RollUpOptions): WeekLedger {
  const { week, from, to } = weekBounds(now, timeZone, weeksBack);
  const totals = emptyTotals();
  for (const e of events) if (e.at >= from && e.at < to) count(totals, e);
  const until = Math.min(now, to);
  for (const e of running) {
    if (e.startedAt < until && e.endsAt > until) totals.afterHoursMinutes += (until - Math.max(e.startedAt, from)) / MINUTE;
  }
  return { week, ...totals, afterHoursMinutes: Math.round(totals.afterHoursMinutes), weeklyLimit };
}

/** Totals per local day that has any event, in date order (for a chart). */
export function rollUpDays(events: readonly HistoryEvent[], timeZone: string): Array<{ date: LocalDate } & Readonly<Totals>> {
  const days = new Map<LocalDate, Totals>();
  for (const e of events) {
    const date = localParts(e.at, timeZone).date;
    let totals = days.get(date);
    if (!totals) days.set(date, (totals = emptyTotals()));
    count(totals, e);
  }
  return [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, t]) => ({ date, ...t, afterHoursMinutes: Math.round(t.afterHoursMinutes) }));
}

/** A week with two hours or more after hours, or more exceptions than the limit. */
export function isHeavy(ledger: WeekLedger): boolean {
  return ledger.afterHoursMinutes >= HEAVY_WEEK_MINUTES || ledger.exceptionsUsed > ledger.weeklyLimit;
}

/** "0 min", "45 min", "2 h", "1 h 5 min". */
export function minutesInWords(t: Translate, minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return t('min', m);
  return m % 60 ? t('hMin', Math.floor(m / 60), m % 60) : t('h', m / 60);
}

/** The week in one line: "This week: 1 h 20 min after hours · 2 of 5 crisis exceptions". */
export function describeWeek(t: Translate, ledger: WeekLedger): string {
  const time = ledger.afterHoursMinutes > 0 ? t('afterHoursTime', minutesInWords(t, ledger.afterHoursMinutes)) : t('noAfterHours');
  return t(ledger.exceptionsUsed > ledger.weeklyLimit ? 'weekOver' : 'week', time, ledger.exceptionsUsed, ledger.weeklyLimit);
}
