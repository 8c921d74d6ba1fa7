import { describe, expect, it } from 'vitest';
import { readBlockedAddress } from '@/entrypoints/blocked/address';

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
