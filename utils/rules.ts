/**
 * declarativeNetRequest rules: pure data, applied by the background (docs/ARCHITECTURE.md,
 * "Closed by default"). A blocked site's top-level navigations are redirected to the blocked page
 * before any request leaves the browser; the original address rides in the fragment so the tab can
 * go back to it. The redirects are the closed state, kept in the dynamic rules, which outlive the
 * browser; what is open now is said by `allow` rules in the session rules, which do not: a browser
 * that starts again after a boundary passed while it was closed blocks before the worker wakes.
 */
import { bareOfWww } from './host-match';
import { patternSpecificity } from './sites';
import type { Action, Site } from './types';

/** The subset of `declarativeNetRequest.Rule` the guard writes. */
export interface DnrRule {
  id: number;
  priority: number;
  action: { type: 'redirect'; redirect: { regexSubstitution: string } } | { type: 'allow' };
  condition: { regexFilter: string; resourceTypes: ['main_frame'] };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regex over a whole http(s) URL for one host pattern (and path prefix), capturing it all. Every
 * spelling of the host that reaches it is covered: either scheme, a user-info part (`x@host`), a
 * trailing dot, any port, the bare domain of a `www.` host, and repeated slashes before the path.
 */
export function hostRegex(pattern: string, pathPrefix?: string): string {
  const subdomainsOnly = pattern.startsWith('*.');
  const name = subdomainsOnly ? pattern.slice(2) : pattern;
  const bare = subdomainsOnly ? null : bareOfWww(name);
  const label = '[^/?#@:]+\\.';
  const host = bare ? `(?:(?:${label})?www\\.)?${escape(bare)}` : `${subdomainsOnly ? label : `(?:${label})?`}${escape(name)}`;
  const rest = pathPrefix ? `/+${escape(pathPrefix.replace(/^\/+/, ''))}.*` : '(?:[/?#].*)?';
  return `^(https?://(?:[^/?#@]*@)?${host}\\.?(?::[0-9]*)?${rest})$`;
}

/**
 * One rule per host pattern: a redirect for sites whose action is `block`, an `allow` for the rest
 * (so a more specific site that is open wins over a broader blocked one). With each site's closed
 * action (`closedAction`), the dynamic rules.
 * @param blockedPage the extension's `/blocked.html` URL
 */
export function buildRules(sites: readonly Site[], siteActions: Readonly<Record<string, Action>>, blockedPage: string): DnrRule[] {
  return sites.some((site) => siteActions[site.id] === 'block') ? rulesOf(sites, (site) => siteActions[site.id] === 'block', blockedPage) : [];
}

/**
 * The session rules: an `allow` per host pattern of each site that `closed` blocks and `now` does
 * not (working hours, an exception), with its redirect's priority. At an equal priority the
 * browser takes `allow` over a redirect, and a more specific site keeps its higher one either way.
 */
export function openingRules(sites: readonly Site[], closed: Readonly<Record<string, Action>>, now: Readonly<Record<string, Action>>): DnrRule[] {
  return rulesOf(
    sites.filter((site) => closed[site.id] === 'block' && now[site.id] !== 'block'),
    () => false,
    '',
  );
}

function rulesOf(sites: readonly Site[], blocked: (site: Site) => boolean, blockedPage: string): DnrRule[] {
  const rules: DnrRule[] = [];
  for (const site of sites) {
    for (const pattern of site.hosts) {
      rules.push({
        id: rules.length + 1,
        // More specific patterns outrank broader ones: videochat.janeapp.com over *.janeapp.com.
        priority: patternSpecificity(pattern, site.pathPrefix),
        action: blocked(site)
          ? { type: 'redirect', redirect: { regexSubstitution: `${blockedPage}?site=${encodeURIComponent(site.id)}#\\1` } }
          : { type: 'allow' },
        condition: { regexFilter: hostRegex(pattern, site.pathPrefix), resourceTypes: ['main_frame'] },
      });
    }
  }
  return rules;
}
