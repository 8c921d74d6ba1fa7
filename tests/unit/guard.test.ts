import { describe, expect, it } from 'vitest';
import { createGuard, type GuardDeps } from '@/entrypoints/background/guard';
import type { HistoryEvent } from '@/utils/history-events';
import type { Response } from '@/utils/messages';
import type { Decision } from '@/utils/policy';
import { defaultSettings, repairSettings } from '@/utils/settings';
import type { Snapshot } from '@/stores/snapshot';
import type { Exception } from '@/utils/types';
import { en } from './english';

const ZONE = 'America/New_York';
// Wednesday 2026-12-02: 20:00 in New York (off hours) and 10:00 (work hours).
const EVENING = Date.parse('2026-12-03T01:00:00Z');
const MORNING = Date.parse('2026-12-02T15:00:00Z');

// A real store answers later: each read and write yields to whatever else is waiting.
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setup(options: { now?: number; raw?: unknown; failing?: string; slow?: boolean; unreadableHistory?: boolean } = {}) {
  const io = options.slow ? pause : async () => {};
  let raw = options.raw;
  let now = options.now ?? EVENING;
  let zone = ZONE;
  let exceptions: Exception[] = [];
  let wrapUps: Record<string, number> = {};
  const snapshots: Snapshot[] = [];
  const decisions: Decision[] = [];
  let ids = 0;
  const announced: Array<string | null> = [];
  const events: HistoryEvent[] = [];
  const deps: GuardDeps = {
    now: () => now,
    systemTimeZone: () => zone,
    readSettings: async () => {
      if (raw === undefined) return { settings: defaultSettings(), notice: null };
      const { settings, errors } = repairSettings(en, raw);
      return { settings, notice: errors.length ? `invalid: ${errors.join('; ')}` : null };
    },
    readExceptions: async (at) => {
      const read = exceptions.filter((e) => e.endsAt > at);
      await io();
      return read;
    },
    writeExceptions: async (list) => {
      await io();
      exceptions = list;
    },
    readWrapUps: async () => {
      const read = wrapUps;
      await io();
      return read;
    },
    writeWrapUps: async (record) => {
      await io();
      wrapUps = record;
    },
    writeSnapshot: async (snapshot) => {
      await io();
      snapshots.push(snapshot);
    },
    newId: () => `e${++ids}`,
    announce: async (notice) => void announced.push(notice),
    record: async (event) => {
      await io();
      events.push(event);
    },
    countExceptions: async (from, to) => {
      await io();
      if (options.unreadableHistory) throw new Error('IndexedDB is gone');
      return events.filter((e) => e.kind === 'exceptionStarted' && e.at >= from && e.at < to).length;
    },
    effects: [
      async (decision) => void decisions.push(decision),
      async () => {
        if (options.failing) throw new Error(options.failing);
      },
    ],
  };
  const guard = createGuard(deps);
  return {
    guard,
    snapshots,
    decisions,
    announced,
    events,
    get exceptions() {
      return exceptions;
    },
    advance: (ms: number) => void (now += ms),
    moveTo: (timeZone: string) => void (zone = timeZone),
    setSettings: (doc: unknown) => void (raw = doc),
  };
}

describe('the guard', () => {
  it('blocks EHRs and dims email after hours with the default settings', async () => {
    const { guard, decisions, snapshots } = setup();
    await guard.refresh();
    expect(decisions.at(-1)?.siteActions).toMatchObject({ simplepractice: 'block', hushmail: 'dim' });
    expect(snapshots.at(-1)).toMatchObject({ timeZone: ZONE, notice: null });
  });

  it('lets everything through in work hours', async () => {
    const { guard, decisions } = setup({ now: MORNING });
    await guard.refresh();
    expect(Object.values(decisions.at(-1)?.siteActions ?? {}).every((a) => a === 'allow')).toBe(true);
  });

  it('keeps guarding with the defaults, and says so, when stored settings were tampered with', async () => {
    const { guard, decisions, snapshots, announced } = setup({
      raw: { format: 'clocked-out/settings', version: 1, week: 'garbage', actions: { ehr: 'nuke' } },
    });
    await guard.refresh();
    expect(decisions.at(-1)?.siteActions.simplepractice).toBe('block');
    expect(snapshots.at(-1)?.notice).toMatch(/week/);
    expect(announced.at(-1)).toMatch(/week/);
  });

  it('applies the other effects and reports the one that failed', async () => {
    const { guard, decisions, snapshots } = setup({ failing: 'rule update rejected' });
    await guard.refresh();
    expect(decisions).toHaveLength(1);
    expect(snapshots.at(-1)?.notice).toContain('rule update rejected');
  });

  it('refreshes when a page guard says it started, so the effects look again at the tabs left unguarded, and changes nothing else', async () => {
    const state = setup();
    await state.guard.refresh();
    expect(await state.guard.handle({ type: 'refresh' })).toEqual({ ok: true });
    expect(state.decisions).toHaveLength(2);
    expect(state.exceptions).toEqual([]);
    expect(state.events).toEqual([]);
  });

  it('folds refreshes asked for while one runs into a single further run', async () => {
    const { guard, decisions } = setup();
    await Promise.all([guard.refresh(), guard.refresh(), guard.refresh()]);
    expect(decisions.length).toBeLessThanOrEqual(2);
  });

  it("leaves this week's count of crisis exceptions and the limit in the snapshot, the new one counted", async () => {
    const state = setup();
    await state.guard.refresh();
    // Wednesday 2 December in New York: the week is Monday 30 November to Monday 7 December.
    const week = { from: Date.parse('2026-11-30T05:00:00Z'), to: Date.parse('2026-12-07T05:00:00Z'), limit: 5 };
    expect(state.snapshots.at(-1)?.crisisWeek).toEqual({ ...week, used: 0 });
    await state.guard.handle({ type: 'startException', scope: { type: 'all' }, minutes: 15 });
    expect(state.snapshots.at(-1)?.crisisWeek).toEqual({ ...week, used: 1 });
    // A wrap-up is no crisis exception; the snapshot holds counts and instants only.
    await state.guard.handle({ type: 'wrapUp', siteId: 'simplepractice' });
    expect(state.snapshots.at(-1)?.crisisWeek).toEqual({ ...week, used: 1 });
    expect(Object.values(state.snapshots.at(-1)?.crisisWeek ?? {}).every((v) => typeof v === 'number')).toBe(true);
  });

  it('leaves the count out when the history cannot be read, and still guards', async () => {
    const state = setup({ unreadableHistory: true });
    expect(await state.guard.handle({ type: 'startException', scope: { type: 'all' }, minutes: 15 })).toEqual({ ok: true });
    expect(state.snapshots.at(-1)).not.toHaveProperty('crisisWeek');
    expect(state.snapshots.at(-1)?.exceptions).toHaveLength(1);
  });

  it('opens one site for the chosen minutes with a crisis exception, and it ends by itself', async () => {
    const state = setup();
    const result = await state.guard.handle({ type: 'startException', scope: { type: 'site', siteId: 'simplepractice' }, minutes: 30 });
    expect(result).toEqual({ ok: true });
    expect(state.exceptions[0]).toMatchObject({ kind: 'crisis', endsAt: EVENING + 30 * 60_000 });
    expect(state.decisions.at(-1)?.siteActions).toMatchObject({ simplepractice: 'allow', therapynotes: 'block' });
    state.advance(30 * 60_000);
    await state.guard.refresh();
    expect(state.decisions.at(-1)?.siteActions.simplepractice).toBe('block');
  });

  it.each([0, -5, 100_000, Number.NaN])('refuses an exception of %s minutes', async (minutes) => {
    const { guard } = setup();
    const result = await guard.handle({ type: 'startException', scope: { type: 'all' }, minutes });
    expect(result.ok).toBe(false);
  });

  it('gives one wrap-up per site per evening', async () => {
    const { guard, decisions } = setup();
    expect(await guard.handle({ type: 'wrapUp', siteId: 'simplepractice' })).toEqual({ ok: true });
    expect(decisions.at(-1)?.siteActions.simplepractice).toBe('allow');
    const again = await guard.handle({ type: 'wrapUp', siteId: 'simplepractice' });
    expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/used/) });
  });

  it('has nothing to wrap up during work hours', async () => {
    const { guard } = setup({ now: MORNING });
    expect((await guard.handle({ type: 'wrapUp', siteId: 'simplepractice' })).ok).toBe(false);
  });

  it('ends an exception early with "End now" and extends one with "Add 15 minutes"', async () => {
    const state = setup();
    await state.guard.handle({ type: 'startException', scope: { type: 'all' }, minutes: 15 });
    const id = state.exceptions[0]?.id ?? '';
    await state.guard.handle({ type: 'extendException', id, minutes: 15 });
    expect(state.exceptions[0]?.endsAt).toBe(EVENING + 30 * 60_000);
    await state.guard.handle({ type: 'endException', id });
    expect(state.exceptions).toEqual([]);
    expect(state.decisions.at(-1)?.siteActions.simplepractice).toBe('block');
  });

  it('follows the computer to a new time zone at its next wake-up', async () => {
    const state = setup();
    await state.guard.refresh();
    expect(state.decisions.at(-1)?.siteActions.simplepractice).toBe('block');
    // The same instant is Thursday 10:00 in Tokyo: a working morning there.
    state.moveTo('Asia/Tokyo');
    await state.guard.refresh();
    expect(state.snapshots.at(-1)?.timeZone).toBe('Asia/Tokyo');
    expect(state.decisions.at(-1)?.siteActions.simplepractice).toBe('allow');
  });
});

describe('requests arriving together', () => {
  const MINUTE = 60_000;
  const site = (siteId: string) => ({ type: 'site' as const, siteId });
  const SCOPES = [{ type: 'all' as const }, { type: 'category' as const, category: 'ehr' as const }, site('simplepractice'), site('hushmail')];

  it('are applied one after another: 20 starts, extends and ends at once lose nothing', async () => {
    const state = setup({ slow: true });
    // Eight running exceptions first: e1–e8, 30 minutes each.
    for (let i = 0; i < 8; i++)
      expect(await state.guard.handle({ type: 'startException', scope: SCOPES[i % 4] ?? { type: 'all' }, minutes: 30 })).toEqual({ ok: true });
    const latest = () => state.snapshots.at(-1)?.exceptions ?? [];
    // Each answers only once a snapshot showing its own change is written.
    const shows = (response: Response, applied: () => boolean) => ({ response, applied: applied() });
    const starts = Array.from(
      { length: 12 },
      (_, i) => () =>
        state.guard
          .handle({ type: 'startException', scope: SCOPES[i % 4] ?? { type: 'all' }, minutes: i + 1 })
          .then((r) => shows(r, () => latest().some((e) => e.endsAt - e.startedAt === (i + 1) * MINUTE))),
    );
    const extends_ = ['e1', 'e2', 'e3', 'e4'].map(
      (id) => () =>
        state.guard
          .handle({ type: 'extendException', id, minutes: 15 })
          .then((r) => shows(r, () => latest().find((e) => e.id === id)?.endsAt === EVENING + 45 * MINUTE)),
    );
    const ends = ['e5', 'e6', 'e7', 'e8'].map(
      (id) => () => state.guard.handle({ type: 'endException', id }).then((r) => shows(r, () => !latest().some((e) => e.id === id))),
    );
    // Interleaved, as pages would send them.
    const order = [...starts.slice(0, 4), ...ends.slice(0, 2), ...extends_, ...starts.slice(4), ...ends.slice(2)];
    const answers = await Promise.all(order.map((send) => send()));
    expect(answers).toEqual(Array.from({ length: 20 }, () => ({ response: { ok: true }, applied: true })));

    const durations = (list: readonly { startedAt: number; endsAt: number }[]) => list.map((e) => (e.endsAt - e.startedAt) / MINUTE).sort((a, b) => a - b);
    expect(state.exceptions).toHaveLength(16);
    expect(durations(state.exceptions)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 45, 45, 45, 45]);
    expect(
      state.exceptions
        .filter((e) => e.endsAt - e.startedAt === 45 * MINUTE)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(state.snapshots.at(-1)?.exceptions).toEqual(state.exceptions);
    // The history has every start and every end once.
    const kinds = (kind: string) => state.events.filter((e) => e.kind === kind);
    expect(
      kinds('exceptionStarted')
        .map((e) => e.minutes)
        .sort((a, b) => a - b),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 30, 30, 30, 30, 30, 30, 30, 30]);
    expect(kinds('exceptionEnded').map((e) => [e.site, e.category])).toEqual([
      [null, null],
      [null, 'ehr'],
      ['simplepractice', 'ehr'],
      ['hushmail', 'email'],
    ]);
    expect(state.events).toHaveLength(24);
  });

  it('give one wrap-up per site even when asked for five times at once', async () => {
    const state = setup({ slow: true });
    const answers = await Promise.all(Array.from({ length: 5 }, () => state.guard.handle({ type: 'wrapUp', siteId: 'simplepractice' })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error)).toEqual(Array(4).fill('The wrap-up for this evening has been used.'));
    expect(state.exceptions.map((e) => e.kind)).toEqual(['wrapUp']);
    expect(state.events.map((e) => e.kind)).toEqual(['wrapUp']);
  });

  it('still fold the refreshes asked for meanwhile into one further run', async () => {
    const state = setup({ slow: true });
    await Promise.all([
      state.guard.handle({ type: 'startException', scope: { type: 'all' }, minutes: 5 }),
      ...Array.from({ length: 5 }, () => state.guard.refresh()),
      state.guard.handle({ type: 'startException', scope: { type: 'all' }, minutes: 10 }),
      ...Array.from({ length: 5 }, () => state.guard.refresh()),
    ]);
    expect(state.exceptions).toHaveLength(2);
    expect(state.snapshots.length).toBeLessThanOrEqual(2);
    expect(state.snapshots.at(-1)?.exceptions).toHaveLength(2);
  });
});

describe('a request its sender may not make', () => {
  it('is refused and changes nothing; the check is given the enabled sites', async () => {
    const state = setup();
    let seen: string[] = [];
    const result = await state.guard.handle({ type: 'startException', scope: { type: 'all' }, minutes: 30 }, (sites) => {
      seen = sites.map((s) => s.id);
      return { ok: false, error: 'A page can only ask for its own site.' };
    });
    expect(result).toEqual({ ok: false, error: 'A page can only ask for its own site.' });
    expect(seen).toContain('simplepractice');
    expect(state.exceptions).toEqual([]);
    expect(state.events).toEqual([]);
    expect(state.snapshots).toEqual([]);
  });

  it('is carried out when the check allows it', async () => {
    const state = setup();
    expect(await state.guard.handle({ type: 'wrapUp', siteId: 'simplepractice' }, () => ({ ok: true }))).toEqual({ ok: true });
    expect(state.exceptions.map((e) => e.kind)).toEqual(['wrapUp']);
  });
});

describe('a spell of foreground use reported by a work page', () => {
  const MIN = 60_000;
  // Wednesday 2026-12-02 in New York: 16:50 and 17:00 (the default hours end at 17:00).
  const BEFORE_END = Date.parse('2026-12-02T21:50:00Z');
  const END = Date.parse('2026-12-02T22:00:00Z');
  const CHART = 'https://secure.simplepractice.com/clients/123/notes?draft=1#top';

  it('is recorded for its part after hours only, under the site id, with no address', async () => {
    const state = setup({ now: END + 30 * MIN });
    expect(await state.guard.handle({ type: 'usage', at: BEFORE_END, minutes: 20 }, () => ({ ok: true }), CHART)).toEqual({ ok: true });
    expect(state.events).toEqual([{ at: END, kind: 'usage', site: 'simplepractice', category: 'ehr', minutes: 10 }]);
    expect(JSON.stringify(state.events)).not.toMatch(/clients|draft|top|https/);
  });

  it('is judged by the hours in force when it is reported, so later hours do not rewrite it', async () => {
    const hours = (end: string) => ({ format: 'clocked-out/settings', version: 1, week: { wed: [['09:00', end]] } });
    const state = setup({ now: END + 30 * MIN, raw: hours('17:00') });
    await state.guard.handle({ type: 'usage', at: END + 5 * MIN, minutes: 10 }, undefined, CHART);
    // Then the clinician works until 19:00 from now on: the same spell now falls in work hours.
    state.setSettings(hours('19:00'));
    await state.guard.handle({ type: 'usage', at: END + 5 * MIN, minutes: 10 }, undefined, CHART);
    expect(state.events.map((e) => e.minutes)).toEqual([10]);
  });

  it('is never said to start later than it could have, and a page that is no work site records nothing', async () => {
    const state = setup({ now: END + 30 * MIN });
    await state.guard.handle({ type: 'usage', at: END + 60 * MIN, minutes: 5 }, undefined, CHART);
    expect(state.events).toEqual([{ at: END + 25 * MIN, kind: 'usage', site: 'simplepractice', category: 'ehr', minutes: 5 }]);
    await state.guard.handle({ type: 'usage', at: END, minutes: 5 }, undefined, 'https://www.example.com/');
    await state.guard.handle({ type: 'usage', at: END, minutes: 5 });
    expect(state.events).toHaveLength(1);
  });
});
