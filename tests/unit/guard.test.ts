import { describe, expect, it } from 'vitest';
import { createGuard, type GuardDeps } from '@/entrypoints/background/guard';
import type { Decision } from '@/utils/policy';
import { defaultSettings, repairSettings } from '@/utils/settings';
import type { Snapshot } from '@/utils/snapshot';
import type { Exception } from '@/utils/types';

const ZONE = 'America/New_York';
// Wednesday 2026-12-02: 20:00 in New York (off hours) and 10:00 (work hours).
const EVENING = Date.parse('2026-12-03T01:00:00Z');
const MORNING = Date.parse('2026-12-02T15:00:00Z');

function setup(options: { now?: number; raw?: unknown; failing?: string } = {}) {
  let now = options.now ?? EVENING;
  let zone = ZONE;
  let exceptions: Exception[] = [];
  let wrapUps: Record<string, number> = {};
  const snapshots: Snapshot[] = [];
  const decisions: Decision[] = [];
  let ids = 0;
  const announced: Array<string | null> = [];
  const deps: GuardDeps = {
    now: () => now,
    systemTimeZone: () => zone,
    readSettings: async () => {
      if (options.raw === undefined) return { settings: defaultSettings(), notice: null };
      const { settings, errors } = repairSettings(options.raw);
      return { settings, notice: errors.length ? `invalid: ${errors.join('; ')}` : null };
    },
    readExceptions: async (at) => exceptions.filter((e) => e.endsAt > at),
    writeExceptions: async (list) => void (exceptions = list),
    readWrapUps: async () => wrapUps,
    writeWrapUps: async (record) => void (wrapUps = record),
    writeSnapshot: async (snapshot) => void snapshots.push(snapshot),
    newId: () => `e${++ids}`,
    announce: async (notice) => void announced.push(notice),
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
    get exceptions() { return exceptions; },
    advance: (ms: number) => void (now += ms),
    moveTo: (timeZone: string) => void (zone = timeZone),
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
    const { guard, decisions, snapshots, announced } = setup({ raw: { format: 'clocked-out/settings', version: 1, week: 'garbage', actions: { ehr: 'nuke' } } });
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

  it('folds refreshes asked for while one runs into a single further run', async () => {
    const { guard, decisions } = setup();
    await Promise.all([guard.refresh(), guard.refresh(), guard.refresh()]);
    expect(decisions.length).toBeLessThanOrEqual(2);
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

  it("follows the computer to a new time zone at its next wake-up", async () => {
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
