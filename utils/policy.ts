/**
 * The policy engine (docs/ARCHITECTURE.md, "The policy engine"): a pure function of settings, an instant and a time zone that says
 * what state the day is in, what each work site gets, and when any of that next changes.
 */
import { compile, offRun } from './schedule';
import type { Schedule } from './schedule';
import type { Settings } from './settings';
import { enabledSites } from './sites';
import { boundariesAfter, boundariesUntil, stateAt } from './timeline';
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

/** The first boundary after `instant`, through local day `lastDay`, at which work begins. */
function nextWork(schedule: Schedule, instant: number, lastDay: number, timeZone: string): number | null {
  for (const b of boundariesAfter(schedule, instant, lastDay, timeZone)) if (b.after === 'work') return b.at;
  return null;
}

function scheduleState(schedule: Schedule, now: number, timeZone: string): ScheduleState {
  const today = localDay(now, timeZone);
  const run = offRun(schedule, today);
  if (run) {
    const endsAt = instantAt(run[1] + 1, 0, timeZone);
    // Look ahead from the end of the time off, however long it is.
    return {
      state: 'timeOff',
      startedAt: instantAt(run[0], 0, timeZone),
      endsAt,
      nextWorkAt: nextWork(schedule, endsAt - 1, run[1] + LOOKAHEAD_DAYS, timeZone),
    };
  }
  const state = stateAt(schedule, now, timeZone);
  const last = today + LOOKAHEAD_DAYS;
  const ends = boundariesAfter(schedule, now, last, timeZone).next();
  const endsAt = ends.done ? null : ends.value.at;
  const started = boundariesUntil(schedule, now, today - LOOKBACK_DAYS, timeZone).next();
  const startedAt = started.done ? null : started.value.at;
  // During work, the start of the next work interval.
  const nextWorkAt = state !== 'work' ? nextWork(schedule, now, last, timeZone) : endsAt === null ? null : nextWork(schedule, endsAt, last, timeZone);
  return { state, startedAt, endsAt, nextWorkAt };
}

function covers(exception: Exception, site: Site): boolean {
  const { scope } = exception;
  return scope.type === 'all' || (scope.type === 'category' ? scope.category === site.category : scope.siteId === site.id);
}

/** What a site is after hours, with no exception: its own action, else its category's. */
export const closedAction = (settings: Settings, site: Site): Action => site.action ?? settings.actions[site.category];

/**
 * Decides the state, each site's action and the next change at `now` (epoch ms) in `timeZone`
 * (an IANA name, already resolved from "system"). `runtime.exceptions` are the exceptions on record.
 */
export function decide(settings: Settings, now: number, timeZone: string, runtime: { exceptions?: readonly Exception[] } = {}): Decision {
  return decideFor(enabledSites(settings), settings, now, timeZone, runtime);
}

/** `decide` for sites already resolved from `settings` (the page guard's, from the snapshot: it carries no catalogue). */
export function decideFor(
  sites: readonly Site[],
  settings: Settings,
  now: number,
  timeZone: string,
  runtime: { exceptions?: readonly Exception[] } = {},
): Decision {
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

  const siteActions: Record<string, Action> = {};
  for (const site of sites) {
    const open = s.state === 'work' || activeExceptions.some((e) => covers(e, site));
    siteActions[site.id] = open ? 'allow' : closedAction(settings, site);
  }
  return {
    state: s.state,
    stateStartedAt: s.startedAt,
    stateEndsAt: s.endsAt,
    nextWorkAt: s.nextWorkAt,
    windDown,
    siteActions,
    activeExceptions,
    activeException,
    nextChangeAt: changes.length > 0 ? Math.min(...changes) : null,
  };
}
