/** The work sites a settings document guards (matching a URL to one of them: site-match.ts). */
import type { MessageKey } from './i18n';
import { CATALOGUE, SHARED_PERSONAL_WARNING } from './catalogue';
import type { Settings } from './settings';
import type { Site } from './types';

/** Catalogue entries switched on (by default or by `sites.catalogue`) plus custom sites. */
export function enabledSites(settings: Settings): Site[] {
  const switches = settings.sites.catalogue;
  const sites: Site[] = [];
  for (const entry of CATALOGUE) {
    const { defaultOn, sharedPersonal: _shared, ...site } = entry;
    if (switches[entry.id] ?? defaultOn) sites.push(site);
  }
  for (const custom of settings.sites.custom) {
    sites.push({
      id: `custom:${custom.host}`,
      name: custom.host.replace(/^\*\./, ''),
      category: custom.category,
      hosts: [custom.host],
      ...(custom.action ? { action: custom.action } : {}),
    });
  }
  return sites;
}

export { matchSite, patternSpecificity, specificity } from './site-match';

/** The one-line warning for catalogue entries that also serve personal use (Gmail, Zoom …), else null. */
export function siteWarning(id: string): MessageKey | null {
  return CATALOGUE.some((entry) => entry.id === id && entry.sharedPersonal) ? SHARED_PERSONAL_WARNING : null;
}

/** A site's display name from its id alone (catalogue name, or a custom site's host). */
export function siteName(id: string | null): string | null {
  if (!id) return null;
  if (id.startsWith('custom:')) return id.slice('custom:'.length).replace(/^\*\./, '') || null;
  return CATALOGUE.find((entry) => entry.id === id)?.name ?? null;
}
