import { describe, expect, it } from 'vitest';
import type { Request } from '@/utils/messages';
import { checkRequest, type RequestSender } from '@/utils/request-policy';
import { defaultSettings } from '@/utils/settings';
import { enabledSites } from '@/utils/sites';

const SELF = { id: 'lnaobndofpfmapndeaaeamcbifpkgleg', origin: 'chrome-extension://lnaobndofpfmapndeaaeamcbifpkgleg/' };
const SITES = enabledSites(defaultSettings());
const TAB = { id: 4 };

const ALL: Request = { type: 'startException', scope: { type: 'all' }, minutes: 30 };
const EHRS: Request = { type: 'startException', scope: { type: 'category', category: 'ehr' }, minutes: 30 };
const SIMPLEPRACTICE: Request = { type: 'startException', scope: { type: 'site', siteId: 'simplepractice' }, minutes: 30 };
const JANE: Request = { type: 'startException', scope: { type: 'site', siteId: 'jane' }, minutes: 30 };
const WRAP_SIMPLEPRACTICE: Request = { type: 'wrapUp', siteId: 'simplepractice' };
const WRAP_JANE: Request = { type: 'wrapUp', siteId: 'jane' };
const END_ALL: Request = { type: 'endException' };
const EXTEND: Request = { type: 'extendException', id: 'a1', minutes: 15 };
const GUARDED: Request = { type: 'refresh' };
const USAGE: Request = { type: 'usage', at: Date.parse('2026-12-03T02:00:00Z'), minutes: 1.5 };
const EVERY = [ALL, EHRS, SIMPLEPRACTICE, JANE, WRAP_SIMPLEPRACTICE, WRAP_JANE, END_ALL, EXTEND, GUARDED, USAGE];

const check = (request: Request, sender: RequestSender) => checkRequest(request, sender, SELF, SITES);
const page = (url: string, more: Partial<RequestSender> = {}): RequestSender => ({
  id: SELF.id,
  url,
  tab: TAB,
  frameId: 0,
  origin: new URL(url).origin,
  ...more,
});
const ownPage = (path: string, more: Partial<RequestSender> = {}): RequestSender => ({
  id: SELF.id,
  url: `${SELF.origin}${path}`,
  origin: SELF.origin.slice(0, -1),
  ...more,
});

describe('who may ask the worker for what', () => {
  it.each(EVERY)('the popup (no tab) may ask for anything: %j', (request) => {
    expect(check(request, ownPage('popup.html'))).toEqual({ ok: true });
  });

  it.each(EVERY)("the extension's own pages in their own tab may ask for anything: %j", (request) => {
    expect(check(request, ownPage('blocked.html?site=simplepractice', { tab: TAB, frameId: 0 }))).toEqual({ ok: true });
    expect(check(request, ownPage('options.html', { tab: TAB, frameId: 0 }))).toEqual({ ok: true });
  });

  it.each(EVERY)('the blocked page framed by a web page gets nothing: %j', (request) => {
    const framed = ownPage('blocked.html?site=simplepractice', { tab: TAB, frameId: 3 });
    expect(check(request, framed)).toEqual({ ok: false, error: expect.stringMatching(/inside another page/) });
  });

  it('another extension, or one whose id is missing, gets nothing', () => {
    expect(check(ALL, ownPage('popup.html', { id: 'abcdefghijklmnopabcdefghijklmnop' }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Only Clocked Out/),
    });
    expect(check(ALL, ownPage('popup.html', { id: undefined }))).toMatchObject({ ok: false });
    expect(checkRequest(ALL, ownPage('popup.html', { id: '' }), { ...SELF, id: '' }, SITES)).toMatchObject({ ok: false });
  });

  it("a sender whose origin disagrees with its address, or another extension's page, gets nothing", () => {
    expect(check(ALL, ownPage('popup.html', { origin: 'https://secure.simplepractice.com' }))).toMatchObject({ ok: false });
    expect(check(ALL, { id: SELF.id, url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html' })).toMatchObject({ ok: false });
    expect(check(ALL, { id: SELF.id, url: `${SELF.origin.slice(0, -1)}x/popup.html` })).toMatchObject({ ok: false });
  });

  it.each([undefined, 'about:blank', 'file:///home/me/notes.html', 'data:text/html,hi', 'chrome://settings/'])('a sender at %s gets nothing', (url) => {
    expect(check(WRAP_SIMPLEPRACTICE, { id: SELF.id, url, tab: TAB, frameId: 0 })).toMatchObject({ ok: false });
  });

  it('a work page may wrap up and start an exception for its own site', () => {
    const sender = page('https://secure.simplepractice.com/clients/123/notes?x=1');
    expect(check(WRAP_SIMPLEPRACTICE, sender)).toEqual({ ok: true });
    expect(check(SIMPLEPRACTICE, sender)).toEqual({ ok: true });
    // TherapyNotes is a work site under /app/ only: the path decides, read and not kept.
    expect(check({ type: 'wrapUp', siteId: 'therapynotes' }, page('https://www.therapynotes.com/app/patients/9'))).toEqual({ ok: true });
  });

  it("a work page's guard may say it started there (it names no site and changes nothing else)", () => {
    expect(check(GUARDED, page('https://secure.simplepractice.com/clients/123/notes'))).toEqual({ ok: true });
    expect(check(GUARDED, page('https://www.therapynotes.com/app/patients/9'))).toEqual({ ok: true });
    expect(check(GUARDED, page('https://secure.simplepractice.com/clients/1', { frameId: 2 }))).toMatchObject({ ok: false });
    expect(check(GUARDED, page('https://www.example-news.org/story'))).toMatchObject({ ok: false, error: expect.stringMatching(/not a work site/) });
    // A work page reports its own use (the worker takes the site from it); a frame or another page cannot.
    expect(check(USAGE, page('https://secure.simplepractice.com/clients/123/notes'))).toEqual({ ok: true });
    expect(check(USAGE, page('https://secure.simplepractice.com/clients/1', { frameId: 2 }))).toMatchObject({ ok: false });
    expect(check(USAGE, page('https://www.example-news.org/story'))).toMatchObject({ ok: false, error: expect.stringMatching(/not a work site/) });
  });

  it.each([ALL, EHRS, JANE, WRAP_JANE, END_ALL, EXTEND, { type: 'endException', id: 'a1' } as Request])(
    'a work page may ask for nothing else: %j',
    (request) => {
      const result = check(request, page('https://secure.simplepractice.com/clients/123'));
      expect(result).toEqual({ ok: false, error: 'A page can only ask for its own site.' });
      // The refusal never repeats the page's address.
      expect(JSON.stringify(result)).not.toContain('clients');
    },
  );

  it('a frame inside a work page, or a page that is no work site, gets nothing', () => {
    expect(check(WRAP_SIMPLEPRACTICE, page('https://secure.simplepractice.com/clients/1', { frameId: 2 }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/own site.*frame/),
    });
    expect(check(WRAP_SIMPLEPRACTICE, page('https://www.example-news.org/story'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a work site/),
    });
    // TherapyNotes' public pages are not the app.
    expect(check({ type: 'wrapUp', siteId: 'therapynotes' }, page('https://www.therapynotes.com/pricing'))).toMatchObject({ ok: false });
    // A page of a site the clinician switched off is no work site either.
    expect(
      checkRequest(
        WRAP_SIMPLEPRACTICE,
        page('https://secure.simplepractice.com/'),
        SELF,
        SITES.filter((s) => s.id !== 'simplepractice'),
      ),
    ).toMatchObject({ ok: false });
  });
});
