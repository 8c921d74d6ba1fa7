/**
 * The history database's shape and its two everyday requests, on IndexedDB's own API
 * (docs/ARCHITECTURE.md, "History"): adding an event and reading a window of them. The worker
 * uses only these (`createHistoryLog`), which spares it `idb`'s 3 kB; the pages open the same
 * database through `idb` (stores/history.ts), with the same version and upgrade, and call these
 * two on it too.
 */
import { cleanEvent, type HistoryEvent } from '@/utils/history-events';

export const HISTORY_DB = 'clocked-out-history';
/** The database's version: every context of one build opens it at this one. */
export const HISTORY_VERSION = 1;
export const EVENTS = 'events';

/** Brings a database at `oldVersion` (0: new) to `HISTORY_VERSION`, step by step. */
export function upgradeHistory(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) db.createObjectStore(EVENTS, { autoIncrement: true }).createIndex('at', 'at');
}

const settled = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

const same = (a: HistoryEvent, b: HistoryEvent) =>
  a.at === b.at && a.kind === b.kind && a.site === b.site && a.category === b.category && a.minutes === b.minutes;

/**
 * Adds an event, cleaned. An exception's end is kept once: the worker reports an end that came by
 * itself at every wake-up until the exception is dropped. Other events are all kept (two visits
 * in the same millisecond are two visits).
 */
export async function addEvent(db: IDBDatabase, event: HistoryEvent): Promise<void> {
  const clean = cleanEvent(event);
  const tx = db.transaction(EVENTS, 'readwrite');
  const store = tx.objectStore(EVENTS);
  const twins: HistoryEvent[] = clean.kind === 'exceptionEnded' ? await settled(store.index('at').getAll(clean.at)) : [];
  if (!twins.some((e) => same(e, clean))) store.add(clean);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

/** Events with `from <= at < to`, oldest first. */
export async function eventsBetween(db: IDBDatabase, from: number, to: number): Promise<HistoryEvent[]> {
  if (!(to > from)) return [];
  return settled(
    db
      .transaction(EVENTS)
      .objectStore(EVENTS)
      .index('at')
      .getAll(IDBKeyRange.bound(from, to, false, true)),
  );
}

/** The worker's history: opened on first use, never at module load. */
export function createHistoryLog(name = HISTORY_DB) {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () => {
    if (!opened) {
      const request = indexedDB.open(name, HISTORY_VERSION);
      request.onupgradeneeded = (e) => upgradeHistory(request.result, e.oldVersion);
      opened = settled(request);
    }
    return opened;
  };
  return {
    record: async (event: HistoryEvent) => addEvent(await db(), event),
    between: async (from: number, to: number) => eventsBetween(await db(), from, to),
  };
}
