import { describe, expect, it } from 'vitest';
import { parseRequest } from '@/utils/messages';

describe('a runtime message', () => {
  it.each([
    { type: 'startException', scope: { type: 'all' }, minutes: 30 },
    { type: 'startException', scope: { type: 'category', category: 'telehealth' }, minutes: 15 },
    { type: 'startException', scope: { type: 'site', siteId: 'custom:ehr.example.org' }, minutes: 1 },
    { type: 'startException', scope: { type: 'all' }, minutes: 24 * 60 },
    { type: 'wrapUp', siteId: 'simplepractice' },
    { type: 'endException' },
    { type: 'endException', id: 'a1b2' },
    { type: 'extendException', id: 'a1b2', minutes: 15 },
    { type: 'refresh' },
    { type: 'usage', at: 1_780_000_000_000, minutes: 0.25 },
    { type: 'usage', at: 1_780_000_000_000, minutes: 24 * 60 },
  ])('is taken as a request when it is well formed: %j', (message) => {
    expect(parseRequest(message)).toEqual({ ok: true, request: message });
  });

  it('loses fields the protocol does not have', () => {
    expect(parseRequest({ type: 'wrapUp', siteId: 'jane', url: 'https://acme.janeapp.com/clients/7' })).toEqual({
      ok: true,
      request: { type: 'wrapUp', siteId: 'jane' },
    });
    expect(parseRequest({ type: 'refresh', title: 'Notes — client 7' })).toEqual({ ok: true, request: { type: 'refresh' } });
    // A usage report carries nothing but whether the page is in the foreground: an address sent with it is dropped.
    expect(parseRequest({ type: 'usage', at: 5, minutes: 2, url: 'https://acme.janeapp.com/clients/7', title: 'Jane Doe' })).toEqual({
      ok: true,
      request: { type: 'usage', at: 5, minutes: 2 },
    });
    expect(parseRequest({ type: 'usage', at: 5, minutes: 0 })).toEqual({
      ok: false,
      error: 'Refused "usage": minutes is not 0 to 24 hours.',
    });
  });

  it.each([undefined, null, 'startException', 42, [], {}, { kind: 'startException' }, { type: 'somethingElse' }, { type: 7 }])(
    'is left alone when it is not one of ours at all: %j',
    (message) => {
      expect(parseRequest(message)).toBeNull();
    },
  );

  it.each([
    [{ type: 'startException', minutes: 30 }, 'scope is missing'],
    [{ type: 'startException', scope: 'all', minutes: 30 }, 'scope: "all" is not a scope'],
    [{ type: 'startException', scope: { type: 'everything' }, minutes: 30 }, 'scope.type: "everything" is not a scope type (all, category or site)'],
    [
      { type: 'startException', scope: { type: 'category', category: 'billing' }, minutes: 30 },
      'scope.category: "billing" is not a category (ehr, practice, telehealth, email)',
    ],
    [{ type: 'startException', scope: { type: 'site' }, minutes: 30 }, 'scope.siteId is missing'],
    [{ type: 'startException', scope: { type: 'site', siteId: 'x'.repeat(301) }, minutes: 30 }, 'scope.siteId is longer than 300 characters'],
    [{ type: 'startException', scope: { type: 'all' } }, 'minutes is missing'],
    [{ type: 'startException', scope: { type: 'all' }, minutes: '30' }, 'minutes: "30" is not a number of minutes'],
    [{ type: 'startException', scope: { type: 'all' }, minutes: 0 }, 'minutes: 0 is not a whole number of minutes from 1 to 1440 (24 hours)'],
    [{ type: 'startException', scope: { type: 'all' }, minutes: 0.1 }, 'minutes: 0.1 is not a whole number of minutes'],
    [{ type: 'startException', scope: { type: 'all' }, minutes: -5 }, 'minutes: -5 is not a whole number of minutes'],
    [{ type: 'startException', scope: { type: 'all' }, minutes: 24 * 60 + 1 }, 'minutes: 1441 is not a whole number of minutes from 1 to 1440'],
    [{ type: 'startException', scope: { type: 'all' }, minutes: Number.NaN }, 'minutes: NaN is not a number of minutes'],
    [{ type: 'startException', scope: { type: 'all' }, minutes: Number.POSITIVE_INFINITY }, 'minutes: Infinity is not a whole number of minutes'],
    [{ type: 'wrapUp' }, 'siteId is missing'],
    [{ type: 'wrapUp', siteId: '' }, 'siteId is empty'],
    [{ type: 'wrapUp', siteId: { id: 'jane' } }, 'siteId: {"id":"jane"} is not a site id'],
    // An empty id must not mean "end every exception".
    [{ type: 'endException', id: '' }, 'id is empty'],
    [{ type: 'endException', id: 'x'.repeat(101) }, 'id is longer than 100 characters'],
    [{ type: 'extendException', minutes: 15 }, 'id is missing'],
    [{ type: 'extendException', id: 'a1', minutes: 0 }, 'minutes: 0 is not a whole number of minutes'],
  ])('is refused with a message naming the bad field: %j', (message, error) => {
    const parsed = parseRequest(message);
    expect(parsed).toMatchObject({ ok: false });
    expect(parsed?.ok === false && parsed.error).toContain(error);
    expect(parsed?.ok === false && parsed.error).toMatch(new RegExp(`^Refused "${message.type}": `));
  });

  it('names every bad field at once, and quotes long input only in part', () => {
    const parsed = parseRequest({ type: 'startException', scope: { type: 'site', siteId: 7 }, minutes: 'x'.repeat(500) });
    expect(parsed).toMatchObject({ ok: false, error: expect.stringContaining('scope.siteId: 7 is not a site id; minutes: "xxxx') });
    expect(parsed?.ok === false && parsed.error.length).toBeLessThan(200);
  });
});
