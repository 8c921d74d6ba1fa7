/**
 * The weekly hours, days off and self-care plan of a settings document in absolute time
 * (docs/ARCHITECTURE.md, "The policy engine"). Pure: the time zone is an argument.
 */
import type { Settings } from './settings';
import { minutesOfClock } from './clock';
import type { Boundary } from './timeline';
import { WEEKDAYS } from './types';
import type { LocalDate } from './types';
import { dateOfDay, dayNumber, instantAt, localDay, weekdayIndex } from './zoned-time';

const DAY_MINUTES = 24 * 60;

/** One workday's range in absolute time, already cut by time off. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  /** Day number of the workday the range belongs to. */
  readonly day: number;
}

/** A self-care block of the plan in absolute time: `[start, end)` in epoch ms. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Merged work time (the hours less the self-care plan): `[start, end)` in epoch ms. */
export interface WorkInterval {
  start: number;
  end: number;
  /** The workdays whose ranges formed it. */
  days: LocalDate[];
}

export interface Schedule {
  /** Per weekday, Monday first: ranges as merged `[start, end)` minutes after that day's midnight (end ≤ 2880). */
  readonly week: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Days off as merged, sorted, inclusive `[from, to]` day numbers. */
  readonly off: ReadonlyArray<readonly [number, number]>;
  readonly hasHours: boolean;
  /** Per weekday, Monday first: self-care blocks as merged `[start, end)` minutes after that day's midnight. */
  readonly plan: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** One-off self-care blocks (a block with a `date`) by day number, as minutes after that day's midnight. */
  readonly dated: ReadonlyMap<number, ReadonlyArray<readonly [number, number]>>;
  /** Segments by `zone day`, so repeated decisions on the same settings skip the zone maths. */
  readonly segments: Map<string, readonly Segment[]>;
  /** Self-care blocks by `zone day`. */
  readonly planSpans: Map<string, readonly Span[]>;
  /** The state's boundaries by `zone day` (timeline.ts). */
  readonly boundaries: Map<string, readonly Boundary[]>;
}

const compiled = new WeakMap<Settings, Schedule>();

const toMinutes = minutesOfClock;
/** A range's `[start, end)` minutes: an end ≤ start runs past midnight; end === start is a full 24 hours. */
const span = (from: string, to: string): [number, number] => {
  const start = toMinutes(from);
  const end = toMinutes(to);
  return [start, end <= start ? end + DAY_MINUTES : end];
};

function mergeSorted<T extends readonly [number, number]>(spans: T[], touching: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [from, to] of spans.sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + touching) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** Parses the settings' hours and days off once per settings object. */
export function compile(settings: Settings): Schedule {
  let schedule = compiled.get(settings);
  if (schedule) return schedule;
  const week = WEEKDAYS.map((weekday) =>
    mergeSorted(
      settings.week[weekday].map(([from, to]) => span(from, to)),
      0,
    ),
  );
  // Self-care blocks read like ranges of hours, past midnight included.
  const plan = WEEKDAYS.map((weekday) =>
    mergeSorted(
      settings.selfCare.plan.filter((block) => !block.date && block.days.includes(weekday)).map((block) => span(block.from, block.to)),
      0,
    ),
  );
  // One-off blocks by day number.
  const dated = new Map<number, Array<[number, number]>>();
  for (const block of settings.selfCare.plan) {
    if (!block.date) continue;
    const day = dayNumber(block.date);
    dated.set(day, [...(dated.get(day) ?? []), span(block.from, block.to)]);
  }
  const off = mergeSorted(
    settings.timeOff.map((r): [number, number] => [dayNumber(r.from), dayNumber(r.to)]),
    1,
  );
  schedule = { week, off, hasHours: week.some((day) => day.length > 0), plan, dated, segments: new Map(), planSpans: new Map(), boundaries: new Map() };
  compiled.set(settings, schedule);
  return schedule;
}

/** The run of days off containing `day`, if it is a day off. */
export function offRun(schedule: Schedule, day: number): readonly [number, number] | undefined {
  return schedule.off.find(([from, to]) => from <= day && day <= to);
}

/** The first day off after `day`, if any. */
export function nextDayOff(schedule: Schedule, day: number): number | undefined {
  const run = schedule.off.find(([, to]) => to > day);
  return run && Math.max(run[0], day + 1);
}

/** Whether `date` is a day off in the settings. */
export function isDayOff(settings: Settings, date: LocalDate): boolean {
  return offRun(compile(settings), dayNumber(date)) !== undefined;
}

/** The ranges of workday `day` as instants: none on a day off; cut at midnight before a day off. */
export function daySegments(schedule: Schedule, day: number, timeZone: string): readonly Segment[] {
  const key = `${timeZone} ${day}`;
  const known = schedule.segments.get(key);
  if (known) return known;
  const segments: Segment[] = [];
  const spans = schedule.week[weekdayIndex(day)] ?? [];
  if (spans.length > 0 && !offRun(schedule, day)) {
    const cut = offRun(schedule, day + 1) ? DAY_MINUTES : Infinity;
    for (const [from, to] of spans) {
      const start = instantAt(day, from, timeZone);
      const end = instantAt(day, Math.min(to, cut), timeZone);
      // A range inside a daylight-saving gap is empty.
      if (end > start) segments.push({ start, end, day });
    }
  }
  if (schedule.segments.size > 2000) schedule.segments.clear();
  schedule.segments.set(key, segments);
  return segments;
}

/** The self-care blocks of day `day` as instants; a block inside a daylight-saving gap is empty and dropped. */
export function planSpans(schedule: Schedule, day: number, timeZone: string): readonly Span[] {
  const key = `${timeZone} ${day}`;
  const known = schedule.planSpans.get(key);
  if (known) return known;
  const spans: Span[] = [];
  const dated = schedule.dated.get(day);
  const blocks = dated ? mergeSorted([...(schedule.plan[weekdayIndex(day)] ?? []), ...dated], 0) : (schedule.plan[weekdayIndex(day)] ?? []);
  for (const [from, to] of blocks) {
    const start = instantAt(day, from, timeZone);
    const end = instantAt(day, to, timeZone);
    if (end > start) spans.push({ start, end });
  }
  if (schedule.planSpans.size > 2000) schedule.planSpans.clear();
  schedule.planSpans.set(key, spans);
  return spans;
}

/** Segments of workdays `from`…`to` in order of start, skipping days off run by run. */
export function* segmentsFrom(schedule: Schedule, from: number, to: number, timeZone: string): Generator<Segment> {
  if (!schedule.hasHours) return;
  for (let day = from; day <= to; day++) {
    const run = offRun(schedule, day);
    if (run) day = run[1];
    else yield* daySegments(schedule, day, timeZone);
  }
}

/** `intervals` less the self-care blocks; a piece keeps the workdays of the interval it was cut from. */
function withoutPlan(intervals: WorkInterval[], blocks: readonly Span[]): WorkInterval[] {
  let pieces = intervals;
  for (const block of blocks) {
    pieces = pieces.flatMap((piece) => {
      if (block.end <= piece.start || block.start >= piece.end) return [piece];
      const kept: WorkInterval[] = [];
      if (block.start > piece.start) kept.push({ start: piece.start, end: block.start, days: [...piece.days] });
      if (block.end < piece.end) kept.push({ start: block.end, end: piece.end, days: [...piece.days] });
      return kept;
    });
  }
  return pieces;
}

/**
 * Work time overlapping `[from, to)`, merged (overlapping or touching ranges make one interval),
 * less the self-care plan, and clipped to `[from, to)`, in order. The popup draws today's timeline from this.
 */
export function workIntervals(settings: Settings, from: number, to: number, timeZone: string): WorkInterval[] {
  const intervals: WorkInterval[] = [];
  if (to <= from) return intervals;
  const schedule = compile(settings);
  for (const segment of segmentsFrom(schedule, localDay(from, timeZone) - 1, localDay(to, timeZone), timeZone)) {
    if (segment.end <= from || segment.start >= to) continue;
    const start = Math.max(segment.start, from);
    const end = Math.min(segment.end, to);
    const date = dateOfDay(segment.day);
    const last = intervals[intervals.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      if (!last.days.includes(date)) last.days.push(date);
    } else intervals.push({ start, end, days: [date] });
  }
  const blocks: Span[] = [];
  for (let day = localDay(from, timeZone) - 2; day <= localDay(to, timeZone); day++) blocks.push(...planSpans(schedule, day, timeZone));
  return blocks.length > 0 ? withoutPlan(intervals, blocks) : intervals;
}
