/**
 * Guards the work tabs already open when this version starts (installed, updated or reloaded):
 * the previous version's page guards lost their context with it, and the browser injects the
 * manifest's content scripts only into pages loaded from now on. Tabs are found by URL pattern
 * with the host access the guard already has (no `tabs` permission); nothing is reloaded.
 *
 * A tab the browser will not let the guard into (an error page, a page it keeps from extensions)
 * is never left silently: how many there are is kept — a count, never which tab or what it shows —
 * for the badge and the pages, and those tabs are tried again at each refresh until they are
 * guarded or closed (docs/ARCHITECTURE.md, "The page guard").
 */
import { GUARD_MARK } from '@/utils/guard-mark';
import { siteHostPatterns } from '@/utils/patterns';
import type { Site } from '@/utils/types';
import { GUARD_SCRIPT_FILE } from './styles';

export interface TabsApi {
  query(filter: { url: string[] }): Promise<Array<{ id?: number; discarded?: boolean; status?: string }>>;
}
export interface InjectApi {
  executeScript(options: {
    target: { tabId: number };
    files?: string[];
    func?: (mark: string) => boolean;
    args?: string[];
  }): Promise<Array<{ result?: unknown }>>;
}
/** Where the count of open work tabs left unguarded is kept between the worker's wake-ups. */
export interface CountStore {
  get(): Promise<number>;
  set(count: number): Promise<void>;
}

/** Runs in the tab, in the extension's world: whether a page guard of this version runs there. */
function guardRunning(mark: string): boolean {
  return Symbol.for(mark) in globalThis;
}

/** Injects the page guard into the tab unless one of this version already runs there. */
async function guardTab(scripting: InjectApi, tabId: number): Promise<void> {
  const [probe] = await scripting.executeScript({ target: { tabId }, func: guardRunning, args: [GUARD_MARK] });
  if (probe?.result === true) return;
  await scripting.executeScript({ target: { tabId }, files: [GUARD_SCRIPT_FILE] });
}

/** Guards every open tab of an enabled site; resolves to how many are guarded and how many the browser refused. */
export async function reguardOpenTabs(tabs: TabsApi, scripting: InjectApi, sites: readonly Site[]): Promise<{ guarded: number; failed: number }> {
  const patterns = [...new Set(sites.flatMap(siteHostPatterns))];
  if (!patterns.length) return { guarded: 0, failed: 0 };
  const open = await tabs.query({ url: patterns });
  // A discarded or unloaded tab holds no page: it loads again, with the manifest's guard, when shown.
  const ids = open.flatMap((tab) => (tab.id === undefined || tab.discarded || tab.status === 'unloaded' ? [] : [tab.id]));
  const results = await Promise.allSettled(ids.map((id) => guardTab(scripting, id)));
  const failed = results.filter((r) => r.status === 'rejected').length;
  return { guarded: results.length - failed, failed };
}

/**
 * The re-guard: `all` after a new version starts; `check`, shared by the effects of one refresh
 * (the effect, the badge), tries again the tabs left unguarded while there are any (or all of
 * them, if the last try failed outright) and answers how many are still; `last()` is the latest
 * count, for the snapshot. `counted` hears each count found.
 */
export function createReguard(tabs: TabsApi, scripting: InjectApi, store: CountStore, counted: (count: number) => void = () => {}) {
  // One run or check at a time, so an older count never overwrites a newer one.
  let tail: Promise<unknown> = Promise.resolve();
  const queued = <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task);
    tail = next.catch(() => undefined);
    return next;
  };
  let last = 0;
  // Set while the open tabs could not even be looked at: the next check tries again (and its
  // failure is the refresh's to report).
  let retry = false;
  const guardAll = async (sites: readonly Site[]): Promise<number> => {
    retry = true;
    const { failed } = await reguardOpenTabs(tabs, scripting, sites);
    await store.set(failed);
    retry = false;
    last = failed;
    counted(failed);
    return failed;
  };
  const checks = new WeakMap<readonly Site[], Promise<number>>();
  const check = (sites: readonly Site[]): Promise<number> => {
    let found = checks.get(sites);
    if (!found) {
      found = queued(async () => {
        if (retry || (await store.get()) > 0) return guardAll(sites);
        last = 0;
        counted(0);
        return 0;
      });
      checks.set(sites, found);
    }
    return found;
  };
  return {
    /** Guards every open work tab now (this version just started); resolves to how many it could not. */
    all: (sites: readonly Site[]): Promise<number> => queued(() => guardAll(sites)),
    check,
    last: (): number => last,
    /** The effect: records how many open work tabs are still unguarded, trying them again if any are. */
    effect: async (_decision: unknown, sites: readonly Site[]) => {
      await check(sites);
    },
  };
}

export type Reguard = ReturnType<typeof createReguard>;
