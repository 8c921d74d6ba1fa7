// A group practice's policy in real Firefox: the README's policies.json, read by Firefox from its
// installation's `distribution` folder, reaches the extension as managed storage, and the guard
// and the options page follow it over the clinician's own settings.
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Settings } from '../../utils/settings';
import { alwaysWork, FIREFOX_PATH, hrefOf, launch, neverWork, settingsWith, systemTimeZone, type Harness } from './harness';
import { untilBlocking, untilGuard } from './guard-helpers';

/** Machine-wide policy on Linux. Firefox reads it instead of the installation's own file when it exists. */
const MACHINE_POLICIES = '/etc/firefox/policies/policies.json';

interface PoliciesFile {
  policies: { '3rdparty': { Extensions: Record<string, unknown> } };
}

/** The Firefox `policies.json` exactly as the README prints it. */
function readmePolicies(): PoliciesFile {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('**Firefox** — a `policies.json` file'));
  const block = /```json\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("no policies.json in the README's Firefox section");
  return JSON.parse(block) as PoliciesFile;
}

/**
 * A private Firefox installation with a `distribution/policies.json` of its own: the program
 * copied (Firefox finds its folder from /proc/self/exe, which resolves links), everything else
 * linked to the real installation. Written machine-wide instead, a policy would reach every
 * Firefox on the machine, other tests' running at the same time included.
 */
async function installationWithPolicies(policies: PoliciesFile): Promise<{ executable: string; dir: string }> {
  if (existsSync(MACHINE_POLICIES)) throw new Error(`${MACHINE_POLICIES} exists: Firefox would read it instead of the test's own policy`);
  const program = await realpath(FIREFOX_PATH);
  const installation = dirname(program);
  const dir = await mkdtemp(join(tmpdir(), 'clocked-out-firefox-policy-'));
  for (const name of await readdir(installation)) {
    if (name === 'distribution' || name === basename(program)) continue;
    await symlink(join(installation, name), join(dir, name));
  }
  const executable = join(dir, basename(program));
  await copyFile(program, executable);
  await mkdir(join(dir, 'distribution'));
  await writeFile(join(dir, 'distribution', 'policies.json'), JSON.stringify(policies));
  return { executable, dir };
}

const policiesFor = (id: string, policy: Record<string, unknown>): PoliciesFile => ({ policies: { '3rdparty': { Extensions: { [id]: policy } } } });

describe("the README's policies.json in Firefox", () => {
  const file = readmePolicies();
  let dir: string | undefined;
  let h: Harness;
  beforeAll(async () => {
    const installation = await installationWithPolicies(file);
    dir = installation.dir;
    h = await launch({ executablePath: installation.executable });
  });
  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("names the add-on's id, and reaches the extension as its managed storage", async () => {
    expect(Object.keys(file.policies['3rdparty'].Extensions)).toEqual([h.extensionId]);
    const managed = await h.evalInExtension((b) => b.storage.managed.get(null));
    expect(managed).toEqual(file.policies['3rdparty'].Extensions[h.extensionId]);
  });

  test('its fields show on the options page as "Set by your practice", and cannot be edited', async () => {
    const page = await h.openExtensionPage('options.html');
    await expect.poll(() => page.evaluate(() => document.body.innerText.split('Set by your practice').length - 1)).toBeGreaterThan(0);
    const monday = (await page.waitForSelector('::-p-aria(Monday, from)')) as ElementHandle<HTMLInputElement> | null;
    if (!monday) throw new Error('no "Monday, from" field');
    // 09:00 as the browser's language writes it (the policy leaves the clock to the language: en-US here).
    const [value, disabled] = await monday.evaluate((el) => [el.value, el.matches(':disabled')] as const);
    expect(value).toMatch(/^(09:00|9:00\sAM)$/);
    expect(disabled).toBe(true);
    // What the practice left alone stays the clinician's to change.
    const length = (await page.waitForSelector('::-p-aria(Crisis exception length)')) as ElementHandle<HTMLInputElement> | null;
    expect(await length?.evaluate((el) => el.matches(':disabled'))).toBe(false);
    await page.close();
  });
});

describe("a practice's week and actions in Firefox", () => {
  let dir: string | undefined;
  let h: Harness;
  const policy = { timeZone: systemTimeZone(), week: neverWork(), actions: { email: 'block' } };
  beforeAll(async () => {
    const installation = await installationWithPolicies(policiesFor('clocked-out@clocked-out.app', policy));
    dir = installation.dir;
    h = await launch({ executablePath: installation.executable });
  });
  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the guard follows them when the clinician works all week and dims email', async () => {
    await h.setSettings(settingsWith({ week: alwaysWork(), actions: { email: 'dim' } }));
    await untilGuard(h, (snapshot) => {
      const { week, actions } = snapshot.settings as Settings;
      return week.mon.length === 0 && actions.email === 'block';
    });
    await untilBlocking(h, true);
    h.server.reset();
    for (const [host, name] of [
      ['secure.simplepractice.com', 'SimplePractice'],
      ['secure.hushmail.com', 'Hushmail'],
    ] as const) {
      const page = await h.openPage(`https://${host}/inbox`);
      expect(await hrefOf(page)).toContain(h.extensionUrl('blocked.html'));
      await expect.poll(() => page.evaluate(() => document.querySelector('h1')?.textContent)).toContain(name);
      expect(h.server.count(host)).toBe(0);
      await page.close();
    }
  });
});
