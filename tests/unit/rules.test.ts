import { describe, expect, it } from 'vitest';
import { buildRules, hostRegex, openingRules } from '@/utils/rules';
import type { Site } from '@/utils/types';

const BLOCKED = 'chrome-extension://abc/blocked.html';
const simplepractice: Site = { id: 'simplepractice', name: 'SimplePractice', category: 'ehr', hosts: ['secure.simplepractice.com'] };
const jane: Site = { id: 'jane', name: 'Jane', category: 'ehr', hosts: ['*.janeapp.com'] };
const janeVideo: Site = { id: 'jane-video', name: 'Jane video', category: 'telehealth', hosts: ['videochat.janeapp.com'] };
const therapynotes: Site = { id: 'therapynotes', name: 'TherapyNotes', category: 'ehr', hosts: ['www.therapynotes.com'], pathPrefix: '/app/' };

/**
 * What the browser would do with a top-level navigation, given the rules of every set: the highest
 * priority wins, and at an equal one `allow` wins over a redirect (as Chrome and Firefox document).
 */
function outcome(rules: ReturnType<typeof buildRules>, url: string): string {
  const rank = (rule: (typeof rules)[number]) => rule.priority * 2 + (rule.action.type === 'allow' ? 1 : 0);
  const hits = rules.filter((rule) => new RegExp(rule.condition.regexFilter).test(url)).sort((a, b) => rank(b) - rank(a));
  const top = hits[0];
  if (!top) return 'load';
  if (top.action.type === 'allow') return 'load';
  return url.replace(new RegExp(top.condition.regexFilter), top.action.redirect.regexSubstitution.replace('\\1', '$1'));
}

describe('host regexes', () => {
  it.each([
    ['secure.simplepractice.com', undefined, 'https://secure.simplepractice.com/clients/abc', true],
    ['secure.simplepractice.com', undefined, 'https://secure.simplepractice.com', true],
    ['secure.simplepractice.com', undefined, 'https://eu.secure.simplepractice.com/x', true],
    ['secure.simplepractice.com', undefined, 'https://secure.simplepractice.com:8443/x?y#z', true],
    ['secure.simplepractice.com', undefined, 'https://notsecure.simplepractice.com/', false],
    ['secure.simplepractice.com', undefined, 'https://secure.simplepractice.com.evil.org/', false],
    ['secure.simplepractice.com', undefined, 'https://evil.org/?u=secure.simplepractice.com', false],
    ['*.janeapp.com', undefined, 'https://acme.janeapp.com/#/staff_member/3', true],
    ['*.janeapp.com', undefined, 'https://janeapp.com/', false],
    ['www.therapynotes.com', '/app/', 'https://www.therapynotes.com/app/patients/1', true],
    ['www.therapynotes.com', '/app/', 'https://www.therapynotes.com/pricing/', false],
    ['www.therapynotes.com', '/app/', 'https://www.therapynotes.com/', false],
    // Every spelling that reaches the host: http, user info, trailing dot, ports, www-less, doubled slashes.
    ['secure.simplepractice.com', undefined, 'http://secure.simplepractice.com/clients/abc', true],
    ['secure.simplepractice.com', undefined, 'https://x@secure.simplepractice.com/', true],
    ['secure.simplepractice.com', undefined, 'https://x:y@secure.simplepractice.com:443/', true],
    ['secure.simplepractice.com', undefined, 'https://secure.simplepractice.com./clients', true],
    ['secure.simplepractice.com', undefined, 'http://secure.simplepractice.com:80/', true],
    ['secure.simplepractice.com', undefined, 'https://evil.org/@secure.simplepractice.com/', false],
    ['secure.simplepractice.com', undefined, 'https://secure.simplepractice.com@evil.org/', false],
    ['*.janeapp.com', undefined, 'http://acme.janeapp.com./admin', true],
    ['www.therapynotes.com', '/app/', 'https://therapynotes.com/app/patients/1', true],
    ['www.therapynotes.com', '/app/', 'http://therapynotes.com//app/patients/1', true],
    ['www.therapynotes.com', '/app/', 'https://support.therapynotes.com/app/', false],
    ['www.therapynotes.com', '/app/', 'https://therapynotes.com/pricing/', false],
    ['www.claim.md', undefined, 'https://claim.md/login', true],
  ])('%s%s on %s matches: %s', (pattern, prefix, url, expected) => {
    expect(new RegExp(hostRegex(pattern, prefix)).test(url)).toBe(expected);
  });
});

describe('buildRules', () => {
  it('writes no rules at all in work hours', () => {
    expect(buildRules([simplepractice, jane], { simplepractice: 'allow', jane: 'allow' }, BLOCKED)).toEqual([]);
  });

  it('sends a blocked site to the blocked page with the site id and the original address in the fragment', () => {
    const rules = buildRules([simplepractice], { simplepractice: 'block' }, BLOCKED);
    expect(outcome(rules, 'https://secure.simplepractice.com/clients/1f2e?tab=notes#top')).toBe(
      `${BLOCKED}?site=simplepractice#https://secure.simplepractice.com/clients/1f2e?tab=notes#top`,
    );
  });

  it('lets a more specific site that is dimmed through a broader blocked one', () => {
    const rules = buildRules([jane, janeVideo], { jane: 'block', 'jane-video': 'dim' }, BLOCKED);
    expect(outcome(rules, 'https://videochat.janeapp.com/room/1')).toBe('load');
    expect(outcome(rules, 'https://acme.janeapp.com/admin')).toContain('blocked.html?site=jane#');
  });

  it('blocks a more specific site even when the broader one is open', () => {
    const rules = buildRules([jane, janeVideo], { jane: 'allow', 'jane-video': 'block' }, BLOCKED);
    expect(outcome(rules, 'https://videochat.janeapp.com/room/1')).toContain('site=jane-video');
    expect(outcome(rules, 'https://acme.janeapp.com/admin')).toBe('load');
  });

  it('leaves the public pages of a host with an app path alone', () => {
    const rules = buildRules([therapynotes], { therapynotes: 'block' }, BLOCKED);
    expect(outcome(rules, 'https://www.therapynotes.com/')).toBe('load');
    expect(outcome(rules, 'https://www.therapynotes.com/app/')).toContain('site=therapynotes');
  });

  it('gives every rule a distinct id and only targets top-level navigations', () => {
    const rules = buildRules([simplepractice, jane, therapynotes], { simplepractice: 'block', jane: 'dim', therapynotes: 'block' }, BLOCKED);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(rules.every((r) => r.condition.resourceTypes.join() === 'main_frame')).toBe(true);
  });
});

describe('openingRules (the session rules over the closed set)', () => {
  const sites = [simplepractice, jane, janeVideo, therapynotes];
  const closed = { simplepractice: 'block', jane: 'block', 'jane-video': 'block', therapynotes: 'dim' } as const;
  const closedSet = buildRules(sites, closed, BLOCKED);
  const URLS = ['https://secure.simplepractice.com/clients/1', 'https://acme.janeapp.com/admin', 'https://videochat.janeapp.com/room/1'];

  it('opens every blocked site in working hours, with nothing for a site that is never blocked', () => {
    const open = openingRules(sites, closed, { simplepractice: 'allow', jane: 'allow', 'jane-video': 'allow', therapynotes: 'allow' });
    for (const url of URLS) expect(outcome([...closedSet, ...open], url)).toBe('load');
    expect(open.some((r) => r.condition.regexFilter.includes('therapynotes'))).toBe(false);
    expect(open.every((r) => r.action.type === 'allow')).toBe(true);
  });

  it('without the session rules (a browser just started) every blocked site is turned away', () => {
    for (const url of URLS) expect(outcome(closedSet, url)).toContain('blocked.html?site=');
  });

  it('opens only the site an exception is for; a more specific closed site keeps its redirect under a broader open one', () => {
    const open = openingRules(sites, closed, { simplepractice: 'block', jane: 'allow', 'jane-video': 'block', therapynotes: 'dim' });
    expect(outcome([...closedSet, ...open], 'https://acme.janeapp.com/admin')).toBe('load');
    expect(outcome([...closedSet, ...open], 'https://videochat.janeapp.com/room/1')).toContain('site=jane-video');
    expect(outcome([...closedSet, ...open], 'https://secure.simplepractice.com/clients/1')).toContain('site=simplepractice');
  });

  it('opens nothing after hours', () => {
    expect(openingRules(sites, closed, closed)).toEqual([]);
  });
});
