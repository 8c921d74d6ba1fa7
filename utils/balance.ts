/**
 * What is owed (docs/ARCHITECTURE.md, "History"): a running balance over the last 8 local weeks,
 * Monday first. After-hours minutes (usage.ts) add to it; a day off, a kept self-care block and a
 * work day ended early with "Clock out now" pay it back. Pure: events, settings, the instant and
 * the time zone are arguments; the popup and the options page compute it from the history
 * themselves (the worker only records).
 */
import type { HistoryEvent } from './history-events';
import type { Translate } from './i18n';
import { weekBounds } from './ledger';
import { compile, planSpans, workIntervals } from './schedule';
import type { Settings } from './settings';
import type { LocalDate } from './types';
import { exceptionRecords, minutesByDay, minutesWithin, spellsOf, type ExceptionRecord } from './usage';
import { addDays, dayNumber, localParts, MINUTE, toInstant } from './zoned-time';

/** How many weeks the balance runs over. */
export const BALANCE_WEEKS = 8;
/** Without a day off taken or planned in this many weeks, the popup suggests one (at most weekly). */
export const DAY_OFF_WEEKS = 8;
/** The label of the day entry "Clock out now" adds: it is not a day off, and pays back only what was left of the day. */
export const CLOCK_OUT_LABEL = 'Clocked out early from the popup';

export interface BalanceDay {
  readonly date: LocalDate;
  /** After-hours minutes of foreground use this day (rounded). */
  readonly afterHoursMinutes: number;
}

export interface BalanceWeek {
  /** Its Monday, and `[from, to)` as instants. */
  readonly week: LocalDate;
  readonly from: number;
  readonly to: number;
  /** After-hours minutes of foreground use (rounded). */
  readonly afterHoursMinutes: number;
  /** Monday to Sunday. */
  readonly days: readonly BalanceDay[];
  /** Crisis exceptions started this week, and each one as the history tells it. */
  readonly exceptions: readonly ExceptionRecord[];
  readonly wrapUps: number;
  /** Minutes paid back, by way (rounded). */
  readonly paidBack: { readonly daysOff: number; readonly blocks: number; readonly clockedOut: number };
  readonly paidBackMinutes: number;
  /** What is owed at the end of this week (or now, for this week): never below 0, personal time does not bank. */
  readonly owedMinutes: number;
}

export interface Balance {
  /** Oldest first; the last is this week. */
  readonly weeks: readonly BalanceWeek[];
  /** What is owed now. */
  readonly owedMinutes: number;
  readonly weeklyLimit: number;
  readonly heavyWeekMinutes: number;
  /** Owed above the threshold, or this week's crisis exceptions over the limit. */
  readonly heavy: boolean;
  /** No day off taken in the last `DAY_OFF_WEEKS` weeks, nor planned ahead. */
  readonly dayOffDue: boolean;
}

export interface BalanceOptions {
  readonly now: number;
  readonly timeZone: string;
  readonly weeks?: number;
}

/** The scheduled work minutes of `date`, as though it were not a day off. */
export function scheduledMinutes(settings: Settings, date: LocalDate, timeZone: string): number {
  const working = { ...settings, timeOff: [] };
  const from = toInstant(date, 0, timeZone);
  const to = toInstant(addDays(date, 1), 0, timeZone);
  let ms = 0;
  for (const w of workIntervals(working, from, to, timeZone)) ms += w.end - w.start;
  return ms / MINUTE;
}

/** Whether the settings make `date` a day off (the clinician's own, "Take today off", a weekly-review day; not "Clock out now"). */
function isTimeOff(settings: Settings, date: LocalDate): boolean {
  return settings.timeOff.some((r) => r.label !== CLOCK_OUT_LABEL && r.from <= date && date <= r.to);
}

const round = Math.round;

/**
 * The balance at `now`. Events are the history's (any window: those outside the weeks are
 * ignored). A day off pays back the day's scheduled hours once it has begun; a self-care block
 * pays back its length once it is over with no after-hours use in it, from the first day the
 * history knows of (a block added today is not credited for the weeks before it); "Clock out now"
 * pays back the work it gave up.
 */
export function balanceOf(events: readonly HistoryEvent[], settings: Settings, { now, timeZone, weeks = BALANCE_WEEKS }: BalanceOptions): Balance {
  // Each spell was cut to the time outside work when it was recorded (by the settings then).
  const spells = spellsOf(events);
  const records = exceptionRecords(events, now);
  const perDay = minutesByDay(spells, timeZone);
  const today = localParts(now, timeZone).date;
  const first = events.length > 0 ? localParts(Math.min(...events.map((e) => e.at)), timeZone).date : today;
  const takenOff = new Set(events.filter((e) => e.kind === 'dayOff').map((e) => localParts(e.at, timeZone).date));
  const schedule = compile(settings);
  const list: BalanceWeek[] = [];
  let owed = 0;
  for (let back = weeks - 1; back >= 0; back--) {
    const { week, from, to } = weekBounds(now, timeZone, back);
    const days: BalanceDay[] = [];
    const paid = { daysOff: 0, blocks: 0, clockedOut: 0 };
    for (let i = 0; i < 7; i++) {
      const date = addDays(week, i);
      const sites = perDay.get(date);
      let minutes = 0;
      if (sites) for (const m of sites.values()) minutes += m;
      days.push({ date, afterHoursMinutes: round(minutes) });
      if (date > today) continue;
      const off = isTimeOff(settings, date) || takenOff.has(date);
      if (off) paid.daysOff += scheduledMinutes(settings, date, timeZone);
      else if (date >= first) {
        for (const block of planSpans(schedule, dayNumber(date), timeZone)) {
          if (block.end <= now && minutesWithin(spells, block.start, block.end) === 0) paid.blocks += (block.end - block.start) / MINUTE;
        }
      }
    }
    for (const e of events) if (e.kind === 'clockedOut' && e.at >= from && e.at < to && e.at <= now) paid.clockedOut += e.minutes;
    const after = minutesWithin(spells, from, Math.min(to, now));
    const paidBack = paid.daysOff + paid.blocks + paid.clockedOut;
    owed = Math.max(0, owed + after - paidBack);
    const inWeek = records.filter((r) => r.startedAt >= from && r.startedAt < to);
    list.push({
      week,
      from,
      to,
      afterHoursMinutes: round(after),
      days,
      exceptions: inWeek.filter((r) => r.kind === 'crisis'),
      wrapUps: inWeek.filter((r) => r.kind === 'wrapUp').length,
      paidBack: { daysOff: round(paid.daysOff), blocks: round(paid.blocks), clockedOut: round(paid.clockedOut) },
      paidBackMinutes: round(paidBack),
      owedMinutes: round(owed),
    });
  }
  const { weeklyLimit, heavyWeekMinutes } = settings.exceptions;
  const thisWeek = list[list.length - 1];
  const owedMinutes = round(owed);
  const since = addDays(today, -7 * DAY_OFF_WEEKS);
  const dayOffDue =
    !settings.timeOff.some((r) => r.label !== CLOCK_OUT_LABEL && r.to >= since) && ![...takenOff].some((date) => date >= since) && first <= since;
  return {
    weeks: list,
    owedMinutes,
    weeklyLimit,
    heavyWeekMinutes,
    heavy: owedMinutes > heavyWeekMinutes || (thisWeek?.exceptions.length ?? 0) > weeklyLimit,
    dayOffDue,
  };
}

/** "0 min", "45 min", "2 h", "1 h 5 min", in the browser's language (`min`, `h`, `hMin`). */
export function minutesInWords(t: Translate, minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return t('min', m);
  return m % 60 ? t('hMin', Math.floor(m / 60), m % 60) : t('h', m / 60);
}

/** This week in one line: "This week: 1 h 20 min after hours · 2 of 5 crisis exceptions · 40 min owed to you". */
export function describeBalance(t: Translate, balance: Balance): string {
  const week = balance.weeks[balance.weeks.length - 1];
  const minutes = week?.afterHoursMinutes ?? 0;
  const used = week?.exceptions.length ?? 0;
  const time = minutes > 0 ? t('afterHoursTime', minutesInWords(t, minutes)) : t('noAfterHours');
  const owed = balance.owedMinutes > 0 ? t('balOwed', minutesInWords(t, balance.owedMinutes)) : t('balNothingOwed');
  return t(used > balance.weeklyLimit ? 'balWeekOver' : 'balWeek', time, used, balance.weeklyLimit, owed);
}
