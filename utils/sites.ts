/** The work sites a settings document guards, and matching a URL to one of them. */
import { CATALOGUE } from './catalogue';
import type { Settings } from './settings';
import type { Site } from './types';

/** Catalogue entries switched on (by default or by `sites.catalogue`) plus custom sites. */
export function enabledSites(settings: Settings): Site[] {
  const switches = settings.sites.catalogue;
  const sites: Site[] = [];
  for (const entry of CATALOGUE) {
    if (!(switches[entry.id] ?? entry.defaultOn)) continue;
    sites.push({ id: entry.id, name: entry.name, category: entry.category, hosts: entry.hosts, ...(entry.pathPrefix ? { pathPrefix: entry.pathPrefix } : {}) });
  }
  for (const custom of settings.sites.custom) {
    sites.push({ id: `custom:${custom.host}`, name: custom.host.replace(/^\*\./, ''), category: custom.category, hosts: [custom.host], ...(custom.action ? { action: custom.action } : {}) });
  }
  return sites;
}
