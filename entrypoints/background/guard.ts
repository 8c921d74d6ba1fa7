/**
 * The guard: reads settings and exceptions, asks the pure engine what each site gets now, and
 * hands the result to the effects (rules, styles, badge, alarm, wind-down notice). Every effect is
 * a dependency so tests can pass their own.
 */
import { t } from '@/stores/i18n';
import type { CrisisWeek } from '@/utils/crisis';
import { exceptionEvent, type EventKind, type HistoryEvent } from '@/utils/history-events';
import { weekBounds } from '@/utils/ledger';
import { decide, type Decision } from '@/utils/policy';
import { MAX_MINUTES, type Request, type Response } from '@/utils/messages';
import type { Settings } from '@/utils/settings';
import { enabledSites, matchSite } from '@/utils/sites';
import { afterHours } from '@/utils/usage';
import type { Snapshot } from '@/stores/snapshot';
import type { Exception, Site } from '@/utils/types';
import { MINUTE, resolveTimeZone } from '@/utils/zoned-time';

export interface GuardDeps {
  now(): number;
  systemTimeZone(): string;
  readSettings(): Promise<{ settings: Settings; notice: string | null }>;
  readExceptions(now: number): Promise<Exception[]>;
  writeExceptions(list: Exception[]): Promise<void>;
  readWrapUps(): Promise<Record<string, number>>;
  writeWrapUps(record: Record<string, number>): Promise<void>;
  writeSnapshot(snapshot: Snapshot): Promise<void>;
  /** Each effect applies the decision; a failure is reported, never fatal to the others. */
  effects: ReadonlyArray<(decision: Decision, sites: readonly Site[], context: { now: number; timeZone: string; settings: Settings }) => Promise<void>>;
  newId(): string;
  /** Shows (or clears) a problem the user must see: the guard is never off silently. */
  announce(notice: string | null): Promise<void>;
  /** Adds an event to the history (exceptions and wrap-ups starting and ending); never fatal. */
  record?(event: HistoryEvent): Promise<void>;
  /** How many crisis exceptions the history holds as started in `[from, to)`; never fatal. */
  countExceptions?(from: number, to: number): Promise<number>;
}

export function createGuard(deps: GuardDeps) {
  // One queue for everything that reads and writes the exceptions, the wrap-ups and the snapshot:
  // a change never overwrites another, and a refresh never writes a snapshot older than a change.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
  // A refresh queued and not yet started: later calls fold into it.
  let pending: Promise<void> | null = null;
  // The sites of the last refresh, to file a one-site exception under its category.
  let knownSites: readonly Site[] | null = null;
  // Called before the snapshot showing the change is written, so that a page reading the history
  // again when the snapshot changes finds the event there.
  const note = async (kind: EventKind, exception: Exception, at: number, ms: number) => {
    if (!deps.record) return;
    try {
      const sites = knownSites ?? enabledSites((await deps.readSettings()).settings);
      await deps.record(exceptionEvent(kind, exception, at, ms, sites));
    } catch {
      // The history is a record, not the guard: failing to write it changes nothing else.
    }
  };

  async function refreshOnce(): Promise<void> {
    const now = deps.now();
    const { settings, notice: settingsNotice } = await deps.readSettings();
    const exceptions = await deps.readExceptions(now);
    const wrapUps = await deps.readWrapUps();
    const timeZone = resolveTimeZone(settings.timeZone, deps.systemTimeZone());
    const decision = decide(settings, now, timeZone, { exceptions });
    const sites = enabledSites(settings);
    knownSites = sites;
    const failures: string[] = [];
    await Promise.all(
      deps.effects.map((apply) =>
        apply(decision, sites, { now, timeZone, settings }).catch((error: unknown) => {
          failures.push(error instanceof Error ? error.message : String(error));
        }),
      ),
    );
    const notice = [settingsNotice, ...failures.map((f) => t('notApplied', f))].filter(Boolean).join(' ') || null;
    if (notice) await deps.announce(notice).catch(() => undefined);
    // One that ran out stays on record until the next change, so its end is reported at each
    // wake-up until then; the history keeps it once.
    if (deps.record) for (const e of await deps.readExceptions(0)) if (e.endsAt <= now) await note('exceptionEnded', e, e.endsAt, e.endsAt - e.startedAt);
    await deps.writeSnapshot({ settings, exceptions, timeZone, wrapUps, notice, sites, ...(await crisisWeek(now, timeZone, settings)) });
  }

  /** This week's count of crisis exceptions and the limit, for every page and page guard to warn with; left out when unreadable. */
  async function crisisWeek(now: number, timeZone: string, settings: Settings): Promise<{ crisisWeek?: CrisisWeek }> {
    if (!deps.countExceptions) return {};
    const { from, to } = weekBounds(now, timeZone);
    try {
      return { crisisWeek: { from, to, used: await deps.countExceptions(from, to), limit: settings.exceptions.weeklyLimit } };
    } catch {
      return {};
    }
  }

  /**
   * Recomputes and applies everything, after the changes queued before it. Calls made while one
   * runs are folded into one more run.
   */
  function refresh(): Promise<void> {
    if (pending) return pending;
    const run = serial(async () => {
      pending = null;
      await refreshOnce();
    });
    pending = run;
    return run;
  }

  /** Applies one change in the queue, then answers once a snapshot showing it is written. */
  async function change(apply: () => Promise<Response>): Promise<Response> {
    const response = await serial(apply);
    if (response.ok) await refresh();
    return response;
  }

  const addException = async (exception: Exception): Promise<void> => {
    const list = await deps.readExceptions(deps.now());
    await deps.writeExceptions([...list, exception]);
  };

  /**
   * Carries out a request. `permitted`, when given, is asked first with the enabled sites whether
   * its sender may make it (see utils/request-policy.ts); a refusal changes nothing.
   */
  async function handle(request: Request, permitted?: (sites: readonly Site[]) => Response, senderUrl?: string): Promise<Response> {
    if (permitted) {
      const verdict = permitted(enabledSites((await deps.readSettings()).settings));
      if (!verdict.ok) return verdict;
    }
    switch (request.type) {
      case 'usage':
        // A spell of foreground use from a work page (docs/ARCHITECTURE.md, "History"), in the
        // queue so that it is judged by the settings in force when it is reported: the part
        // outside the work time of those settings is recorded, under the sender's site id (never
        // its address), never said to start later than it could have. A later change of hours
        // does not rewrite it.
        return serial(async () => {
          if (!deps.record) return { ok: true };
          const now = deps.now();
          const { settings } = await deps.readSettings();
          const site = matchSite(senderUrl ?? '', enabledSites(settings));
          if (!site) return { ok: true };
          const start = Math.min(request.at, now - request.minutes * MINUTE);
          const timeZone = resolveTimeZone(settings.timeZone, deps.systemTimeZone());
          const spell = { site: site.id, category: site.category, start, end: start + request.minutes * MINUTE };
          try {
            for (const part of afterHours([spell], settings, timeZone)) {
              await deps.record({ at: part.start, kind: 'usage', site: site.id, category: site.category, minutes: (part.end - part.start) / MINUTE });
            }
          } catch {
            // The history is a record, not the guard.
          }
          return { ok: true };
        });
      case 'startException': {
        const minutes = request.minutes;
        if (!(minutes > 0 && minutes <= MAX_MINUTES)) return { ok: false, error: t('eLasts') };
        return change(async () => {
          const now = deps.now();
          const exception: Exception = { id: deps.newId(), kind: 'crisis', scope: request.scope, startedAt: now, endsAt: now + minutes * MINUTE };
          await note('exceptionStarted', exception, now, minutes * MINUTE);
          await addException(exception);
          return { ok: true };
        });
      }
      case 'wrapUp':
        return change(async () => {
          const now = deps.now();
          const { settings } = await deps.readSettings();
          const timeZone = resolveTimeZone(settings.timeZone, deps.systemTimeZone());
          const decision = decide(settings, now, timeZone, { exceptions: await deps.readExceptions(now) });
          if (decision.state === 'work') return { ok: false, error: t('eClockedIn') };
          const boundary = decision.stateStartedAt ?? 0;
          const wrapUps = await deps.readWrapUps();
          if (wrapUps[request.siteId] === boundary) return { ok: false, error: t('eWrapUsed') };
          await deps.writeWrapUps({ ...wrapUps, [request.siteId]: boundary });
          const minutes = settings.exceptions.wrapUpMinutes;
          const exception: Exception = {
            id: deps.newId(),
            kind: 'wrapUp',
            scope: { type: 'site', siteId: request.siteId },
            startedAt: now,
            endsAt: now + minutes * MINUTE,
          };
          await note('wrapUp', exception, now, minutes * MINUTE);
          await addException(exception);
          return { ok: true };
        });
      case 'endException':
        return change(async () => {
          const now = deps.now();
          const list = await deps.readExceptions(now);
          for (const e of list) if (!request.id || e.id === request.id) await note('exceptionEnded', e, now, now - e.startedAt);
          await deps.writeExceptions(request.id ? list.filter((e) => e.id !== request.id) : []);
          return { ok: true };
        });
      case 'refresh':
        // A tab the last re-guard could not cover may be among them, or a site has just opened:
        // the effects check again (the rules open it before the blocked page goes back to it).
        await refresh();
        return { ok: true };
      case 'extendException': {
        const { id, minutes } = request;
        if (!(minutes > 0 && minutes <= MAX_MINUTES)) return { ok: false, error: t('eExtend') };
        return change(async () => {
          const list = await deps.readExceptions(deps.now());
          if (!list.some((e) => e.id === id)) return { ok: false, error: t('eEnded') };
          await deps.writeExceptions(list.map((e) => (e.id === id ? { ...e, endsAt: e.endsAt + minutes * MINUTE } : e)));
          return { ok: true };
        });
      }
    }
  }

  return { refresh, handle };
}

export type Guard = ReturnType<typeof createGuard>;
