/**
 * The history store (docs/ARCHITECTURE.md, "History"): after-hours events in IndexedDB, local
 * only, never synced, each cleaned by `cleanEvent` on the way in. The database is opened on first
 * use, never at module load.
 *
 * IndexedDB's own API with two small promise helpers, not a wrapper library: the worker records
 * events at every wake-up, and its budget is 60 kB. Each transaction's requests are made from its
 * request callbacks (a cursor steps on in `onsuccess`), so no transaction waits on anything else.
 */
import { cleanEvent, type EventKind, type HistoryEvent } from '@/utils/history-events';
import { DAY } from '@/utils/zoned-time';

/** How long events are kept by default. */
export const RETENTION_MS = 366 * DAY;

const STORE = 'events';
const BY_TIME = 'at';

const same = (a: HistoryEvent, b: HistoryEvent) =>
  a.at === b.at && a.kind === b.kind && a.site === b.site && a.category === b.category && a.minutes === b.minutes;

/** The result of `request`, once it succeeds. */
const result = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Runs `work` in a transaction over the events; resolves with what it returned once the transaction has committed. */
function transact<T>(database: IDBDatabase, mode: IDBTransactionMode, work: (store: IDBObjectStore) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = database.transaction(STORE, mode);
    const value = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(value);
    tx.onerror = tx.onabort = () => reject(tx.error ?? new DOMException('The history transaction was aborted', 'AbortError'));
  });
}

/** Deletes the events in `range` for which `drop` is true; returns how many (counted as the cursor goes). */
function deleteWhere(store: IDBObjectStore, range: IDBKeyRange, drop: (event: HistoryEvent) => boolean): { count: number } {
  const removed = { count: 0 };
  const cursor = store.index(BY_TIME).openCursor(range);
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (!at) return;
    if (drop(at.value as HistoryEvent)) {
      at.delete();
      removed.count++;
    }
    at.continue();
  };
  return removed;
}

export interface HistoryOptions {
  name?: string;
  now?: () => number;
  retentionMs?: number;
}

/** The history store. Opening it also drops events older than the retention. */
export function createHistory({ name = 'clocked-out-history', now = Date.now, retentionMs = RETENTION_MS }: HistoryOptions = {}) {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(STORE, { autoIncrement: true }).createIndex(BY_TIME, BY_TIME);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }).then(async (database) => {
      await transact(database, 'readwrite', (store) => deleteWhere(store, IDBKeyRange.upperBound(now() - retentionMs, true), () => true));
      return database;
    }));

  return {
    /**
     * Adds an event. An exception's end is kept once: the worker reports an end that came by
     * itself at every wake-up until the exception is dropped. Other events are all kept (two
     * visits in the same millisecond are two visits).
     */
    async record(event: HistoryEvent): Promise<void> {
      const clean = cleanEvent(event);
      await transact(await db(), 'readwrite', (store) => {
        if (clean.kind !== 'exceptionEnded') return void store.add(clean);
        const twins = store.index(BY_TIME).getAll(clean.at);
        twins.onsuccess = () => {
          if (!(twins.result as HistoryEvent[]).some((e) => same(e, clean))) store.add(clean);
        };
      });
    },
    /** Events with `from <= at < to`, oldest first. */
    async between(from: number, to: number): Promise<HistoryEvent[]> {
      if (!(to > from)) return [];
      const database = await db();
      return result(database.transaction(STORE).objectStore(STORE).index(BY_TIME).getAll(IDBKeyRange.bound(from, to, false, true))) as Promise<HistoryEvent[]>;
    },
    /** Removes the events of `kind` with `from <= at < to` (undoing a day off); returns how many. */
    async forget(kind: EventKind, from: number, to: number): Promise<number> {
      const removed = await transact(await db(), 'readwrite', (store) => deleteWhere(store, IDBKeyRange.bound(from, to, false, true), (e) => e.kind === kind));
      return removed.count;
    },
    /** Removes every event. */
    async clear(): Promise<void> {
      await transact(await db(), 'readwrite', (store) => store.clear());
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
