/**
 * Host patterns for custom work sites as a clinician enters them (the options page, an import):
 * the syntax of `host-syntax.ts` and, on top, the public-suffix list, so that no one guards
 * `co.uk` or `*.github.io` by mistake. The list is large (public-suffixes.ts): only the options
 * page loads it; the worker and the page guard never import this file (docs/ARCHITECTURE.md,
 * "Who may import whom").
 */
import { parseHostSyntax, type HostResult } from './host-syntax';
import { isPublicSuffix } from './public-suffixes';
import type { Translate } from './i18n';
import { say, speaking } from './settings/values';

export { hostMatches, isIPv4, normalizeHostname } from './host-match';
export type { HostResult } from './host-syntax';

/** The error for a host that is, or a wildcard that covers, a suffix in the public-suffix list (ICANN or private). */
function publicSuffix(base: string, wildcard: boolean): string | null {
  if (!isPublicSuffix(base)) return null;
  return say(wildcard ? 'hCoversSuffix' : 'hIsSuffix', base);
}

/**
 * Reads a custom work site's address as typed or pasted (see `parseHostSyntax`), and refuses a
 * public suffix or a wildcard over one. An error is a phrase about the entered value, never
 * repeating it.
 */
export function parseHost(t: Translate, input: string): HostResult {
  return speaking(t, () => checkEnteredHost(input));
}

/** The same, inside a parse that already speaks (an imported document's custom sites). */
export function checkEnteredHost(input: string): HostResult {
  return parseHostSyntax(input, publicSuffix);
}
