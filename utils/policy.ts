/**
 * The policy engine (DESIGN.md): a pure function of settings, an instant and a time zone that says
 * what state the day is in, what each work site gets, and when any of that next changes.
 */
import { compile, daySegments, nextDayOff, offRun, segmentsFrom } from './schedule';
import type { Schedule, Segment } from './schedule';
import type { Settings } from './settings';
import { enabledSites } from './sites';
import type { Action, Exception, Site, State } from './types';
import { instantAt, localDay, MINUTE } from './zoned-time';

// How far back `stateStartedAt` is looked for, and how far ahead the next change: bounded so
// decide() stays cheap; only weeks of unbroken on-call reach them.
const LOOKBACK_DAYS = 16;
const LOOKAHEAD_DAYS = 400;

export interface Decision {
  readonly state: State;
  /** When the current state began; null if before the look-back horizon. Identifies "this boundary". */
  readonly stateStartedAt: number | null;
  /** The next instant the state changes; null if not within the look-ahead horizon. */
  readonly stateEndsAt: number | null;
  /** The next instant work begins; during work, the start of the next work interval. */
  readonly nextWorkAt: number | null;
  /** Set during the last `windDownMinutes` of a work interval. */
  readonly windDown: { readonly endsAt: number } | null;
  /** Site id → what the site gets now, for every enabled site. */
  readonly siteActions: Record<string, Action>;
  /** Exceptions running now. */
  readonly activeExceptions: Exception[];
  /** Of those, the one ending last. */
  readonly activeException: Exception | null;
  /** The next instant any field above changes; always after `now`. */
  readonly nextChangeAt: number | null;
}

interface ScheduleState {
  state: State;
  startedAt: number | null;
  endsAt: number | null;
  nextWorkAt: number | null;
}

const firstStartAfter = (segments: Iterable<Segment>, instant: number): number | null => {
  for (const segment of segments) if (segment.start > instant) return segment.start;
  return null;
};

function workState(schedule: Schedule, today: number, hit: Segment, timeZone: string): ScheduleState {
  const last = today + LOOKAHEAD_DAYS;
  // Forward: segments come in order of start, so the interval ends at the first one that starts after it.
  let end = hit.end;
  let nextWorkAt: number | null = null;
  for (const segment of segmentsFrom(schedule, today - 1, last, timeZone)) {
    if (segment.start > end) { nextWorkAt = segment.start; break; }
    end = Math.max(end, segment.end);
  }
  const endKnown = nextWorkAt !== null || end < instantAt(last + 1, 0, timeZone);
  // Backward: a workday's ranges end before the midnight two days later, which bounds the search.
  let start: number | null = hit.start;
  for (let day = today; start !== null && instantAt(day + 2, 0, timeZone) >= start && !offRun(schedule, day); day--) {
    if (day < today - LOOKBACK_DAYS) start = null;
    else for (const segment of daySegments(schedule, day, timeZone)) if (segment.start < start && segment.end >= start) start = segment.start;
  }
  return { state: 'work', startedAt: start, endsAt: endKnown ? end : null, nextWorkAt };
}

function scheduleState(schedule: Schedule, now: number, timeZone: string): ScheduleState {
  const today = localDay(now, timeZone);
  const last = today + LOOKAHEAD_DAYS;
  const run = offRun(schedule, today);
  if (run) {
    const endsAt = instantAt(run[1] + 1, 0, timeZone);
    // Look ahead from the end of the time off, however long it is.
    const nextWorkAt = firstStartAfter(segmentsFrom(schedule, run[1] + 1, run[1] + LOOKAHEAD_DAYS, timeZone), now);
    return { state: 'timeOff', startedAt: instantAt(run[0], 0, timeZone), endsAt, nextWorkAt };
  }
  const todays = daySegments(schedule, today, timeZone);
  const hit = [...daySegments(schedule, today - 1, timeZone), ...todays].find((s) => s.start <= now && now < s.end);
  if (hit) return workState(schedule, today, hit, timeZone);

  const nextWorkAt = firstStartAfter(segmentsFrom(schedule, today, last, timeZone), now);
  const dayOff = nextDayOff(schedule, today);
  const dayOffAt = dayOff === undefined ? null : instantAt(dayOff, 0, timeZone);
  const endsAt = nextWorkAt === null ? dayOffAt : dayOffAt === null ? nextWorkAt : Math.min(nextWorkAt, dayOffAt);
  // The state began at the last end of work, or at the midnight that ended the last time off.
  let startedAt: number | null = null;
  for (let day = today; startedAt === null || instantAt(day + 2, 0, timeZone) > startedAt; day--) {
    const before = offRun(schedule, day);
    if (before) { startedAt = Math.max(startedAt ?? -Infinity, instantAt(before[1] + 1, 0, timeZone)); break; }
    if (day < today - LOOKBACK_DAYS) { startedAt = null; break; }
    for (const segment of daySegments(schedule, day, timeZone)) {
      if (segment.end <= now && (startedAt === null || segment.end > startedAt)) startedAt = segment.end;
    }
  }
  // A break is a gap between two of today's own ranges.
  const isBreak = todays.some((s) => s.end <= now) && todays.some((s) => s.start > now);
  return { state: isBreak ? 'break' : 'off', startedAt, endsAt, nextWorkAt };
}

const sitesOf = new WeakMap<Settings, Site[]>();

function covers(exception: Exception, site: Site): boolean {
  const { scope } = exception;
  return scope.type === 'all' || (scope.type === 'category' ? scope.category === site.category : scope.siteId === site.id);
}

/**
 * Decides the state, each site's action and the next change at `now` (epoch ms) in `timeZone`
 * (an IANA name, already resolved from "system"). `runtime.exceptions` are the exceptions on record.
 */
export function decide(settings: Settings, now: number, timeZone: string, runtime: { exceptions?: readonly Exception[] } = {}): Decision {
  const s = scheduleState(compile(settings), now, timeZone);
  const exceptions = runtime.exceptions ?? [];
  const activeExceptions = exceptions.filter((e) => e.startedAt <= now && now < e.endsAt);
  let activeException: Exception | null = null;
  for (const e of activeExceptions) if (!activeException || e.endsAt > activeException.endsAt) activeException = e;

  const changes: number[] = [];
  if (s.endsAt !== null) changes.push(s.endsAt);
  let windDown: Decision['windDown'] = null;
  const windDownAt = s.endsAt === null ? null : s.endsAt - settings.windDownMinutes * MINUTE;
  if (s.state === 'work' && s.endsAt !== null && windDownAt !== null && windDownAt < s.endsAt) {
    if (now >= windDownAt) windDown = { endsAt: s.endsAt };
    else changes.push(windDownAt);
  }
  for (const e of exceptions) {
    if (e.endsAt <= e.startedAt) continue;
    if (e.startedAt > now) changes.push(e.startedAt);
    else if (e.endsAt > now) changes.push(e.endsAt);
  }

  let sites = sitesOf.get(settings);
  if (!sites) sitesOf.set(settings, (sites = enabledSites(settings)));
  const siteActions: Record<string, Action> = {};
  for (const site of sites) {
    const open = s.state === 'work' || activeExceptions.some((e) => covers(e, site));
    siteActions[site.id] = open ? 'allow' : site.action ?? settings.actions[site.category];
  }
  return {
    state: s.state, stateStartedAt: s.startedAt, stateEndsAt: s.endsAt, nextWorkAt: s.nextWorkAt, windDown,
    siteActions, activeExceptions, activeException, nextChangeAt: changes.length > 0 ? Math.min(...changes) : null,
  };
}
