/**
 * The state of the day at any instant, and the instants at which it changes (docs/ARCHITECTURE.md, "The
 * policy engine"). Work is the hours less the self-care plan: a self-care block inside the hours
 * is a break, like the gap between two of a day's ranges; outside them it changes nothing.
 * Pure: the time zone is an argument; what is derived per day is cached with the schedule.
 */
import { daySegments, offRun, planSpans, type Schedule, type Span } from './schedule';
import type { State } from './types';
import { instantAt, localDay } from './zoned-time';

/** An instant at which the state changes. */
export interface Boundary {
  readonly at: number;
  readonly before: State;
  readonly after: State;
}

const covers = (spans: readonly Span[], t: number) => spans.some((s) => s.start <= t && t < s.end);

/** The state at instant `t`. */
export function stateAt(schedule: Schedule, t: number, timeZone: string): State {
  const day = localDay(t, timeZone);
  if (offRun(schedule, day)) return 'timeOff';
  const todays = daySegments(schedule, day, timeZone);
  if (covers(todays, t) || covers(daySegments(schedule, day - 1, timeZone), t)) {
    return covers(planSpans(schedule, day, timeZone), t) || covers(planSpans(schedule, day - 1, timeZone), t) ? 'break' : 'work';
  }
  // A gap between two of today's own ranges is a break; before the first and after the last is off.
  return todays.some((s) => s.end <= t) && todays.some((s) => s.start > t) ? 'break' : 'off';
}

/**
 * The boundaries in local day `day` (from its midnight to the next), in order. The state can only
 * change where a range or a self-care block starts or ends, or at a midnight (a day off): each
 * such instant is tried. Ranges and blocks of a day end before the midnight two days later, so
 * the two days before are tried too.
 */
export function dayBoundaries(schedule: Schedule, day: number, timeZone: string): readonly Boundary[] {
  const key = `${timeZone} ${day}`;
  const known = schedule.boundaries.get(key);
  if (known) return known;
  // Without hours the state changes only where days off begin and end.
  if (!schedule.hasHours && !offRun(schedule, day) === !offRun(schedule, day - 1)) return [];
  const from = instantAt(day, 0, timeZone);
  const to = instantAt(day + 1, 0, timeZone);
  const instants = new Set([from]);
  for (let d = day - 2; d <= day; d++) {
    for (const s of [...daySegments(schedule, d, timeZone), ...planSpans(schedule, d, timeZone)]) {
      if (s.start >= from && s.start < to) instants.add(s.start);
      if (s.end >= from && s.end < to) instants.add(s.end);
    }
  }
  const boundaries: Boundary[] = [];
  for (const at of [...instants].sort((a, b) => a - b)) {
    const before = stateAt(schedule, at - 1, timeZone);
    const after = stateAt(schedule, at, timeZone);
    if (before !== after) boundaries.push({ at, before, after });
  }
  if (schedule.boundaries.size > 4000) schedule.boundaries.clear();
  schedule.boundaries.set(key, boundaries);
  return boundaries;
}

/** The boundaries after `instant`, in order, through local day `lastDay`. */
export function* boundariesAfter(schedule: Schedule, instant: number, lastDay: number, timeZone: string): Generator<Boundary> {
  for (let day = localDay(instant, timeZone) - 1; day <= lastDay; day++) {
    for (const b of dayBoundaries(schedule, day, timeZone)) if (b.at > instant) yield b;
  }
}

/** The boundaries at or before `instant`, latest first, back to local day `firstDay`. */
export function* boundariesUntil(schedule: Schedule, instant: number, firstDay: number, timeZone: string): Generator<Boundary> {
  for (let day = localDay(instant, timeZone) + 1; day >= firstDay; day--) {
    const list = dayBoundaries(schedule, day, timeZone);
    for (let i = list.length - 1; i >= 0; i--) {
      const b = list[i];
      if (b && b.at <= instant) yield b;
    }
  }
}
