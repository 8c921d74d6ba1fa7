/**
 * The history of after-hours events (DESIGN.md, "History and balance"): IndexedDB through `idb`,
 * local only, never synced. An event holds a time, a kind, a site id or hostname, a category and a
 * duration — nothing else, and never a path, query, fragment or title (EHR addresses carry client
 * ids). The database is opened on first use, never at module load.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { CATEGORIES, type Category, type Exception, type Site } from './types';
import { DAY, MINUTE } from './zoned-time';

export const EVENT_KINDS = ['exceptionStarted', 'exceptionEnded', 'wrapUp', 'blockedVisit', 'dimmedVisit', 'dayOff'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface HistoryEvent {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly kind: EventKind;
  /** A site id (`simplepractice`, `custom:ehr.example.org`) or a bare hostname; null for "all work sites". */
  readonly site: string | null;
  readonly category: Category | null;
  /** Planned minutes for a start, minutes used for an end, 0 for a visit or a day off. */
  readonly minutes: number;
}

/** How long events are kept by default. */
export const RETENTION_MS = 366 * DAY;

interface HistorySchema extends DBSchema {
  events: { key: number; value: HistoryEvent; indexes: { at: number } };
}

/**
 * A site id or hostname, never more: anything that looks like an address is cut down to its
 * hostname, so a caller's mistake cannot put a path or query on disk.
 */
export function siteKey(site: string | null | undefined): string | null {
  if (!site) return null;
  if (!/[/?#@\s\\]/.test(site)) return site.toLowerCase();
  try {
    return new URL(site.includes('://') ? site : `https://${site}`).hostname || null;
  } catch {
    return null;
  }
}

/** Exactly the fields of an event, checked: extra properties are dropped. */
export function cleanEvent(event: HistoryEvent): HistoryEvent {
  if (!EVENT_KINDS.includes(event.kind)) throw new Error(`not a history event kind: ${String(event.kind)}`);
  if (!Number.isFinite(event.at)) throw new Error('a history event needs a time');
  const minutes = Number.isFinite(event.minutes) && event.minutes > 0 ? Math.round(event.minutes * 100) / 100 : 0;
  const category = event.category && CATEGORIES.includes(event.category) ? event.category : null;
  return { at: event.at, kind: event.kind, site: siteKey(event.site), category, minutes };
}

/** The event for an exception starting or ending: its scope as a site or a category, and minutes. */
export function exceptionEvent(kind: EventKind, exception: Exception, at: number, ms: number, sites: readonly Site[]): HistoryEvent {
  const { scope } = exception;
  const site = scope.type === 'site' ? scope.siteId : null;
  const category = scope.type === 'category' ? scope.category : (sites.find((s) => s.id === site)?.category ?? null);
  return { at, kind, site, category, minutes: Math.max(0, ms) / MINUTE };
}

const same = (a: HistoryEvent, b: HistoryEvent) =>
  a.at === b.at && a.kind === b.kind && a.site === b.site && a.category === b.category && a.minutes === b.minutes;

export interface HistoryOptions {
  name?: string;
  now?: () => number;
  retentionMs?: number;
}

/** The history store. Opening it also drops events older than the retention. */
export function createHistory({ name = 'clocked-out-history', now = Date.now, retentionMs = RETENTION_MS }: HistoryOptions = {}) {
  let opened: Promise<IDBPDatabase<HistorySchema>> | null = null;
  const db = () =>
    (opened ??= openDB<HistorySchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('events', { autoIncrement: true }).createIndex('at', 'at');
      },
    }).then(async (database) => {
      await prune(database);
      return database;
    }));

  async function prune(database: IDBPDatabase<HistorySchema>): Promise<void> {
    const tx = database.transaction('events', 'readwrite');
    let cursor = await tx.store.index('at').openCursor(IDBKeyRange.upperBound(now() - retentionMs, true));
    while (cursor) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  }

  return {
    /**
     * Adds an event. An exception's end is kept once: the worker reports an end that came by
     * itself at every wake-up until the exception is dropped. Other events are all kept (two
     * visits in the same millisecond are two visits).
     */
    async record(event: HistoryEvent): Promise<void> {
      const clean = cleanEvent(event);
      const tx = (await db()).transaction('events', 'readwrite');
      const twins = clean.kind === 'exceptionEnded' ? await tx.store.index('at').getAll(clean.at) : [];
      if (!twins.some((e) => same(e, clean))) await tx.store.add(clean);
      await tx.done;
    },
    /** Events with `from <= at < to`, oldest first. */
    async between(from: number, to: number): Promise<HistoryEvent[]> {
      if (!(to > from)) return [];
      return (await db()).getAllFromIndex('events', 'at', IDBKeyRange.bound(from, to, false, true));
    },
    /** Removes the events of `kind` with `from <= at < to` (undoing a day off); returns how many. */
    async forget(kind: EventKind, from: number, to: number): Promise<number> {
      const tx = (await db()).transaction('events', 'readwrite');
      let removed = 0;
      let cursor = await tx.store.index('at').openCursor(IDBKeyRange.bound(from, to, false, true));
      while (cursor) {
        if (cursor.value.kind === kind) {
          await cursor.delete();
          removed++;
        }
        cursor = await cursor.continue();
      }
      await tx.done;
      return removed;
    },
    /** Removes every event. */
    async clear(): Promise<void> {
      await (await db()).clear('events');
    },
    /** Closes the connection (tests, or before deleting the database). */
    async close(): Promise<void> {
      if (opened) (await opened).close();
      opened = null;
    },
  };
}

export type History = ReturnType<typeof createHistory>;

/** The extension's history; nothing is opened until it is first used. */
export const history: History = createHistory();
