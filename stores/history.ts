/**
 * The history store (docs/ARCHITECTURE.md, "History"): after-hours events in IndexedDB through
 * `idb`, local only, never synced, each cleaned by `cleanEvent` on the way in. The database is
 * opened on first use, never at module load.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { cleanEvent, type EventKind, type HistoryEvent } from '@/utils/history-events';
import { DAY } from '@/utils/zoned-time';

/** Told of each event added, so an open popup or options page reads the history again (`watchHistory`). */
const CHANNEL = 'clocked-out-history';

/** Calls `changed` whenever any page or the worker adds an event, until the returned function is called. */
export function watchHistory(changed: () => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = changed;
  return () => channel.close();
}

/** How long events are kept by default. */
export const RETENTION_MS = 366 * DAY;

interface HistorySchema extends DBSchema {
  events: { key: number; value: HistoryEvent; indexes: { at: number; kindAt: [EventKind, number] } };
}

/**
 * Version 1 held the events with an index by time. Version 2 adds one by kind and time (the
 * foreground-use spells are most of the events; a count of exceptions reads only those); its
 * upgrade keeps every event.
 */
export const HISTORY_VERSION = 2;

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
    (opened ??= openDB<HistorySchema>(name, HISTORY_VERSION, {
      upgrade(database, from, _to, tx) {
        const events = from < 1 ? database.createObjectStore('events', { autoIncrement: true }) : tx.objectStore('events');
        if (from < 1) events.createIndex('at', 'at');
        if (from < 2) events.createIndex('kindAt', ['kind', 'at']);
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
      const channel = new BroadcastChannel(CHANNEL);
      channel.postMessage(0);
      channel.close();
    },
    /** Events with `from <= at < to`, oldest first. */
    async between(from: number, to: number): Promise<HistoryEvent[]> {
      if (!(to > from)) return [];
      return (await db()).getAllFromIndex('events', 'at', IDBKeyRange.bound(from, to, false, true));
    },
    /** How many events of `kind` have `from <= at < to`. */
    async count(kind: EventKind, from: number, to: number): Promise<number> {
      if (!(to > from)) return 0;
      return (await db()).countFromIndex('events', 'kindAt', IDBKeyRange.bound([kind, from], [kind, to], false, true));
    },
    /** Removes the events of `kind` with `from <= at < to` (undoing a day off); returns how many. */
    async forget(kind: EventKind, from: number, to: number): Promise<number> {
      const tx = (await db()).transaction('events', 'readwrite');
      let removed = 0;
      let cursor = await tx.store.index('kindAt').openCursor(IDBKeyRange.bound([kind, from], [kind, to], false, true));
      while (cursor) {
        await cursor.delete();
        removed++;
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
