/**
 * Registered content scripts: the dim stylesheet for sites being dimmed (runs at document_start,
 * so no undimmed frame is painted), the turn-away script for sites blocked now (a new document
 * the rules did not turn away, answered by the site's own service worker, is stopped before its
 * scripts run: entrypoints/closed.ts) and the page guard for custom hosts (catalogue hosts get it
 * from the manifest).
 */
import { DIM_STYLESHEET } from '@/utils/dim';
import { patternsWithAction, siteHostPatterns } from '@/utils/patterns';
import type { Decision } from '@/utils/policy';
import type { Site } from '@/utils/types';

export interface RegisteredScript {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
  css?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
}

const DIM_SCRIPT_ID = 'clocked-out-dim';
const CLOSED_SCRIPT_ID = 'clocked-out-closed';
const CUSTOM_GUARD_ID = 'clocked-out-guard-custom';
export const GUARD_SCRIPT_FILE = 'guard.js';
export const CLOSED_SCRIPT_FILE = 'closed.js';

export function createStylesEffect(scripting: ScriptingApi) {
  const applied = new Map<string, string>();

  async function ensure(script: RegisteredScript | null, id: string) {
    const key = JSON.stringify(script);
    if (applied.get(id) === key) return;
    const existing = await scripting.getRegisteredContentScripts({ ids: [id] });
    if (!script) {
      if (existing.length) await scripting.unregisterContentScripts({ ids: [id] });
    } else if (existing.length) {
      await scripting.updateContentScripts([script]);
    } else {
      await scripting.registerContentScripts([script]);
    }
    applied.set(id, key);
  }

  return async (decision: Decision, sites: readonly Site[]) => {
    const dim = patternsWithAction(sites, decision.siteActions, 'dim');
    const blocked = patternsWithAction(sites, decision.siteActions, 'block');
    const custom = sites.filter((site) => site.id.startsWith('custom:')).flatMap(siteHostPatterns);
    await Promise.all([
      ensure(
        dim.length ? { id: DIM_SCRIPT_ID, matches: dim, css: [DIM_STYLESHEET], runAt: 'document_start', persistAcrossSessions: true } : null,
        DIM_SCRIPT_ID,
      ),
      ensure(
        blocked.length ? { id: CLOSED_SCRIPT_ID, matches: blocked, js: [CLOSED_SCRIPT_FILE], runAt: 'document_start', persistAcrossSessions: true } : null,
        CLOSED_SCRIPT_ID,
      ),
      ensure(
        custom.length
          ? { id: CUSTOM_GUARD_ID, matches: [...new Set(custom)], js: [GUARD_SCRIPT_FILE], runAt: 'document_start', persistAcrossSessions: true }
          : null,
        CUSTOM_GUARD_ID,
      ),
    ]);
  };
}
