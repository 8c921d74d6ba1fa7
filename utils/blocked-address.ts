/**
 * What the blocked page was given: `/blocked.html?site=<id>#<original address>`, and where it is
 * shown. The address is only ever held in memory, to send the tab back; it is never stored or
 * logged, and it is taken out of the tab's own URL as soon as it is read.
 */
import { CATALOGUE } from '@/utils/catalogue';

export interface BlockedAddress {
  siteId: string | null;
  /** The original http(s) address, or null when absent or not a web address. */
  original: string | null;
}

import type { MessageKey } from '@/utils/i18n';

/** The heading (a message) when the page cannot, or must not, say which site it stands for. */
export const NEUTRAL_HEADING: MessageKey = 'neutralHead';
/** The only thing the page shows inside another page's frame (a message). */
export const FRAMED_HEADING: MessageKey = 'framedHead';

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

/** `href` without its fragment (`?site=` kept): what the tab's history and synced tabs may keep. */
export function withoutFragment(href: string): string {
  const url = new URL(href);
  url.hash = '';
  return url.href;
}

/**
 * The catalogue's name for a catalogue id, else null: what may be shown before settings are read.
 * A custom site's id (`custom:host`) or anything else is text from the address, so it is not.
 */
export function catalogueName(id: string | null): string | null {
  return CATALOGUE.find((entry) => entry.id === id)?.name ?? null;
}

/**
 * Whether the page is inside a frame, object or embed of another page. `top` and `parent` can be
 * compared across origins (`frameElement` is null there, so it only adds the same-origin case);
 * anything that throws counts as framed.
 */
export function isFramed(win: Pick<Window, 'top' | 'parent' | 'self' | 'frameElement'>): boolean {
  try {
    return win.top !== win.self || win.parent !== win.self || win.frameElement != null;
  } catch {
    return true;
  }
}
