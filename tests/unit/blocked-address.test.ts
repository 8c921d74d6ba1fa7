import { describe, expect, it } from 'vitest';
import { catalogueName, isFramed, readBlockedAddress, withoutFragment } from '@/utils/blocked-address';

describe('the blocked page address', () => {
  it('reads the site and the whole original address, fragment included', () => {
    expect(readBlockedAddress('chrome-extension://x/blocked.html?site=jane#https://acme.janeapp.com/admin#/staff_member/3')).toEqual({
      siteId: 'jane',
      original: 'https://acme.janeapp.com/admin#/staff_member/3',
    });
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'not a url', ''])('refuses %j as a place to go back to', (hash) => {
    expect(readBlockedAddress(`chrome-extension://x/blocked.html?site=jane#${hash}`).original).toBeNull();
  });
});

describe('what the blocked page keeps of its address', () => {
  it('drops the fragment and keeps the site', () => {
    expect(withoutFragment('chrome-extension://x/blocked.html?site=simplepractice#https://secure.simplepractice.com/clients/4f1e?tab=notes#top')).toBe(
      'chrome-extension://x/blocked.html?site=simplepractice',
    );
  });

  it('names catalogue ids only, never text from the address', () => {
    expect(catalogueName('simplepractice')).toBe('SimplePractice');
    for (const id of ['<script>', 'Evil Corp', 'custom:foo.com', '', null]) expect(catalogueName(id)).toBeNull();
  });
});

describe('telling whether the page is framed', () => {
  const top = {} as Window;
  it('is not framed as a tab of its own', () => {
    const win = { frameElement: null } as unknown as Window & { self: Window; top: Window; parent: Window };
    Object.assign(win, { self: win, top: win, parent: win });
    expect(isFramed(win)).toBe(false);
  });

  it('is framed when top or parent is another window, even with no frame element (cross-origin)', () => {
    const win = { frameElement: null } as unknown as Window;
    expect(isFramed(Object.assign(win, { self: win, top, parent: top }))).toBe(true);
    const nested = { frameElement: null } as unknown as Window;
    expect(isFramed(Object.assign(nested, { self: nested, top: nested, parent: top }))).toBe(true);
  });

  it('counts a frame element, or a check that throws, as framed', () => {
    const win = { frameElement: {} } as unknown as Window;
    expect(isFramed(Object.assign(win, { self: win, top: win, parent: win }))).toBe(true);
    const throwing = {
      get top(): Window {
        throw new DOMException('Blocked', 'SecurityError');
      },
    } as unknown as Window;
    expect(isFramed(throwing)).toBe(true);
  });
});
