// The package `npm run zip` makes for the Chrome Web Store, unpacked and loaded as the store would
// load it: no signing key (a store refuses one), nothing made for the tests, and it guards.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_DIR, HOUR, launch, nextMinuteBoundary, settingsWith, workFrom, type Harness } from './harness';
import { untilBlocking } from './guard-helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOOK_MARKS = ['clockedOutTestHooks', '__CLOCKED_OUT_TEST_HOOKS__'];

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|html|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
const marked = (dir: string) => files(dir).filter((file) => HOOK_MARKS.some((mark) => readFileSync(file, 'utf8').includes(mark)));

/** Writes the zip's entries under `dir`. */
function unzipTo(zip: string, dir: string): void {
  for (const [name, data] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
}

describe('the Chrome Web Store package', () => {
  let out: string;
  let unpacked: string;
  let h: Harness | undefined;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'clocked-out-store-'));
    const env: NodeJS.ProcessEnv = { ...process.env, CLOCKED_OUT_OUT_DIR: out };
    delete env.CLOCKED_OUT_TEST_HOOKS;
    execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'zip', '--mode', 'store'], { cwd: ROOT, env, stdio: 'pipe' });
    const zips = readdirSync(out).filter((name) => name.endsWith('-chrome.zip'));
    expect(zips).toHaveLength(1);
    unpacked = join(out, 'unpacked');
    unzipTo(join(out, zips[0] ?? ''), unpacked);
  });
  afterAll(async () => {
    await h?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('carries no signing key and no test hooks, while the build the tests load has them', () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    // The name is the browser's message in its language (docs/ARCHITECTURE.md, "Languages"), English by default.
    expect(manifest).toMatchObject({ name: '__MSG_extName__', description: '__MSG_extDesc__', default_locale: 'en' });
    for (const lang of ['en', 'es', 'fr']) {
      const messages = JSON.parse(readFileSync(join(unpacked, `_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;
      expect(messages.extName?.message, lang).toBe('Clocked Out');
    }
    expect(manifest).not.toHaveProperty('key');
    expect(files(unpacked).some((file) => file.endsWith('background.js'))).toBe(true);
    expect(marked(unpacked)).toEqual([]);
    expect(marked(EXTENSION_DIR).map((file) => file.slice(EXTENSION_DIR.length + 1))).toContain('background.js');
  });

  test('loads and blocks a work site off hours, the site seeing no request', async () => {
    h = await launch({ extensionDir: unpacked });
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
    await untilBlocking(h, true);
    h.server.reset();
    const page = await h.context.newPage();
    await page.goto('https://secure.simplepractice.com/clients/1');
    expect(page.url().startsWith(h.extensionUrl('blocked.html'))).toBe(true);
    await expect.poll(() => page.locator('h1').textContent()).toContain('SimplePractice');
    expect(h.server.requests).toEqual([]);
  });
});
