/**
 * Who may ask the worker for what. The extension's own top-level pages (popup, options, the
 * blocked page in its tab) may ask for anything; a work page's content script only for its own
 * site (or to say a guard started there); anyone else, an extension page framed by a web page included, for nothing. Pure: the
 * worker passes the sender, itself and the enabled sites.
 */
import type { Request, Response } from './messages';
import { matchSite } from './sites';
import type { Site } from './types';

/** The fields of `runtime.MessageSender` the check reads. */
export interface RequestSender {
  readonly id?: string;
  readonly url?: string;
  readonly tab?: unknown;
  readonly frameId?: number;
  readonly origin?: string;
}

/** This extension: its id and its pages' origin as `runtime.getURL('/')` gives it (with the slash). */
export interface Self {
  readonly id: string;
  readonly origin: string;
}

export const OWN_SITE_ONLY = 'A page can only ask for its own site.';

const refuse = (error: string): Response => ({ ok: false, error });

/** Whether `sender` may make `request`; the refusal says why. The URL is read, never kept or quoted. */
export function checkRequest(request: Request, sender: RequestSender, self: Self, sites: readonly Site[]): Response {
  if (!self.id || sender.id !== self.id) return refuse('Only Clocked Out itself can ask for this.');
  const url = sender.url ?? '';
  if (url.startsWith(self.origin)) {
    // Chromium names the sending document's origin too: it must agree with its address.
    if (sender.origin !== undefined && `${sender.origin}/` !== self.origin) return refuse('This request does not come from a Clocked Out page.');
    // The popup has no tab; any other page of ours must be its tab's top document.
    if (sender.tab !== undefined && sender.tab !== null && sender.frameId !== 0)
      return refuse('A Clocked Out page shown inside another page cannot ask for anything.');
    return { ok: true };
  }
  if (!/^https?:\/\//i.test(url)) return refuse('This request does not come from a Clocked Out page or a work page.');
  if (sender.frameId !== 0) return refuse(`${OWN_SITE_ONLY} A frame inside a page cannot ask for anything.`);
  const site = matchSite(url, sites);
  if (!site) return refuse(`${OWN_SITE_ONLY} This page is not a work site.`);
  const own =
    // It names no site and changes nothing but a check of the open tabs.
    request.type === 'refresh' ||
    // It names no site: the worker takes the site from the sender.
    request.type === 'usage' ||
    (request.type === 'wrapUp' && request.siteId === site.id) ||
    (request.type === 'startException' && request.scope.type === 'site' && request.scope.siteId === site.id);
  return own ? { ok: true } : refuse(OWN_SITE_ONLY);
}
