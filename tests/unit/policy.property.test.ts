import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, type Decision } from '../../utils/policy';
import { afterHours, minutesWithin } from '../../utils/usage';
import { parseSettings, type Settings } from '../../utils/settings';
import type { Exception, State } from '../../utils/types';
import { en } from './english';

/*
 * decide() against a brute-force reference written independently of utils/: it walks whole
 * minutes, reads each minute's local wall clock from Intl.formatToParts, and decides work or not by
 * comparing wall-clock numbers with the ranges. The DST rule of docs/ARCHITECTURE.md, "Time" (a skipped time means the
 * first instant after the gap, a repeated one its first occurrence) is the same as "a boundary at
 * wall time X is the first instant at which the clock has reached X", so the reference compares
 * ranges with the highest wall time shown so far rather than the current one. Self-care blocks
 * are read the same way: a minute inside the hours and inside a block is a break.
 */

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Chatham',
  'UTC',
  'Australia/Sydney',
  'America/Santiago',
] as const;
const MIN = 60_000;
const DAY_MIN = 1440;
const KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const YEAR_START_MIN = Date.UTC(2026, 0, 1) / MIN;
// Each property takes a few seconds; leave room for slow machines.
const TIMEOUT = 60_000;

const formats = new Map<string, Intl.DateTimeFormat>();
function exactWall(zone: string, minute: number): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(zone, format);
  }
  const part = (type: string, parts: Intl.DateTimeFormatPart[]) => Number(parts.find((p) => p.type === type)?.value);
  const parts = format.formatToParts(minute * MIN);
  return Date.UTC(part('year', parts), part('month', parts) - 1, part('day', parts), part('hour', parts), part('minute', parts)) / MIN;
}

// Only a speed-up: where the wall clock advanced exactly as many minutes as real time over a
// stretch of at most six hours, it did so minute by minute (no zone changes its clocks and back
// within six hours); other stretches are halved until every minute is read from Intl.
const CHUNK = 360;
const exactCache = new Map<string, Map<number, number>>();
function cachedWall(zone: string, minute: number): number {
  let cache = exactCache.get(zone);
  if (!cache) exactCache.set(zone, (cache = new Map()));
  let w = cache.get(minute);
  if (w === undefined) cache.set(minute, (w = exactWall(zone, minute)));
  return w;
}

// Local wall clock (minutes since 1970-01-01 00:00, local calendar) of each minute in [from, to).
function walls(zone: string, from: number, to: number): number[] {
  const out: number[] = new Array<number>(to - from);
  const fill = (a: number, b: number, wa: number, wb: number) => {
    if (wb - wa === b - a || b - a === 1) {
      for (let m = Math.max(a, from); m < Math.min(b, to); m++) out[m - from] = wa + (m - a);
      return;
    }
    const mid = Math.floor((a + b) / 2);
    const wm = exactWall(zone, mid);
    fill(a, mid, wa, wm);
    fill(mid, b, wm, wb);
  };
  for (let a = Math.floor(from / CHUNK) * CHUNK; a < to; a += CHUNK) fill(a, a + CHUNK, cachedWall(zone, a), cachedWall(zone, a + CHUNK));
  return out;
}
const wall = (zone: string, minute: number) => walls(zone, minute, minute + 1)[0] ?? NaN;

interface Spec {
  week: Record<(typeof KEYS)[number], Array<readonly [string, string]>>;
  timeOff: Array<{ from: string; to: string }>;
  plan: Array<{ days: Array<(typeof KEYS)[number]>; from: string; to: string }>;
}

const dateOf = (localDay: number) => new Date(localDay * 86_400_000).toISOString().slice(0, 10);
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

// The reference's verdict for every minute in [from, to).
function referenceStates(spec: Spec, zone: string, from: number, to: number): State[] {
  const offDays = new Map<number, boolean>();
  const isOff = (localDay: number) => {
    let off = offDays.get(localDay);
    if (off === undefined) {
      const date = dateOf(localDay);
      off = spec.timeOff.some((r) => r.from <= date && date <= r.to);
      offDays.set(localDay, off);
    }
    return off;
  };
  // Each workday's ranges as [start, end) in wall-clock minutes since 1970, cut before a day off.
  const rangesByDay = new Map<number, Array<[number, number]>>();
  const rangesOf = (day: number) => {
    let ranges = rangesByDay.get(day);
    if (!ranges) {
      ranges = isOff(day)
        ? []
        : spec.week[KEYS[new Date(day * 86_400_000).getUTCDay()] ?? 'sun'].map(([a, b]): [number, number] => {
            const start = day * DAY_MIN + minutesOf(a);
            let end = day * DAY_MIN + minutesOf(b);
            if (end <= start) end += DAY_MIN;
            return [start, isOff(day + 1) ? Math.min(end, (day + 1) * DAY_MIN) : end];
          });
      rangesByDay.set(day, ranges);
    }
    return ranges;
  };
  // Each day's self-care blocks as [start, end) in wall-clock minutes since 1970; days off do not matter.
  const blocksByDay = new Map<number, Array<[number, number]>>();
  const blocksOf = (day: number) => {
    let blocks = blocksByDay.get(day);
    if (!blocks) {
      const weekday = KEYS[new Date(day * 86_400_000).getUTCDay()] ?? 'sun';
      blocks = spec.plan
        .filter((b) => b.days.includes(weekday))
        .map(({ from: a, to: b }): [number, number] => {
          const start = day * DAY_MIN + minutesOf(a);
          const end = day * DAY_MIN + minutesOf(b);
          return [start, end <= start ? end + DAY_MIN : end];
        });
      blocksByDay.set(day, blocks);
    }
    return blocks;
  };
  const firstWork = new Map<number, number>();
  const lastWork = new Map<number, number>();
  const states: Array<State | null> = [];
  const clock = walls(zone, from - 180, to);
  let highest = -Infinity;
  for (let m = from - 180; m < to; m++) {
    const now = clock[m - from + 180] ?? NaN;
    highest = Math.max(highest, now);
    if (m < from) continue;
    let inHours = false;
    let inBlock = false;
    for (let day = Math.floor(highest / DAY_MIN) - 1; day <= Math.floor(highest / DAY_MIN); day++) {
      for (const [start, end] of rangesOf(day)) {
        if (start <= highest && highest < end) {
          inHours = true;
          if (!firstWork.has(day)) firstWork.set(day, m);
          lastWork.set(day, m);
        }
      }
      for (const [start, end] of blocksOf(day)) if (start <= highest && highest < end) inBlock = true;
    }
    states.push(isOff(Math.floor(now / DAY_MIN)) ? 'timeOff' : inHours ? (inBlock ? 'break' : 'work') : null);
  }
  // Outside the hours and not a day off: a break if the same workday has hours before and after.
  return states.map((state, i) => {
    if (state) return state;
    for (const [day, first] of firstWork) if (first < from + i && from + i < (lastWork.get(day) ?? 0)) return 'break';
    return 'off';
  });
}

// Days (in 2026–27) on which the zone's clocks change, found with the reference's own clock.
const transitionCache = new Map<string, number[]>();
function transitions(zone: string): number[] {
  let found = transitionCache.get(zone);
  if (!found) {
    found = [];
    for (let d = 0; d < 730; d++) {
      const m = YEAR_START_MIN + d * DAY_MIN;
      if (wall(zone, m + DAY_MIN) - wall(zone, m) !== DAY_MIN) found.push(m + DAY_MIN / 2);
    }
    transitionCache.set(zone, found);
  }
  return found;
}

const SPECIAL = [0, 30, 60, 90, 120, 135, 150, 165, 180, 1380, 1410];
const time = fc.oneof(
  fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
  fc.integer({ min: 0, max: 1439 }),
  fc.constantFrom(...SPECIAL),
);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const range = fc
  .tuple(
    time,
    fc.oneof(
      time.map((m) => hhmm(m)),
      fc.constant('24:00'),
      fc.constant('same'),
    ),
  )
  .map(([start, end]): [string, string] => [hhmm(start), end === 'same' ? hhmm(start) : end]);
const day = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Array<[string, string]>>([]) },
  { weight: 5, arbitrary: fc.array(range, { minLength: 1, maxLength: 3 }) },
);
const week = fc.record({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day });
const timeOff = fc.array(fc.record({ from: fc.integer({ min: -12, max: 12 }), length: fc.integer({ min: 0, max: 8 }) }), { maxLength: 3 });
const instant = fc.record({
  zone: fc.constantFrom(...ZONES),
  nearTransition: fc.boolean(),
  pick: fc.nat(),
  uniform: fc.integer({ min: 0, max: 400 * DAY_MIN * MIN }),
  delta: fc.integer({ min: -40 * 60 * MIN, max: 40 * 60 * MIN }),
});
const exception = fc.record({
  kind: fc.constantFrom('crisis' as const, 'wrapUp' as const),
  scope: fc.constantFrom(
    { type: 'all' as const },
    { type: 'category' as const, category: 'ehr' as const },
    { type: 'site' as const, siteId: 'simplepractice' },
    { type: 'site' as const, siteId: 'custom:mail.example.org' },
  ),
  start: fc.integer({ min: -180, max: 24 * 60 }),
  minutes: fc.integer({ min: 1, max: 240 }),
});
const block = fc
  .record({
    days: fc.subarray([...KEYS], { minLength: 1 }),
    from: time,
    to: fc.oneof(time, fc.constant(-1), fc.constant(-2)),
  })
  .map((b) => ({ days: b.days, from: hhmm(b.from), to: b.to === -1 ? '24:00' : b.to === -2 ? hhmm(b.from) : hhmm(b.to) }));
const plan = fc.oneof({ weight: 1, arbitrary: fc.constant<Spec['plan']>([]) }, { weight: 2, arbitrary: fc.array(block, { minLength: 1, maxLength: 3 }) });
const caseArb = fc.record({ week, timeOff, plan, instant, exceptions: fc.array(exception, { maxLength: 3 }), windDown: fc.constantFrom(0, 5, 10, 60) });
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

// Built once through the real parser, then given each case's hours (valid by construction).
const parsedBase = parseSettings(en, {
  format: 'clocked-out/settings',
  version: 1,
  sites: { custom: [{ host: 'mail.example.org', category: 'email', action: 'allow' }] },
});
if (!parsedBase.ok) throw new Error(parsedBase.errors.join('\n'));
const base = parsedBase.settings;

function build(c: Case): { spec: Spec; settings: Settings; zone: string; now: number; exceptions: Exception[] } {
  const { zone } = c.instant;
  const list = transitions(zone);
  const near = list[c.instant.pick % Math.max(1, list.length)];
  const now = c.instant.nearTransition && near !== undefined ? near * MIN + c.instant.delta : YEAR_START_MIN * MIN + c.instant.uniform;
  const today = Math.floor(wall(zone, Math.floor(now / MIN)) / DAY_MIN);
  const spec: Spec = { week: c.week, timeOff: c.timeOff.map((r) => ({ from: dateOf(today + r.from), to: dateOf(today + r.from + r.length) })), plan: c.plan };
  const settings: Settings = {
    ...base,
    timeZone: zone,
    week: spec.week,
    timeOff: spec.timeOff.map((r) => ({ ...r, label: '' })),
    windDownMinutes: c.windDown,
    selfCare: { ...base.selfCare, plan: spec.plan.map((b) => ({ ...b, label: '' })) },
  };
  const exceptions = c.exceptions.map((e, i): Exception => ({
    id: `e${i}`,
    kind: e.kind,
    scope: e.scope,
    startedAt: now + e.start * MIN,
    endsAt: now + (e.start + e.minutes) * MIN,
  }));
  return { spec, settings, zone, now, exceptions };
}

// Everything that can change at a boundary, compared as text.
const visible = (d: Decision) => JSON.stringify([d.state, d.siteActions, d.windDown, d.activeExceptions.map((e) => e.id)]);

// The first minute in [from, to) whose reference state passes `test`; null if none.
function firstMinute(at: (m: number) => State | undefined, from: number, to: number, test: (s: State | undefined) => boolean): number | null {
  for (let m = from; m < to; m++) if (test(at(m))) return m;
  return null;
}

describe('decide() against a minute-by-minute reference', () => {
  it(
    'agrees on the state at random instants, schedules and zones, including DST days',
    () => {
      fc.assert(
        fc.property(caseArb, (c) => {
          const { spec, settings, zone, now } = build(c);
          const minute = Math.floor(now / MIN);
          const reference = referenceStates(spec, zone, minute - 2 * DAY_MIN, minute + 3 * DAY_MIN);
          expect(decide(settings, now, zone).state).toBe(reference[2 * DAY_MIN]);
        }),
        { numRuns: 2000 },
      );
    },
    TIMEOUT,
  );

  it(
    'puts stateStartedAt, stateEndsAt and nextWorkAt where the reference changes state, and misses no change between',
    () => {
      const SPAN = 2 * DAY_MIN;
      fc.assert(
        fc.property(caseArb, (c) => {
          const { spec, settings, zone, now } = build(c);
          const m0 = Math.floor(now / MIN);
          const from = m0 - 3 * DAY_MIN;
          const ref = referenceStates(spec, zone, from, m0 + SPAN + 3 * DAY_MIN);
          const at = (m: number) => ref[m - from];
          const d = decide(settings, now, zone);
          expect(d.state).toBe(at(m0));
          // Forward: the same state up to stateEndsAt, a different one at it.
          const ends = d.stateEndsAt === null ? Infinity : d.stateEndsAt / MIN;
          expect(
            firstMinute(at, m0, Math.min(ends, m0 + SPAN), (s) => s !== d.state),
            'a change before stateEndsAt',
          ).toBeNull();
          if (ends <= m0 + SPAN) expect(at(ends)).not.toBe(d.state);
          // Backward: the same state since stateStartedAt, a different one just before it.
          const started = d.stateStartedAt === null ? -Infinity : d.stateStartedAt / MIN;
          expect(
            firstMinute(at, Math.max(started, m0 - DAY_MIN), m0, (s) => s !== d.state),
            'a change after stateStartedAt',
          ).toBeNull();
          if (started >= m0 - DAY_MIN) expect(at(started - 1)).not.toBe(d.state);
          // The next start of work.
          const next = d.nextWorkAt === null ? Infinity : d.nextWorkAt / MIN;
          expect(
            firstMinute(at, d.state === 'work' ? ends : m0, Math.min(next, m0 + SPAN), (s) => s === 'work'),
            'work before nextWorkAt',
          ).toBeNull();
          if (next <= m0 + SPAN) expect(at(next)).toBe('work');
        }),
        { numRuns: 500 },
      );
    },
    TIMEOUT,
  );

  it(
    'changes nothing before nextChangeAt and something at it',
    () => {
      fc.assert(
        fc.property(caseArb, (c) => {
          const { settings, zone, now, exceptions } = build(c);
          const runtime = { exceptions };
          const d = decide(settings, now, zone, runtime);
          if (d.nextChangeAt === null) return;
          expect(d.nextChangeAt).toBeGreaterThan(now);
          const whole = JSON.stringify(d);
          const stop = Math.min(d.nextChangeAt, now + DAY_MIN * MIN);
          let changedAt: number | null = null;
          for (let t = Math.floor(now / MIN + 1) * MIN; t < stop && changedAt === null; t += MIN) {
            if (JSON.stringify(decide(settings, t, zone, runtime)) !== whole) changedAt = t;
          }
          expect(changedAt, 'a change before nextChangeAt').toBeNull();
          expect(JSON.stringify(decide(settings, d.nextChangeAt - 1, zone, runtime))).toBe(whole);
          expect(visible(decide(settings, d.nextChangeAt, zone, runtime))).not.toBe(visible(d));
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );
});

describe('afterHours() against the same reference', () => {
  it(
    'keeps exactly the minutes of a spell the reference says are not work, however many boundaries it crosses',
    () => {
      fc.assert(
        fc.property(caseArb, fc.integer({ min: 1, max: 2 * DAY_MIN }), (c, length) => {
          const { spec, settings, zone, now } = build(c);
          const m0 = Math.floor(now / MIN);
          const ref = referenceStates(spec, zone, m0, m0 + length);
          const expected = ref.filter((s) => s !== 'work').length;
          const parts = afterHours([{ site: 'simplepractice', category: 'ehr', start: m0 * MIN, end: (m0 + length) * MIN }], settings, zone);
          expect(minutesWithin(parts, m0 * MIN, (m0 + length) * MIN)).toBe(expected);
          // Parts in order, apart, each inside the spell and starting after hours.
          for (const [i, part] of parts.entries()) {
            expect(part.end).toBeGreaterThan(part.start);
            if (i > 0) expect(part.start).toBeGreaterThan(parts[i - 1]!.end);
            expect(ref[part.start / MIN - m0]).not.toBe('work');
          }
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );
});
