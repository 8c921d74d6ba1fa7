/**
 * What the blocked page was given: `/blocked.html?site=<id>#<original address>`. The address is
 * only ever held in memory, to send the tab back; it is never stored or logged.
 */
export interface BlockedAddress {
  siteId: string | null;
  /** The original http(s) address, or null when absent or not a web address. */
  original: string | null;
}

export function readBlockedAddress(href: string): BlockedAddress {
  const url = new URL(href);
  const hash = url.hash.slice(1);
  let original: string | null = null;
  try {
    const parsed = new URL(hash);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') original = parsed.href;
  } catch {
    original = null;
  }
  return { siteId: url.searchParams.get('site'), original };
}
