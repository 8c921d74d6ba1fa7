/**
 * Guards the work tabs already open when this version starts (installed, updated or reloaded):
 * the previous version's page guards lost their context with it, and the browser injects the
 * manifest's content scripts only into pages loaded from now on. Tabs are found by URL pattern
 * with the host access the guard already has (no `tabs` permission); nothing is reloaded.
 */
import { siteHostPatterns } from '@/utils/patterns';
import type { Site } from '@/utils/types';
import { GUARD_SCRIPT_FILE } from './styles';

export interface TabsApi {
  query(filter: { url: string[] }): Promise<Array<{ id?: number }>>;
}
export interface InjectApi {
  executeScript(options: { target: { tabId: number }; files: string[] }): Promise<unknown>;
}

/** Injects the page guard into every open tab of an enabled site; resolves to how many were guarded and how many refused. */
export async function reguardOpenTabs(tabs: TabsApi, scripting: InjectApi, sites: readonly Site[]): Promise<{ guarded: number; failed: number }> {
  const patterns = [...new Set(sites.flatMap(siteHostPatterns))];
  if (!patterns.length) return { guarded: 0, failed: 0 };
  const open = await tabs.query({ url: patterns });
  const results = await Promise.allSettled(
    open.flatMap((tab) => (tab.id === undefined ? [] : [scripting.executeScript({ target: { tabId: tab.id }, files: [GUARD_SCRIPT_FILE] })])),
  );
  const failed = results.filter((r) => r.status === 'rejected').length;
  return { guarded: results.length - failed, failed };
}
