/**
 * The popup's ways of paying back what is owed (docs/ARCHITECTURE.md, "History"), as settings
 * changes with their undo, like "Take today off" (today-off.ts): "Clock out now" (the rest of
 * today's work given back), and the weekly review's one-click actions — Friday afternoon off, a
 * day off on a chosen date, an evening protected next week. Also when the review is due, and
 * what it says. Pure.
 */
import { CLOCK_OUT_LABEL, minutesInWords, type Balance, type BalanceWeek } from './balance';
import { hhmm, shortDate } from './clock';
import type { Translate } from './i18n';
import { weekBounds } from './ledger';
import { isDayOff, workIntervals } from './schedule';
import type { Settings } from './settings';
import { WEEKDAYS, type LocalDate } from './types';
import { addDays, localParts, MINUTE, toInstant, weekdayOf } from './zoned-time';

export const REVIEW_LABEL = 'From the weekly review';
export const FRIDAY_AFTERNOON_LABEL = 'Friday afternoon off (weekly review)';
export const EVENING_LABEL = 'Protected evening (weekly review)';
/** Where Friday afternoon begins, and a protected evening's hours when the day's work gives no end. */
const AFTERNOON = 13 * 60;
const EVENING: readonly [number, number] = [18 * 60, 22 * 60];

type TimeOff = Settings['timeOff'][number];
type Block = Settings['selfCare']['plan'][number];
const dayStart = (date: LocalDate, timeZone: string) => toInstant(date, 0, timeZone);
const dayEnd = (date: LocalDate, timeZone: string) => toInstant(addDays(date, 1), 0, timeZone);

/** Minutes of today's scheduled work from `now` on. */
export function workLeftToday(settings: Settings, now: number, timeZone: string): number {
  const today = localParts(now, timeZone).date;
  let ms = 0;
  for (const w of workIntervals(settings, now, dayEnd(today, timeZone), timeZone)) if (w.days.includes(today)) ms += w.end - w.start;
  return ms / MINUTE;
}

const isClockOut = (date: LocalDate) => (r: TimeOff) => r.from === date && r.to === date && r.label === CLOCK_OUT_LABEL;

/**
 * "Clock out now": `take` once today's work has begun and while some is still ahead (not on a day
 * off), `undo` once the popup has clocked out today.
 */
export function clockOutChoice(settings: Settings, now: number, timeZone: string): 'take' | 'undo' | null {
  const today = localParts(now, timeZone).date;
  if (settings.timeOff.some(isClockOut(today))) return 'undo';
  if (isDayOff(settings, today)) return null;
  const begun = workIntervals(settings, dayStart(today, timeZone), now, timeZone).some((w) => w.days.includes(today));
  return begun && workLeftToday(settings, now, timeZone) > 0 ? 'take' : null;
}

/** The rest of today off: a day entry the balance reads as work given back, not as a day off. */
export function withClockOut(settings: Settings, date: LocalDate): Settings {
  if (settings.timeOff.some(isClockOut(date))) return settings;
  return { ...settings, timeOff: [...settings.timeOff, { from: date, to: date, label: CLOCK_OUT_LABEL }] };
}

export function withoutClockOut(settings: Settings, date: LocalDate): Settings {
  return { ...settings, timeOff: settings.timeOff.filter((r) => !isClockOut(date)(r)) };
}

/** A day off on `date` from the review; refused (a message) when it is in the past or already off. */
export function withReviewDayOff(
  t: Translate,
  settings: Settings,
  date: LocalDate,
  today: LocalDate,
): { ok: true; settings: Settings } | { ok: false; error: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return { ok: false, error: t('rvChooseDate') };
  if (date < today) return { ok: false, error: t('rvPassed', shortDate(t, date)) };
  if (isDayOff(settings, date)) return { ok: false, error: t('rvAlreadyOff', shortDate(t, date)) };
  return { ok: true, settings: { ...settings, timeOff: [...settings.timeOff, { from: date, to: date, label: REVIEW_LABEL }] } };
}

export function withoutReviewDayOff(settings: Settings, date: LocalDate): Settings {
  return { ...settings, timeOff: settings.timeOff.filter((r) => !(r.from === date && r.to === date && r.label === REVIEW_LABEL)) };
}

/** The next Friday after `today` with work after 13:00, and that afternoon as a one-off block; null when none in the next two weeks. */
export function fridayAfternoon(settings: Settings, today: LocalDate, timeZone: string): Block | null {
  for (let i = 1; i <= 14; i++) {
    const date = addDays(today, i);
    if (weekdayOf(date) !== 'fri') continue;
    const work = workIntervals(settings, toInstant(date, AFTERNOON, timeZone), dayEnd(date, timeZone), timeZone).filter((w) => w.days.includes(date));
    const last = work[work.length - 1];
    if (!last) continue;
    const end = localParts(last.end, timeZone);
    const to = end.date === date ? hhmm(end.minutes) : '24:00';
    return { days: ['fri'], from: hhmm(AFTERNOON), to, label: FRIDAY_AFTERNOON_LABEL, date };
  }
  return null;
}

/** An evening next week, from the end of that day's work (or 18:00) to 22:00, as a one-off block: the first weekday with work, not a day off. */
export function eveningNextWeek(settings: Settings, now: number, timeZone: string): Block {
  const monday = weekBounds(now, timeZone, -1).week;
  for (let i = 0; i < 5; i++) {
    const date = addDays(monday, i);
    if (isDayOff(settings, date)) continue;
    const work = workIntervals(settings, dayStart(date, timeZone), dayEnd(date, timeZone), timeZone).filter((w) => w.days.includes(date));
    const last = work[work.length - 1];
    if (!last) continue;
    const end = localParts(last.end, timeZone);
    const from = end.date === date ? Math.max(end.minutes, EVENING[0]) : EVENING[1];
    if (from >= EVENING[1]) continue;
    return { days: [WEEKDAYS[i]!], from: hhmm(from), to: hhmm(EVENING[1]), label: EVENING_LABEL, date };
  }
  return { days: [weekdayOf(addDays(monday, 2))], from: hhmm(EVENING[0]), to: hhmm(EVENING[1]), label: EVENING_LABEL, date: addDays(monday, 2) };
}

const sameBlock = (a: Block) => (b: Block) => a.date === b.date && a.from === b.from && a.to === b.to && a.label === b.label;

export function withBlock(settings: Settings, block: Block): Settings {
  if (settings.selfCare.plan.some(sameBlock(block))) return settings;
  return { ...settings, selfCare: { ...settings.selfCare, plan: [...settings.selfCare.plan, block] } };
}

export function withoutBlock(settings: Settings, block: Block): Settings {
  return { ...settings, selfCare: { ...settings.selfCare, plan: settings.selfCare.plan.filter((b) => !sameBlock(block)(b)) } };
}

/**
 * The Monday of the week whose review is due at `now`, or null: this week's once its last work
 * range has ended; last week's while this week's work has not begun (a popup first opened on
 * Monday morning). A week already reviewed (`reviewed`, the Monday last dismissed) is not due again.
 */
export function reviewDue(settings: Settings, now: number, timeZone: string, reviewed: LocalDate | null): LocalDate | null {
  const week = weekBounds(now, timeZone);
  const work = workIntervals(settings, week.from, week.to, timeZone);
  const last = work[work.length - 1];
  const first = work[0];
  let due: LocalDate | null = null;
  if (last && last.end <= now) due = week.week;
  else if (!first || first.start > now) {
    const before = weekBounds(now, timeZone, 1);
    if (workIntervals(settings, before.from, before.to, timeZone).length > 0) due = before.week;
  }
  return due !== null && due !== reviewed ? due : null;
}

/** The review's words: the week by day, exceptions against the limit, what is owed; heavy weeks turn to recovery and support. */
export function reviewWords(t: Translate, balance: Balance, week: BalanceWeek): { heading: string; lines: string[]; advice: string } {
  const days = week.days.filter((d) => d.afterHoursMinutes > 0).map((d) => t('rvDay', t(`d_${weekdayOf(d.date)}`), minutesInWords(t, d.afterHoursMinutes)));
  const used = week.exceptions.length;
  const lines = [
    days.length > 0 ? t('rvAfter', days.join(', '), minutesInWords(t, week.afterHoursMinutes)) : t('rvNoAfter'),
    t(used > balance.weeklyLimit ? 'rvExceptionsOver' : 'rvExceptions', used, balance.weeklyLimit),
    balance.owedMinutes > 0 ? t('rvOwed', minutesInWords(t, balance.owedMinutes)) : t('rvEven'),
  ];
  const advice = t(balance.heavy ? 'rvHeavy' : balance.owedMinutes > 0 ? 'rvTurn' : 'rvKeep');
  return { heading: t('rvHeading', shortDate(t, week.week)), lines, advice };
}
