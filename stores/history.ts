/**
 * The history store (docs/ARCHITECTURE.md, "History"): after-hours events in IndexedDB through
 * `idb`, local only, never synced, each cleaned by `cleanEvent` on the way in. The database is
 * opened on first use, never at module load. Its shape, and adding and reading events, are in
 * stores/history-log.ts, which the worker uses alone.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { EventKind, HistoryEvent } from '@/utils/history-events';
import { DAY } from '@/utils/zoned-time';
import { addEvent, countEvents, eventsBetween, HISTORY_CHANNEL, HISTORY_DB, HISTORY_VERSION, upgradeHistory } from './history-log';

/** Calls `changed` whenever any page or the worker adds an event, until the returned function is called. */
export function watchHistory(changed: () => void): () => void {
  const channel = new BroadcastChannel(HISTORY_CHANNEL);
  channel.onmessage = changed;
  return () => channel.close();
}

/** How long events are kept by default. */
export const RETENTION_MS = 366 * DAY;

interface HistorySchema extends DBSchema {
  events: { key: number; value: HistoryEvent; indexes: { at: number; kindAt: [EventKind, number] } };
}

export interface HistoryOptions {
  name?: string;
  now?: () => number;
  retentionMs?: number;
}

/** The history store. Opening it also drops events older than the retention. */
export function createHistory({ name = HISTORY_DB, now = Date.now, retentionMs = RETENTION_MS }: HistoryOptions = {}) {
  let opened: Promise<IDBPDatabase<HistorySchema>> | null = null;
  const db = () =>
    (opened ??= openDB<HistorySchema>(name, HISTORY_VERSION, {
      upgrade: (database, oldVersion, _newVersion, tx) => upgradeHistory(unwrap(database), oldVersion, unwrap(tx)),
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
    /** Adds an event (`addEvent`). */
    record: async (event: HistoryEvent): Promise<void> => addEvent(unwrap(await db()), event),
    /** Events with `from <= at < to`, oldest first. */
    between: async (from: number, to: number): Promise<HistoryEvent[]> => eventsBetween(unwrap(await db()), from, to),
    /** How many events of `kind` have `from <= at < to`. */
    count: async (kind: EventKind, from: number, to: number): Promise<number> => countEvents(unwrap(await db()), kind, from, to),
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
