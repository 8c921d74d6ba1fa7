/**
 * Matching a URL to a work site, apart from the catalogue (utils/sites.ts resolves which sites a
 * settings document guards), so the page guard matches with the sites the worker resolved for it.
 */
import { hostMatches, normalizeHostname } from './host-match';
import type { Site } from './types';

/**
 * How narrow a host pattern is, independent of any URL, so the rule builder can use it as a
 * priority: more labels first (`videochat.janeapp.com` over `*.janeapp.com`), then an exact host
 * over a wildcard with the same base, then a path prefix.
 */
export function patternSpecificity(pattern: string, pathPrefix?: string): number {
  const wildcard = pattern.startsWith('*.');
  const labels = (wildcard ? pattern.slice(2) : pattern).split('.').length;
  return labels * 4 + (wildcard ? 0 : 1) + (pathPrefix ? 2 : 0);
}

/** The specificity of `site`'s narrowest pattern that covers `hostname`; 0 if none does. */
export function specificity(site: Site, hostname: string): number {
  let best = 0;
  for (const pattern of site.hosts) {
    if (hostMatches(pattern, hostname)) best = Math.max(best, patternSpecificity(pattern, site.pathPrefix));
  }
  return best;
}

/**
 * The site an http(s) URL belongs to, or null. Only the hostname (and a site's fixed path prefix)
 * is looked at, in memory; nothing is kept. When several sites cover the URL the most specific
 * wins; on a tie, the clinician's own custom site wins over the catalogue's, as they would expect.
 */
export function matchSite(url: string | URL, sites: readonly Site[]): Site | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const hostname = normalizeHostname(parsed.hostname);
  // Case-insensitive, like the declarativeNetRequest rules (and servers such as IIS).
  // Servers read `//app/` as `/app/`, so the guarded path is matched the same way.
  const path = parsed.pathname.toLowerCase().replace(/^\/+/, '/');
  let match: Site | null = null;
  let matchScore = 0;
  for (const site of sites) {
    if (site.pathPrefix && !path.startsWith(site.pathPrefix.toLowerCase())) continue;
    const score = specificity(site, hostname);
    if (score === 0) continue;
    if (score > matchScore || (score === matchScore && site.id.startsWith('custom:') && !match?.id.startsWith('custom:'))) {
      match = site;
      matchScore = score;
    }
  }
  return match;
}
