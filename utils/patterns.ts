/**
 * Manifest-style match patterns for sites (host permissions, content-script registration, finding
 * open tabs). Every pattern covers http and https alike: an old bookmark or a link in an email
 * that says `http://` is the same work site (docs/ARCHITECTURE.md, "Every scheme").
 */
import { bareOfWww, isIPv4 } from './host-match';
import type { Action, Site } from './types';

/** `*.host` in a pattern also covers the bare host, which is broader than a `*.` site. */
function hostParts(host: string): string[] {
  const base = host.replace(/^\*\./, '');
  if (isIPv4(base)) return [base];
  const bare = host.startsWith('*.') ? null : bareOfWww(host);
  return bare ? [`*.${base}`, bare] : [`*.${base}`];
}

/**
 * Patterns covering exactly a site's pages (its path prefix included): where the dim stylesheet
 * goes. The page guard narrows a `*.` site again with `matchSite`.
 */
export function sitePatterns(site: Site): string[] {
  const path = site.pathPrefix ?? '/';
  return [...new Set(site.hosts.flatMap(hostParts).map((part) => `*://${part}${path}*`))];
}

/**
 * Patterns covering a site's whole hosts, whatever the path: where the page guard runs (a
 * single-page app can move from a public page into its guarded path without a navigation) and
 * what host access the guard needs.
 */
export function siteHostPatterns(site: Site): string[] {
  return [...new Set(site.hosts.flatMap(hostParts).map((part) => `*://${part}/*`))];
}

/**
 * Origins to request as optional host permissions for a custom host: https and http apart, since
 * Chrome only grants what the manifest's `optional_host_permissions` lists, scheme by scheme.
 */
export function permissionOrigins(host: string): string[] {
  return siteHostPatterns({ id: `custom:${host}`, name: host, category: 'ehr', hosts: [host] }).flatMap((pattern) =>
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

/**
 * Content-setting patterns for the sites the guard closes or dims now. Notifications need a
 * secure page, so https only; a content-setting path is always `/*`, so a site's path prefix
 * widens to its whole host, and `*.host` also covers the bare host.
 */
export function mutedPatterns(sites: readonly Site[], siteActions: Readonly<Record<string, string>>): string[] {
  const patterns = sites
    .filter((site) => (siteActions[site.id] ?? 'allow') !== 'allow')
    .flatMap((site) => site.hosts.map((host) => host.replace(/^\*\./, '')))
    .map((host) => `https://${isIPv4(host) ? host : `*.${host}`}/*`);
  return [...new Set(patterns)].sort();
}
