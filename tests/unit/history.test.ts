import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGuard } from '../../entrypoints/background/guard';
import { createHistory, watchHistory, type History } from '../../stores/history';
import { createHistoryLog, HISTORY_VERSION } from '../../stores/history-log';
import { cleanEvent, exceptionEvent, siteKey, type HistoryEvent } from '../../utils/history-events';
import { defaultSettings } from '../../utils/settings';
import type { Exception, Site } from '../../utils/types';
import { DAY, MINUTE } from '../../utils/zoned-time';

const NOW = Date.parse('2026-05-20T19:00:00Z');
const event = (over: Partial<HistoryEvent> = {}): HistoryEvent => ({
  at: NOW,
  kind: 'exceptionStarted',
  site: 'simplepractice',
  category: 'ehr',
  minutes: 30,
  ...over,
});

let open: History[] = [];
let dbs = 0;
function store(now = () => NOW) {
  const h = createHistory({ name: `history-test-${++dbs}`, now });
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.map((h) => h.close()));
  open = [];
});

describe('the history store', () => {
  it('keeps events and returns those in a window, oldest first', async () => {
    const h = store();
    await h.record(event({ at: NOW - 2 * MINUTE }));
    await h.record(event({ at: NOW - 10 * MINUTE, kind: 'blockedVisit', minutes: 0 }));
    await h.record(event({ at: NOW + MINUTE }));
    expect((await h.between(NOW - DAY, NOW)).map((e) => e.kind)).toEqual(['blockedVisit', 'exceptionStarted']);
  });

  it('keeps an end reported at every wake-up once, and every other event as often as it happened', async () => {
    const h = store();
    const ended = event({ kind: 'exceptionEnded', minutes: 30 });
    await h.record(ended);
    await h.record({ ...ended });
    await h.record({ ...ended, minutes: 31 });
    await h.record(event({ kind: 'blockedVisit', minutes: 0 }));
    await h.record(event({ kind: 'blockedVisit', minutes: 0 }));
    expect((await h.between(0, NOW + 1)).map((e) => e.kind)).toEqual(['exceptionEnded', 'exceptionEnded', 'blockedVisit', 'blockedVisit']);
  });

  it('never stores a path, query, fragment or title, nor any field beyond the five', async () => {
    const h = store();
    const sneaky = {
      ...event({ site: 'https://secure.simplepractice.com/clients/4f1e2d/notes?tab=1#draft' }),
      title: 'Jane Doe — progress note',
      url: 'https://x/y',
    };
    await h.record(sneaky);
    const [stored] = await h.between(0, NOW + 1);
    expect(stored).toEqual({ at: NOW, kind: 'exceptionStarted', site: 'secure.simplepractice.com', category: 'ehr', minutes: 30 });
    expect(JSON.stringify(stored)).not.toMatch(/clients|tab=|draft|Jane/);
  });

  it('drops events older than a year when it is opened', async () => {
    const name = `history-test-${++dbs}`;
    const first = createHistory({ name, now: () => NOW });
    await first.record(event({ at: NOW - 400 * DAY }));
    await first.record(event({ at: NOW - 300 * DAY }));
    await first.close();
    const later = createHistory({ name, now: () => NOW });
    open.push(later);
    expect((await later.between(0, NOW + 1)).map((e) => e.at)).toEqual([NOW - 300 * DAY]);
  });

  it('forgets the events of one kind in a window (undoing a day off), and clears everything', async () => {
    const h = store();
    await h.record(event({ kind: 'dayOff', minutes: 0 }));
    await h.record(event({ kind: 'dayOff', minutes: 0, at: NOW - 3 * DAY }));
    await h.record(event());
    expect(await h.forget('dayOff', NOW - DAY, NOW + DAY)).toBe(1);
    expect((await h.between(0, NOW + 1)).map((e) => e.kind).sort()).toEqual(['dayOff', 'exceptionStarted']);
    await h.clear();
    expect(await h.between(0, NOW + 1)).toEqual([]);
  });
});

describe('the history database', () => {
  it('upgrades a version 1 database to version 2 keeping every event, then counts by kind', async () => {
    const name = `history-test-${++dbs}`;
    // The version 1 schema exactly as it was created: an auto-numbered store with an index by time.
    const v1 = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('events', { autoIncrement: true }).createIndex('at', 'at');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const old: HistoryEvent[] = [
      event({ at: NOW - 3 * DAY }),
      event({ at: NOW - 3 * DAY + 12 * MINUTE, kind: 'exceptionEnded', minutes: 12 }),
      event({ at: NOW - 2 * DAY, kind: 'blockedVisit', minutes: 0 }),
      event({ at: NOW - DAY, kind: 'dayOff', site: null, category: null, minutes: 0 }),
      event({ at: NOW - DAY }),
    ];
    await new Promise<void>((resolve, reject) => {
      const tx = v1.transaction('events', 'readwrite');
      for (const e of old) tx.objectStore('events').add(e);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    v1.close();
    const h = createHistory({ name, now: () => NOW });
    open.push(h);
    expect(await h.between(0, NOW + 1)).toEqual(old);
    expect(await h.count('exceptionStarted', NOW - 7 * DAY, NOW)).toBe(2);
    expect(await h.count('exceptionStarted', NOW - 2 * DAY, NOW)).toBe(1);
    await h.record(event({ at: NOW - MINUTE, kind: 'usage', minutes: 4 }));
    expect(await h.forget('dayOff', NOW - 2 * DAY, NOW)).toBe(1);
    expect((await h.between(0, NOW + 1)).map((e) => e.kind)).toEqual(['exceptionStarted', 'exceptionEnded', 'blockedVisit', 'exceptionStarted', 'usage']);
    await h.close();
    const version = await new Promise<number>((resolve) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => {
        resolve(request.result.version);
        request.result.close();
      };
    });
    expect(version).toBe(HISTORY_VERSION);
    expect(HISTORY_VERSION).toBe(2);
  });

  it('tells every open page when an event is added, so a popup reads the history again', async () => {
    const h = store();
    let told = 0;
    const unwatch = watchHistory(() => told++);
    await h.record(event({ kind: 'usage', minutes: 1 }));
    await vi.waitFor(() => expect(told).toBe(1));
    unwatch();
    let later = 0;
    const unwatchLater = watchHistory(() => later++);
    await h.record(event({ kind: 'usage', minutes: 2 }));
    await vi.waitFor(() => expect(later).toBe(1));
    unwatchLater();
    expect(told).toBe(1);
  });
});

describe("the worker's history log (IndexedDB's own API, without idb)", () => {
  it('writes and reads the same database as the pages, whichever opens it first', async () => {
    const name = `history-test-${++dbs}`;
    const log = createHistoryLog(name);
    await log.record(event({ at: NOW - MINUTE }));
    const pages = createHistory({ name, now: () => NOW });
    open.push(pages);
    await pages.record(event({ kind: 'blockedVisit', minutes: 0 }));
    expect((await log.between(0, NOW + 1)).map((e) => e.kind)).toEqual(['exceptionStarted', 'blockedVisit']);
    expect((await pages.between(0, NOW + 1)).map((e) => e.kind)).toEqual(['exceptionStarted', 'blockedVisit']);
    expect(await log.between(NOW, NOW)).toEqual([]);
  });

  it('keeps an end reported at every wake-up once, and cleans what it is given', async () => {
    const log = createHistoryLog(`history-test-${++dbs}`);
    const ended = event({ kind: 'exceptionEnded', site: 'https://secure.simplepractice.com/clients/9?x=1' });
    await log.record(ended);
    await log.record({ ...ended });
    expect(await log.between(0, NOW + 1)).toEqual([{ at: NOW, kind: 'exceptionEnded', site: 'secure.simplepractice.com', category: 'ehr', minutes: 30 }]);
  });

  it.each([
    ["the pages' store", () => createHistory({ name: 'never-opened' })],
    ["the worker's log", () => createHistoryLog('never-opened')],
  ])('%s opens nothing until it is first used', (_, create) => {
    // A store created in Node at build time (WXT imports entrypoints) must not touch IndexedDB.
    const original = globalThis.indexedDB;
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get: () => {
        throw new Error('opened');
      },
    });
    try {
      expect(create).not.toThrow();
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { configurable: true, writable: true, value: original });
    }
  });
});

describe('events', () => {
  it.each([
    ['simplepractice', 'simplepractice'],
    ['custom:ehr.example-clinic.org', 'custom:ehr.example-clinic.org'],
    ['Secure.SimplePractice.com', 'secure.simplepractice.com'],
    ['secure.simplepractice.com/clients/123', 'secure.simplepractice.com'],
    ['https://acme.janeapp.com/admin#/patients/9', 'acme.janeapp.com'],
    ['', null],
    [null, null],
  ])('keeps %s as %s', (site, key) => {
    expect(siteKey(site)).toBe(key);
  });

  it('refuses a kind it does not know and repairs odd minutes and categories', () => {
    expect(() => cleanEvent(event({ kind: 'visit' as HistoryEvent['kind'] }))).toThrow(/kind/);
    expect(cleanEvent(event({ minutes: Number.NaN, category: 'gossip' as HistoryEvent['category'] }))).toMatchObject({ minutes: 0, category: null });
  });

  it('describes an exception by its scope: one site with its category, a category, or all sites', () => {
    const sites: Site[] = [{ id: 'simplepractice', name: 'SimplePractice', category: 'ehr', hosts: ['secure.simplepractice.com'] }];
    const base: Omit<Exception, 'scope'> = { id: 'x', kind: 'crisis', startedAt: NOW, endsAt: NOW + 30 * MINUTE };
    expect(exceptionEvent('exceptionStarted', { ...base, scope: { type: 'site', siteId: 'simplepractice' } }, NOW, 30 * MINUTE, sites)).toEqual({
      at: NOW,
      kind: 'exceptionStarted',
      site: 'simplepractice',
      category: 'ehr',
      minutes: 30,
    });
    expect(exceptionEvent('exceptionEnded', { ...base, scope: { type: 'category', category: 'email' } }, NOW, 90_000, sites)).toEqual({
      at: NOW,
      kind: 'exceptionEnded',
      site: null,
      category: 'email',
      minutes: 1.5,
    });
    expect(exceptionEvent('exceptionStarted', { ...base, scope: { type: 'all' } }, NOW, 15 * MINUTE, sites)).toMatchObject({ site: null, category: null });
  });
});

describe('the guard records exceptions in the history', () => {
  const EVENING = Date.parse('2026-12-03T01:00:00Z'); // Wednesday 20:00 in New York: off hours.

  async function setup() {
    let now = EVENING;
    let exceptions: Exception[] = [];
    let ids = 0;
    const seen: Array<[number, string[]]> = [];
    const h = store(() => now);
    const guard = createGuard({
      now: () => now,
      systemTimeZone: () => 'America/New_York',
      readSettings: async () => ({ settings: defaultSettings(), notice: null }),
      readExceptions: async (at) => exceptions.filter((e) => e.endsAt > at),
      writeExceptions: async (list) => void (exceptions = list),
      readWrapUps: async () => ({}),
      writeWrapUps: async () => undefined,
      // What a page that reads the history again on each new snapshot would find.
      writeSnapshot: async (snapshot) => void seen.push([snapshot.exceptions.length, (await h.between(0, Infinity)).map((e) => e.kind)]),
      announce: async () => undefined,
      newId: () => `e${++ids}`,
      effects: [],
      record: (e) => h.record(e),
    });
    await guard.refresh();
    const kinds = async () => (await h.between(0, Infinity)).map((e) => [e.kind, e.site, e.category, e.minutes]);
    return { guard, h, kinds, seen, advance: (ms: number) => void (now += ms) };
  }

  it('records a start with its planned minutes and an early end with the minutes used', async () => {
    const { guard, kinds, advance } = await setup();
    await guard.handle({ type: 'startException', scope: { type: 'site', siteId: 'simplepractice' }, minutes: 30 });
    advance(12 * MINUTE);
    await guard.handle({ type: 'endException', id: 'e1' });
    expect(await kinds()).toEqual([
      ['exceptionStarted', 'simplepractice', 'ehr', 30],
      ['exceptionEnded', 'simplepractice', 'ehr', 12],
    ]);
  });

  it('records an end that came by itself once, however often the worker wakes after it, extensions included', async () => {
    const { guard, kinds, advance } = await setup();
    await guard.handle({ type: 'startException', scope: { type: 'category', category: 'email' }, minutes: 15 });
    await guard.handle({ type: 'extendException', id: 'e1', minutes: 15 });
    advance(31 * MINUTE);
    await guard.refresh();
    await guard.refresh();
    advance(60 * MINUTE);
    await guard.refresh();
    expect(await kinds()).toEqual([
      ['exceptionStarted', null, 'email', 15],
      ['exceptionEnded', null, 'email', 30],
    ]);
  });

  it('records each change before writing the snapshot that shows it', async () => {
    const { guard, seen, advance } = await setup();
    await guard.handle({ type: 'startException', scope: { type: 'all' }, minutes: 15 });
    expect(seen.at(-1)).toEqual([1, ['exceptionStarted']]);
    await guard.handle({ type: 'endException', id: 'e1' });
    expect(seen.at(-1)).toEqual([0, ['exceptionStarted', 'exceptionEnded']]);
    await guard.handle({ type: 'startException', scope: { type: 'all' }, minutes: 15 });
    advance(15 * MINUTE);
    await guard.refresh();
    expect(seen.at(-1)).toEqual([0, ['exceptionStarted', 'exceptionEnded', 'exceptionStarted', 'exceptionEnded']]);
  });

  it('files a one-site exception under its category even before the first refresh', async () => {
    const h = store();
    const guard = createGuard({
      now: () => EVENING,
      systemTimeZone: () => 'America/New_York',
      readSettings: async () => ({ settings: defaultSettings(), notice: null }),
      readExceptions: async () => [],
      writeExceptions: async () => undefined,
      readWrapUps: async () => ({}),
      writeWrapUps: async () => undefined,
      writeSnapshot: async () => undefined,
      announce: async () => undefined,
      newId: () => 'x',
      effects: [],
      record: (e) => h.record(e),
    });
    await guard.handle({ type: 'startException', scope: { type: 'site', siteId: 'hushmail' }, minutes: 15 });
    expect((await h.between(0, Infinity))[0]).toMatchObject({ site: 'hushmail', category: 'email' });
  });

  it('records a wrap-up, and keeps guarding when the history cannot be written', async () => {
    const { guard, h, kinds } = await setup();
    await guard.handle({ type: 'wrapUp', siteId: 'hushmail' });
    expect(await kinds()).toEqual([['wrapUp', 'hushmail', 'email', 5]]);
    await h.close();
    h.record = async () => {
      throw new Error('disk full');
    };
    expect(await guard.handle({ type: 'startException', scope: { type: 'all' }, minutes: 15 })).toEqual({ ok: true });
  });
});
