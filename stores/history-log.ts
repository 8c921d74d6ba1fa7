/**
 * The history database's shape and its everyday requests, on IndexedDB's own API
 * (docs/ARCHITECTURE.md, "History"): adding an event, reading a window of them, counting one
 * kind. The worker uses only these (`createHistoryLog`), which spares it `idb`'s 3 kB; the pages
 * open the same database through `idb` (stores/history.ts), with the same version and upgrade,
 * and call these on it too.
 */
import { cleanEvent, type HistoryEvent } from '@/utils/history-events';

export const HISTORY_DB = 'clocked-out-history';
/**
 * The database's version: every context of one build opens it at this one. Version 1 held the
 * events with an index by time; version 2 adds one by kind and time (the foreground-use spells
 * are most of the events; a count of exceptions reads only those).
 */
export const HISTORY_VERSION = 2;
export const EVENTS = 'events';
/** Told of each event added, so an open popup or options page reads the history again (stores/history.ts, `watchHistory`). */
export const HISTORY_CHANNEL = 'clocked-out-history';

/** Brings a database at `oldVersion` (0: new) to `HISTORY_VERSION` in the upgrade's `tx`, step by step, keeping every event. */
export function upgradeHistory(db: IDBDatabase, oldVersion: number, tx: IDBTransaction): void {
  const events = oldVersion < 1 ? db.createObjectStore(EVENTS, { autoIncrement: true }) : tx.objectStore(EVENTS);
  if (oldVersion < 1) events.createIndex('at', 'at');
  if (oldVersion < 2) events.createIndex('kindAt', ['kind', 'at']);
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
  const channel = new BroadcastChannel(HISTORY_CHANNEL);
  channel.postMessage(0);
  channel.close();
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

/** How many events of `kind` have `from <= at < to`. */
export async function countEvents(db: IDBDatabase, kind: HistoryEvent['kind'], from: number, to: number): Promise<number> {
  if (!(to > from)) return 0;
  return settled(
    db
      .transaction(EVENTS)
      .objectStore(EVENTS)
      .index('kindAt')
      .count(IDBKeyRange.bound([kind, from], [kind, to], false, true)),
  );
}

/** The worker's history: opened on first use, never at module load. */
export function createHistoryLog(name = HISTORY_DB) {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () => {
    if (!opened) {
      const request = indexedDB.open(name, HISTORY_VERSION);
      request.onupgradeneeded = (e) => upgradeHistory(request.result, e.oldVersion, request.transaction!);
      opened = settled(request);
    }
    return opened;
  };
  return {
    record: async (event: HistoryEvent) => addEvent(await db(), event),
    between: async (from: number, to: number) => eventsBetween(await db(), from, to),
    count: async (kind: HistoryEvent['kind'], from: number, to: number) => countEvents(await db(), kind, from, to),
  };
}
