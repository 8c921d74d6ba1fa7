// Do not disturb in Chromium: work sites' notifications are blocked after hours through the real
// contentSettings API, and given back to the browser's own setting when work starts.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { untilGuard } from './guard-helpers';
import { alwaysWork, EXTENSION_DIR, launch, NON_WORK_HOST, neverWork, settingsWith, type Harness } from './harness';

const notificationSetting = (h: Harness, url: string) =>
  h.evalInWorker(async (chrome, primaryUrl) => (await chrome.contentSettings.notifications.get({ primaryUrl })).setting, url);

describe('do not disturb', () => {
  // The permission is optional and asked for with a click; a copy of the build holds it from install.
  let dir: string;
  let h: Harness;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clocked-out-dnd-'));
    await cp(EXTENSION_DIR, dir, { recursive: true });
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { permissions: string[]; optional_permissions?: string[] };
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify({ ...manifest, permissions: [...manifest.permissions, 'contentSettings'], optional_permissions: [] }),
    );
    h = await launch({ extensionDir: dir });
  });
  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('blocks work sites’ notifications after hours and gives them back when work starts', async () => {
    await h.setSettings(settingsWith({ week: neverWork(), muteNotifications: true }));
    await expect.poll(() => notificationSetting(h, 'https://secure.simplepractice.com/'), { timeout: 10_000 }).toBe('block');
    expect(await notificationSetting(h, 'https://app.sprucehealth.com/inbox')).toBe('block');
    expect(await notificationSetting(h, `https://${NON_WORK_HOST}/`)).toBe('ask');

    await h.setSettings(settingsWith({ week: alwaysWork(), muteNotifications: true }));
    await expect.poll(() => notificationSetting(h, 'https://secure.simplepractice.com/'), { timeout: 10_000 }).toBe('ask');
  });

  test('leaves notifications alone when the clinician has not switched it on', async () => {
    await h.setSettings(settingsWith({ week: neverWork(), muteNotifications: false }));
    await untilGuard(h, (s) => (s.settings as { muteNotifications: boolean; week: { mon: unknown[] } }).week.mon.length === 0, 10_000);
    expect(await notificationSetting(h, 'https://secure.simplepractice.com/')).toBe('ask');
  });
});

test('without the permission the guard runs as before', async () => {
  const h = await launch();
  try {
    await h.setSettings(settingsWith({ week: neverWork(), muteNotifications: true }));
    await untilGuard(h, (s) => (s.settings as { muteNotifications: boolean }).muteNotifications, 10_000);
    expect((await h.getLocal<{ notice: string | null }>('guard'))?.notice).toBeNull();
  } finally {
    await h.close();
  }
});
