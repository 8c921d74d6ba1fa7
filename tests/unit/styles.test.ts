import { describe, expect, it } from 'vitest';
import { createStylesEffect, type RegisteredScript, type ScriptingApi } from '@/entrypoints/background/styles';
import { decide } from '@/utils/policy';
import { defaultSettings } from '@/utils/settings';
import { enabledSites } from '@/utils/sites';

const ZONE = 'America/New_York';
// Wednesday 2026-12-02: 20:00 in New York (off hours) and 10:00 (work hours).
const EVENING = Date.parse('2026-12-03T01:00:00Z');
const MORNING = Date.parse('2026-12-02T15:00:00Z');

function fakeScripting(): ScriptingApi & { registered: Map<string, RegisteredScript> } {
  const registered = new Map<string, RegisteredScript>();
  return {
    registered,
    getRegisteredContentScripts: async (filter) => [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    registerContentScripts: async (scripts) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    },
    updateContentScripts: async (scripts) => {
      for (const s of scripts) registered.set(s.id, s);
    },
    unregisterContentScripts: async (filter) => {
      for (const id of filter?.ids ?? [...registered.keys()]) registered.delete(id);
    },
  };
}

describe('the registered scripts', () => {
  const settings = defaultSettings();
  const sites = enabledSites(settings);
  const apply = (effect: ReturnType<typeof createStylesEffect>, at: number) => effect(decide(settings, at, ZONE), sites);

  it("turn away a new document of every blocked site (its own service worker's answer) after hours, and only then", async () => {
    const scripting = fakeScripting();
    const effect = createStylesEffect(scripting);
    await apply(effect, EVENING);
    const closed = scripting.registered.get('clocked-out-closed');
    expect(closed).toMatchObject({ js: ['closed.js'], runAt: 'document_start', persistAcrossSessions: true });
    expect(closed?.allFrames).toBeUndefined();
    // Blocked sites, within their app path; a dimmed one is not turned away.
    expect(closed?.matches).toEqual(
      expect.arrayContaining([expect.stringContaining('secure.simplepractice.com/'), expect.stringContaining('www.therapynotes.com/app/')]),
    );
    expect(closed?.matches?.some((m) => m.includes('hushmail'))).toBe(false);
    expect(scripting.registered.get('clocked-out-dim')?.matches?.some((m) => m.includes('hushmail'))).toBe(true);

    await apply(effect, MORNING);
    expect(scripting.registered.has('clocked-out-closed')).toBe(false);
    expect(scripting.registered.has('clocked-out-dim')).toBe(false);
  });

  it('are found again by a new worker (they outlive it) and updated, not registered twice', async () => {
    const scripting = fakeScripting();
    await apply(createStylesEffect(scripting), EVENING);
    // A new worker, its memory empty, in the same evening and then the next morning.
    await apply(createStylesEffect(scripting), EVENING);
    expect(scripting.registered.has('clocked-out-closed')).toBe(true);
    await apply(createStylesEffect(scripting), MORNING);
    expect(scripting.registered.has('clocked-out-closed')).toBe(false);
  });
});
