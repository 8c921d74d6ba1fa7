// Re-guarding the open work tabs after an update, and saying so when the browser refuses some.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBadge } from '@/entrypoints/background/badge';
import { createReguard, reguardOpenTabs, type InjectApi, type TabsApi } from '@/entrypoints/background/reguard';
import { GUARD_SCRIPT_FILE } from '@/entrypoints/background/styles';
import { uncoveredTabsItem } from '@/stores/storage';
import { uncoveredTabs } from '@/utils/describe';
import { GUARD_MARK } from '@/utils/guard-mark';
import { decide } from '@/utils/policy';
import { defaultSettings } from '@/utils/settings';
import type { Site } from '@/utils/types';
import { en } from './english';
import { fakeAction } from './fake-action';

const simplepractice: Site = { id: 'simplepractice', name: 'SimplePractice', category: 'ehr', hosts: ['secure.simplepractice.com'] };
const hushmail: Site = { id: 'hushmail', name: 'Hushmail', category: 'email', hosts: ['secure.hushmail.com'] };
const SITES = [simplepractice, hushmail];

type Tab = { id?: number; discarded?: boolean; status?: string };

/**
 * Open tabs and the browser's answers to the injections: `guarded` tabs run a guard of this
 * version already, `refused` ones reject every injection (an error page, a page kept from extensions).
 */
function browserWith(open: Tab[], { guarded = [] as number[], refused = [] as number[] } = {}) {
  const state = { open, guarded: new Set(guarded), refused: new Set(refused), queries: [] as string[][], injected: [] as number[] };
  const tabs: TabsApi = {
    query: vi.fn(async ({ url }: { url: string[] }) => {
      state.queries.push(url);
      return state.open;
    }),
  };
  const scripting: InjectApi = {
    executeScript: vi.fn(async ({ target: { tabId }, files, func, args }: Parameters<InjectApi['executeScript']>[0]) => {
      if (state.refused.has(tabId)) throw new Error('Frame with ID 0 is showing error page');
      if (func) return [{ result: state.guarded.has(tabId) && args?.[0] === GUARD_MARK }];
      expect(files).toEqual([GUARD_SCRIPT_FILE]);
      state.injected.push(tabId);
      state.guarded.add(tabId);
      return [{}];
    }),
  };
  return { state, tabs, scripting };
}

const store = { get: () => uncoveredTabsItem.getValue(), set: (count: number) => uncoveredTabsItem.setValue(count) };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('reguardOpenTabs', () => {
  it('finds the open tabs of the enabled sites by pattern and injects the guard where none runs', async () => {
    const { state, tabs, scripting } = browserWith([{ id: 1 }, { id: 2 }, { id: 3 }], { guarded: [2] });
    expect(await reguardOpenTabs(tabs, scripting, SITES)).toEqual({ guarded: 3, failed: 0 });
    expect(state.queries).toEqual([['*://*.secure.simplepractice.com/*', '*://*.secure.hushmail.com/*']]);
    // Tab 2 already runs one (its page loaded after the update): it gets no second.
    expect(state.injected).toEqual([1, 3]);
  });

  it('leaves out the tabs that hold no page, which get the guard when they load', async () => {
    const { state, tabs, scripting } = browserWith([{ id: 1, discarded: true }, { id: 2, status: 'unloaded' }, {}, { id: 4, status: 'complete' }]);
    expect(await reguardOpenTabs(tabs, scripting, SITES)).toEqual({ guarded: 1, failed: 0 });
    expect(state.injected).toEqual([4]);
  });

  it('counts each tab the browser refuses, and guards the others all the same', async () => {
    const { state, tabs, scripting } = browserWith([{ id: 1 }, { id: 2 }, { id: 3 }], { refused: [1, 3] });
    expect(await reguardOpenTabs(tabs, scripting, SITES)).toEqual({ guarded: 1, failed: 2 });
    expect(state.injected).toEqual([2]);
  });

  it('looks for no tab when no site is enabled', async () => {
    const { state, tabs, scripting } = browserWith([{ id: 1 }]);
    expect(await reguardOpenTabs(tabs, scripting, [])).toEqual({ guarded: 0, failed: 0 });
    expect(state.queries).toEqual([]);
  });
});

describe('the count of tabs left unguarded', () => {
  it('is kept after an update as a number only, and tried again at each refresh until the tabs are guarded', async () => {
    const { state, tabs, scripting } = browserWith([{ id: 1 }, { id: 2 }, { id: 3 }], { refused: [1, 2] });
    const reguard = createReguard(tabs, scripting, store);
    expect(await reguard.all(SITES)).toBe(2);
    expect(reguard.last()).toBe(2);
    // Nothing but the count: no tab, address or title.
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ uncoveredTabs: 2 });

    // The clinician reloads tab 1: its page loads with the manifest's guard.
    state.refused.delete(1);
    state.guarded.add(1);
    const sites = [...SITES];
    await reguard.effect(null, sites);
    expect(reguard.last()).toBe(1);
    expect(state.injected).toEqual([3]);
    // Tab 2 is closed.
    state.open = state.open.filter((tab) => tab.id !== 2);
    await reguard.effect(null, [...SITES]);
    expect(reguard.last()).toBe(0);
    expect(await uncoveredTabsItem.getValue()).toBe(0);
  });

  it('is cleared by the next re-guard that gets into every tab', async () => {
    const { state, tabs, scripting } = browserWith([{ id: 1 }], { refused: [1] });
    const reguard = createReguard(tabs, scripting, store);
    expect(await reguard.all(SITES)).toBe(1);
    state.refused.clear();
    expect(await reguard.all(SITES)).toBe(0);
    expect(await uncoveredTabsItem.getValue()).toBe(0);
  });

  it('tells each count it finds, so the worker listens for tabs closing only while some are left', async () => {
    const { state, tabs, scripting } = browserWith([{ id: 1 }], { refused: [1] });
    const counts: number[] = [];
    const reguard = createReguard(tabs, scripting, store, (count) => counts.push(count));
    await reguard.effect(null, SITES);
    await reguard.all(SITES);
    state.open = [];
    await reguard.effect(null, [...SITES]);
    expect(counts).toEqual([0, 1, 0]);
  });

  it('costs a refresh nothing while every tab is guarded', async () => {
    const { state, tabs, scripting } = browserWith([{ id: 1 }]);
    const reguard = createReguard(tabs, scripting, store);
    await reguard.effect(null, SITES);
    expect(reguard.last()).toBe(0);
    expect(state.queries).toEqual([]);
  });

  it('is checked once per refresh for the effect and the badge together', async () => {
    const { state, tabs, scripting } = browserWith([{ id: 1 }], { refused: [1] });
    await uncoveredTabsItem.setValue(1);
    const reguard = createReguard(tabs, scripting, store);
    const sites = [...SITES];
    expect(await Promise.all([reguard.check(sites), reguard.check(sites), reguard.effect(null, sites)])).toEqual([1, 1, undefined]);
    expect(state.queries).toHaveLength(1);
  });

  it('outlives the worker: a worker woken later finds the count and checks again', async () => {
    const { state, tabs, scripting } = browserWith([{ id: 1 }, { id: 2 }], { refused: [2] });
    await createReguard(tabs, scripting, store).all(SITES);
    const woken = createReguard(tabs, scripting, store);
    expect(woken.last()).toBe(0);
    await woken.effect(null, SITES);
    expect(woken.last()).toBe(1);
    expect(state.queries).toHaveLength(2);
  });

  it('when the tabs could not even be looked at, tries again at the next refresh, whose failure is reported', async () => {
    const { tabs, scripting } = browserWith([{ id: 1 }], { refused: [1] });
    vi.mocked(tabs.query).mockRejectedValueOnce(new Error('tabs unavailable')).mockRejectedValueOnce(new Error('tabs unavailable'));
    const reguard = createReguard(tabs, scripting, store);
    await expect(reguard.all(SITES)).rejects.toThrow('tabs unavailable');
    // Nothing was counted, yet the refresh looks again rather than taking that for "all guarded".
    await expect(reguard.effect(null, [...SITES])).rejects.toThrow('tabs unavailable');
    await reguard.effect(null, [...SITES]);
    expect(reguard.last()).toBe(1);
  });
});

describe('what the clinician is told', () => {
  it('says how many tabs and what to do', () => {
    expect(uncoveredTabs(en, 1)).toBe('1 open work tab could not be covered — reload it.');
    expect(uncoveredTabs(en, 3)).toBe('3 open work tabs could not be covered — reload them.');
  });

  const NOW = Date.UTC(2026, 0, 5, 15);
  const decision = decide(defaultSettings(), NOW, 'UTC');
  const action = fakeAction;

  it('the badge shows "!" and the count in its title, with any site lacking access, until the tabs are guarded', async () => {
    const a = action();
    let count = 2;
    let missing: Site[] = [];
    const badge = createBadge(
      a,
      async () => missing,
      async () => count,
    );
    await badge.effect(decision, SITES, { now: NOW, timeZone: 'UTC', settings: defaultSettings() });
    expect(a.state).toEqual({ text: '!', color: '#b91c1c', title: 'Clocked Out: 2 open work tabs could not be covered — reload them.' });
    missing = [hushmail];
    await badge.effect(decision, SITES, { now: NOW, timeZone: 'UTC', settings: defaultSettings() });
    expect(a.state.title).toBe(
      'Clocked Out is not guarding: Hushmail. Open Clocked Out to allow access. Clocked Out: 2 open work tabs could not be covered — reload them.',
    );
    missing = [];
    count = 0;
    await badge.effect(decision, SITES, { now: NOW, timeZone: 'UTC', settings: defaultSettings() });
    expect(a.state.text).not.toBe('!');
    expect(a.state.title).toMatch(/^Clocked Out — /);
  });
});
