/** Manifest-style match patterns for sites (content-script registration, permissions). */
import type { Action, Site } from './types';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Match patterns covering a site. `*.host` in a pattern also covers the bare host, which is
 * broader than a `*.` site; the content script narrows it again with `matchSite`.
 */
export function sitePatterns(site: Site): string[] {
  const path = site.pathPrefix ?? '/';
  const custom = site.id.startsWith('custom:');
  return site.hosts.map((host) => {
    const bare = host.replace(/^\*\./, '');
    const hostPart = IPV4.test(bare) ? bare : `*.${bare}`;
    return `${custom ? '*' : 'https'}://${hostPart}${path}*`;
  });
}

/**
 * Origins to request as optional host permissions for a custom host: https and http apart, since
 * Chrome only grants what the manifest's `optional_host_permissions` lists, scheme by scheme.
 */
export function permissionOrigins(host: string): string[] {
  return sitePatterns({ id: `custom:${host}`, name: host, category: 'ehr', hosts: [host] }).flatMap((pattern) =>
    ['https', 'http'].map((scheme) => pattern.replace(/^\*:/, `${scheme}:`)),
  );
}

/**
 * The host-permission origins the guard needs to block or dim `site`: every host, whole (a path
 * prefix narrows nothing the browser grants), on each scheme its patterns cover. Derived from
 * `sitePatterns`, so it asks for exactly what the manifest and the custom-site prompt give.
 */
export function siteAccessOrigins(site: Site): string[] {
  const origins = sitePatterns(site).flatMap((pattern) => {
    const [, scheme = '', hostPart = ''] = /^([^:]+):\/\/([^/]*)/.exec(pattern) ?? [];
    return (scheme === '*' ? ['https', 'http'] : [scheme]).map((s) => `${s}://${hostPart}/*`);
  });
  return [...new Set(origins)];
}

/** Patterns of the sites whose current action is `action`. */
export function patternsWithAction(sites: readonly Site[], actions: Readonly<Record<string, Action>>, action: Action): string[] {
  return [...new Set(sites.filter((site) => actions[site.id] === action).flatMap(sitePatterns))];
}
