/**
 * declarativeNetRequest rules from a decision: pure data, applied by the background. A blocked
 * site's top-level navigations are redirected to the blocked page before any request leaves the
 * browser; the original address rides in the fragment so the tab can go back to it.
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
 * (so a more specific site that is open wins over a broader blocked one).
 * @param blockedPage the extension's `/blocked.html` URL
 */
export function buildRules(sites: readonly Site[], siteActions: Readonly<Record<string, Action>>, blockedPage: string): DnrRule[] {
  const rules: DnrRule[] = [];
  const anyBlocked = sites.some((site) => siteActions[site.id] === 'block');
  if (!anyBlocked) return rules;
  for (const site of sites) {
    const blocked = siteActions[site.id] === 'block';
    for (const pattern of site.hosts) {
      rules.push({
        id: rules.length + 1,
        // More specific patterns outrank broader ones: videochat.janeapp.com over *.janeapp.com.
        priority: patternSpecificity(pattern, site.pathPrefix),
        action: blocked ? { type: 'redirect', redirect: { regexSubstitution: `${blockedPage}?site=${encodeURIComponent(site.id)}#\\1` } } : { type: 'allow' },
        condition: { regexFilter: hostRegex(pattern, site.pathPrefix), resourceTypes: ['main_frame'] },
      });
    }
  }
  return rules;
}
