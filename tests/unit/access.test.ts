import { describe, expect, it, vi } from 'vitest';
import { createAccess, sitesWithoutAccess } from '@/entrypoints/background/access';
import { createBadge, unguardedTitle } from '@/entrypoints/background/badge';
import { siteAccessOrigins } from '@/utils/patterns';
import { decide } from '@/utils/policy';
import { defaultSettings } from '@/utils/settings';
import type { Site } from '@/utils/types';
import { fakeAction } from './fake-action';

const simplepractice: Site = { id: 'simplepractice', name: 'SimplePractice', category: 'ehr', hosts: ['secure.simplepractice.com'] };
const ecw: Site = { id: 'ecw', name: 'eClinicalWorks', category: 'ehr', hosts: ['*.eclinicalweb.com', '*.ecwcloud.com'], pathPrefix: '/mobiledoc/' };
const clinic: Site = { id: 'custom:ehr.clinic.org', name: 'ehr.clinic.org', category: 'ehr', hosts: ['ehr.clinic.org'] };
const ip: Site = { id: 'custom:10.0.0.5', name: '10.0.0.5', category: 'ehr', hosts: ['10.0.0.5'] };

/** `permissions.contains` over a set of granted origins: every origin asked must be granted. */
const grants = (granted: string[]) => async (origins: string[]) => origins.every((o) => granted.includes(o));

describe('siteAccessOrigins', () => {
  it('asks for each whole host, on the schemes the site is guarded on', () => {
    // Catalogue sites too are guarded over http (an old bookmark), so both schemes are needed.
    expect(siteAccessOrigins(simplepractice)).toEqual(['https://*.secure.simplepractice.com/*', 'http://*.secure.simplepractice.com/*']);
    // A path prefix narrows nothing the browser grants.
    expect(siteAccessOrigins(ecw)).toEqual([
      'https://*.eclinicalweb.com/*',
      'http://*.eclinicalweb.com/*',
      'https://*.ecwcloud.com/*',
      'http://*.ecwcloud.com/*',
    ]);
    // A www host is guarded on its bare domain as well.
    expect(siteAccessOrigins({ ...clinic, hosts: ['www.clinic.org'] })).toEqual([
      'https://*.www.clinic.org/*',
      'http://*.www.clinic.org/*',
      'https://clinic.org/*',
      'http://clinic.org/*',
    ]);
    expect(siteAccessOrigins(clinic)).toEqual(['https://*.ehr.clinic.org/*', 'http://*.ehr.clinic.org/*']);
    expect(siteAccessOrigins(ip)).toEqual(['https://10.0.0.5/*', 'http://10.0.0.5/*']);
  });
});

describe('sitesWithoutAccess', () => {
  it('names the sites whose origins are not all granted, in order', async () => {
    // https granted but not http: still not guarded (an http link would go through).
    const contains = grants([
      'https://*.secure.simplepractice.com/*',
      'http://*.secure.simplepractice.com/*',
      'https://*.eclinicalweb.com/*',
      'https://*.ehr.clinic.org/*',
    ]);
    expect((await sitesWithoutAccess([simplepractice, ecw, clinic], contains)).map((s) => s.id)).toEqual(['ecw', 'custom:ehr.clinic.org']);
  });

  it('counts a failing check as no access (fail closed)', async () => {
    expect(await sitesWithoutAccess([simplepractice], async () => Promise.reject(new Error('gone')))).toEqual([simplepractice]);
  });

  it('finds nothing when all is granted', async () => {
    expect(await sitesWithoutAccess([simplepractice], async () => true)).toEqual([]);
  });
});

describe('createAccess', () => {
  it('checks a refresh once for all its effects, and records the ids', async () => {
    const contains = vi.fn(async () => false);
    const access = createAccess({ contains });
    const sites = [simplepractice, clinic];
    const [a, b] = await Promise.all([access.check(sites), access.check(sites)]);
    expect(a).toBe(b);
    expect(contains).toHaveBeenCalledTimes(2);
    await access.effect(null, sites);
    expect(access.last()).toEqual(['simplepractice', 'custom:ehr.clinic.org']);
    contains.mockResolvedValue(true);
    // A new refresh passes a new list: checked again.
    await access.effect(null, [...sites]);
    expect(access.last()).toEqual([]);
  });
});

describe('the badge', () => {
  const NOW = Date.UTC(2026, 0, 5, 15);
  const decision = decide(defaultSettings(), NOW, 'UTC');
  const action = fakeAction;

  it('shows "!" and names the unguarded sites instead of the state', async () => {
    const a = action();
    const badge = createBadge(a, async () => [simplepractice, clinic]);
    await badge.effect(decision, [simplepractice, clinic], { now: NOW, timeZone: 'UTC', settings: defaultSettings() });
    expect(a.state).toEqual({
      text: '!',
      color: '#b91c1c',
      title: 'Clocked Out is not guarding: SimplePractice and ehr.clinic.org. Open Clocked Out to allow access.',
    });
  });

  it('shows the state when every site is guarded, and an announced notice after it', async () => {
    const a = action();
    const badge = createBadge(a, async () => []);
    await badge.effect(decision, [simplepractice], { now: NOW, timeZone: 'UTC', settings: defaultSettings() });
    expect(a.state.text).toBe('');
    expect(a.state.title).toMatch(/^Clocked Out — /);
    await badge.announce('Some settings were invalid.');
    expect(a.state.text).toBe('!');
    expect(a.state.title).toMatch(/^Clocked Out — .* — Some settings were invalid\.$/);
  });

  it('keeps the unguarded sites in the title when a notice is announced', async () => {
    const a = action();
    const badge = createBadge(a, async () => [simplepractice]);
    await badge.effect(decision, [simplepractice], { now: NOW, timeZone: 'UTC', settings: defaultSettings() });
    await badge.announce('Could not guard x.');
    expect(a.state.title).toBe(`${unguardedTitle(['SimplePractice'])} — Could not guard x.`);
  });
});
