/**
 * Host access: the browser may withhold a work site from the extension (Chrome's "on click" or
 * "on specific sites", Firefox's per-site access, a custom site synced or imported but never
 * granted). Without it the guard can neither block nor dim the site, so such sites are found at
 * every refresh and shown (badge, snapshot, popup, options): missing access is never silent.
 */
import { siteAccessOrigins } from '@/utils/patterns';
import type { Site } from '@/utils/types';

export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

/** The sites, in order, whose origins `contains` does not confirm. An error counts as no access. */
export async function sitesWithoutAccess(sites: readonly Site[], contains: (origins: string[]) => Promise<boolean>): Promise<Site[]> {
  const granted = await Promise.all(sites.map((site) => contains(siteAccessOrigins(site)).catch(() => false)));
  return sites.filter((_, i) => !granted[i]);
}

/**
 * The check shared by the effects of one refresh (the access effect, the badge): one answer per
 * list of sites, so they never disagree. `last()` is the ids found by the latest check.
 */
export function createAccess(permissions: PermissionsApi) {
  const checks = new WeakMap<readonly Site[], Promise<Site[]>>();
  let last: string[] = [];
  const check = (sites: readonly Site[]): Promise<Site[]> => {
    let found = checks.get(sites);
    if (!found) {
      found = sitesWithoutAccess(sites, (origins) => permissions.contains({ origins }));
      checks.set(sites, found);
    }
    return found;
  };
  return {
    check,
    last: (): readonly string[] => last,
    /** The effect: records which enabled sites lack access, for the snapshot. */
    effect: async (_decision: unknown, sites: readonly Site[]) => {
      last = (await check(sites)).map((site) => site.id);
    },
  };
}
