// A group practice's policy in a real browser: Chromium reads it from its managed-policy folder for
// the extension's id, and its fields win over the clinician's own settings.
import { generateKeyPairSync } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Settings } from '../../utils/settings';
import type { SettingsState } from '../../stores/storage';
import { redirectRules, untilBlocking, untilGuard } from './guard-helpers';
import { alwaysWork, EXTENSION_DIR, launch, neverWork, systemTimeZone, type Harness } from './harness';
import { unpackedExtensionId } from './worker-control';

/** The id every build has, from the manifest `key` (wxt.config.ts); the README's example policy names it. */
const FIXED_ID = 'lnaobndofpfmapndeaaeamcbifpkgleg';
/** Where Debian's Chromium reads machine policy on Linux (Google Chrome: /etc/opt/chrome/policies/managed). */
const POLICY_DIR = '/etc/chromium/policies/managed';

const readSettingsState = (h: Harness) =>
  h.evalInWorker(() =>
    (globalThis as unknown as { clockedOutTestHooks: { readSettingsState(): Promise<SettingsState> } }).clockedOutTestHooks.readSettingsState(),
  );

test('every build has the fixed extension id that a policy names', async () => {
  expect(unpackedExtensionId(EXTENSION_DIR)).toBe(FIXED_ID);
  const h = await launch();
  try {
    expect(h.extensionId).toBe(FIXED_ID);
  } finally {
    await h.close();
  }
});

describe('a managed policy', () => {
  // Machine policy reaches every Chromium on the machine, and others run these tests at the same
  // time: the policy names a copy of the build signed with a key of this run's own, so that only
  // this browser gets it.
  let dir: string;
  let policyFile: string;
  let h: Harness;
  const policy = { timeZone: systemTimeZone(), week: neverWork(), actions: { ehr: 'block', email: 'mute' } };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clocked-out-policy-'));
    await cp(EXTENSION_DIR, dir, { recursive: true });
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const { publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key: publicKey.toString('base64') }));
    const id = unpackedExtensionId(dir);
    policyFile = join(POLICY_DIR, `clocked-out-test-${id}.json`);
    // No skipping: CI runs as root, and a test that cannot place its policy must say so.
    try {
      await mkdir(POLICY_DIR, { recursive: true });
      await writeFile(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
    } catch (error) {
      throw new Error(`cannot write the test policy to ${POLICY_DIR} (run as root): ${String(error)}`, { cause: error });
    }
    h = await launch({ extensionDir: dir });
    expect(h.extensionId).toBe(id);
  });
  afterAll(async () => {
    await h?.close();
    if (policyFile) await rm(policyFile, { force: true });
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("reaches the extension through the browser's managed storage", async () => {
    const managed = await h.evalInWorker((chrome) => chrome.storage.managed.get(null));
    expect(managed).toEqual(policy);
  });

  test("makes the guard follow the practice's week when the clinician's settings say otherwise", async () => {
    await h.setSettings({
      format: 'clocked-out/settings',
      version: 1,
      timeZone: systemTimeZone(),
      week: alwaysWork(),
      windDownMinutes: 0,
      actions: { telehealth: 'block' },
    });
    // The practice's week, and the clinician's own choice where the practice set nothing.
    await untilGuard(
      h,
      (snapshot) => {
        const { week, actions } = snapshot.settings as Settings;
        return week.mon.length === 0 && actions.telehealth === 'block';
      },
      10_000,
    );
    await untilBlocking(h, true);
    expect(await redirectRules(h)).toBeGreaterThan(0);
    const page = await h.openPage('https://secure.simplepractice.com/calendar');
    expect(page.url()).toContain(h.extensionUrl('blocked.html'));
    expect(h.server.count('secure.simplepractice.com')).toBe(0);
    await page.close();
  });

  test('is followed when the practice changes it while the browser runs', async () => {
    const id = h.extensionId;
    await writeFile(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: { ...policy, week: alwaysWork() } } } }));
    // Chromium notices a changed policy file after a settling delay (about five seconds here).
    await untilBlocking(h, false, 30_000);
    await writeFile(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
    await untilBlocking(h, true, 30_000);
  });

  test('reports what the practice set as locked, and ignores its invalid field with a notice', async () => {
    const state = await readSettingsState(h);
    expect(state.locked).toEqual(['actions.ehr', 'timeZone', 'week']);
    expect(state.settings.week).toEqual(neverWork());
    expect(state.settings.actions).toEqual({ ehr: 'block', practice: 'block', telehealth: 'block', email: 'dim' });
    expect(state.notice).toBe(
      `Your practice's policy has settings that could not be used, and yours apply for them: actions.email: "mute" is not an action (block, dim or allow).`,
    );
  });

  test('shows what the practice set on the options page as "Set by your practice", and it cannot be edited', async () => {
    await h.setSettings({ format: 'clocked-out/settings', version: 1, week: { mon: [['09:00', '17:00']] } });
    const page = await h.openPage(h.extensionUrl('options.html'));
    await expect.poll(() => page.getByText('Set by your practice').count()).toBeGreaterThan(0);
    // The practice set no work at all this week: there are no hours to edit, and none can be added.
    expect(await page.getByLabel('Monday, from').count()).toBe(0);
    const add = page.getByRole('button', { name: /add hours/i }).first();
    expect(await add.isDisabled()).toBe(true);
    // What the practice left alone stays the clinician's to change.
    expect(await page.getByLabel('Crisis exception length').isDisabled()).toBe(false);
    await page.close();
  });
});
