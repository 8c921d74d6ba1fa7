import { describe, expect, it } from 'vitest';
import { createNotificationsMuteEffect, type NotificationSettingApi } from '@/entrypoints/background/notifications-mute';
import { mutedPatterns } from '@/utils/patterns';
import { hasNotificationControl } from '@/entrypoints/options/platform';
import { decide } from '@/utils/policy';
import { parseSettings, type Settings } from '@/utils/settings';
import { enabledSites } from '@/utils/sites';
import type { Exception } from '@/utils/types';
import { en } from './english';

const ZONE = 'America/New_York';
// Wednesday 2026-12-02: 20:00 in New York (off hours) and 10:00 (work hours).
const EVENING = Date.parse('2026-12-03T01:00:00Z');
const MORNING = Date.parse('2026-12-02T15:00:00Z');

function settingsWith(doc: object): Settings {
  const parsed = parseSettings(en, { format: 'clocked-out/settings', version: 1, ...doc });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.settings;
}
const muting = settingsWith({
  muteNotifications: true,
  sites: {
    custom: [
      { host: '*.clinic.example', category: 'email', action: 'allow' },
      { host: '10.0.0.7', category: 'ehr' },
    ],
  },
});

/** contentSettings.notifications as Chrome keeps it: the extension's own patterns. */
function fakeNotifications() {
  const blocked = new Set<string>();
  let calls = 0;
  const api: NotificationSettingApi = {
    async set({ primaryPattern }) {
      calls++;
      blocked.add(primaryPattern);
    },
    async clear() {
      calls++;
      blocked.clear();
    },
  };
  return {
    api,
    blocked,
    get calls() {
      return calls;
    },
  };
}

async function apply(effect: ReturnType<typeof createNotificationsMuteEffect>, settings: Settings, now: number, exceptions: Exception[] = []) {
  await effect(decide(settings, now, ZONE, { exceptions }), enabledSites(settings), { settings });
}

describe('do not disturb', () => {
  it('blocks the notifications of every work site the guard closes or dims after hours', async () => {
    const chrome = fakeNotifications();
    await apply(
      createNotificationsMuteEffect(() => chrome.api),
      muting,
      EVENING,
    );
    expect(chrome.blocked).toContain('https://*.secure.simplepractice.com/*');
    expect(chrome.blocked).toContain('https://*.secure.hushmail.com/*');
    expect(chrome.blocked).toContain('https://10.0.0.7/*');
    // Allowed after hours by the clinician's choice: left alone.
    expect(chrome.blocked).not.toContain('https://*.clinic.example/*');
    // Sites not switched on (Gmail) are no work site here.
    expect(chrome.blocked).not.toContain('https://*.mail.google.com/*');
  });

  it('clears them when work starts, leaving the browser its own settings', async () => {
    const chrome = fakeNotifications();
    const effect = createNotificationsMuteEffect(() => chrome.api);
    await apply(effect, muting, EVENING);
    await apply(effect, muting, MORNING);
    expect(chrome.blocked.size).toBe(0);
  });

  it('lets through the notifications of a site a crisis exception opens', async () => {
    const chrome = fakeNotifications();
    const crisis: Exception = {
      id: 'c',
      kind: 'crisis',
      scope: { type: 'site', siteId: 'simplepractice' },
      startedAt: EVENING - 60_000,
      endsAt: EVENING + 1_800_000,
    };
    await apply(
      createNotificationsMuteEffect(() => chrome.api),
      muting,
      EVENING,
      [crisis],
    );
    expect(chrome.blocked).not.toContain('https://*.secure.simplepractice.com/*');
    expect(chrome.blocked).toContain('https://*.secure.hushmail.com/*');
  });

  it('mutes nothing, and lifts what it muted, when the clinician switches it off', async () => {
    const chrome = fakeNotifications();
    const effect = createNotificationsMuteEffect(() => chrome.api);
    await apply(effect, muting, EVENING);
    await apply(effect, { ...muting, muteNotifications: false }, EVENING);
    expect(chrome.blocked.size).toBe(0);
  });

  it('does not touch the browser again while nothing changes', async () => {
    const chrome = fakeNotifications();
    const effect = createNotificationsMuteEffect(() => chrome.api);
    await apply(effect, muting, EVENING);
    const calls = chrome.calls;
    await apply(effect, muting, EVENING + 60_000);
    expect(chrome.calls).toBe(calls);
  });

  it('does nothing where the browser has no such API or the permission is not granted (Firefox)', async () => {
    await expect(
      apply(
        createNotificationsMuteEffect(() => undefined),
        muting,
        EVENING,
      ),
    ).resolves.toBeUndefined();
  });

  it('widens a path-scoped site to its host and a subdomain pattern to the bare host, https only', () => {
    const patterns = mutedPatterns(
      [
        { id: 'tn', name: 'TherapyNotes', category: 'ehr', hosts: ['www.therapynotes.com'], pathPrefix: '/app/' },
        { id: 'x', name: 'x', category: 'email', hosts: ['*.x.example'] },
      ],
      { tn: 'block', x: 'dim' },
    );
    expect(patterns).toEqual(['https://*.www.therapynotes.com/*', 'https://*.x.example/*']);
  });

  it('offers the switch only where the manifest can ask for the permission', () => {
    expect(hasNotificationControl({ optional_permissions: ['contentSettings'] })).toBe(true);
    expect(hasNotificationControl({ optional_permissions: [] })).toBe(false);
    expect(hasNotificationControl({})).toBe(false);
  });
});
