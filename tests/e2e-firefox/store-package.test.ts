// The package `npm run zip:firefox` makes for Firefox Add-ons, with the sources archive its
// reviewers rebuild from (BUILDING.md): installed in real Firefox as it is, the zip itself, it guards.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { navigate, type Harness } from './harness';
import { launchClockedOut } from './guard-helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function unzipTo(zip: string, dir: string): string[] {
  const entries = Object.entries(unzipSync(readFileSync(zip))).filter(([name]) => !name.endsWith('/'));
  for (const [name, data] of entries) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return entries.map(([name]) => name);
}

describe('the Firefox Add-ons package', () => {
  let out: string;
  let pkg: string;
  let unpacked: string;
  let sources: string[];
  let h: Harness | undefined;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'clocked-out-amo-'));
    const env: NodeJS.ProcessEnv = { ...process.env, CLOCKED_OUT_OUT_DIR: out };
    delete env.CLOCKED_OUT_TEST_HOOKS;
    execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'zip', '-b', 'firefox', '--mode', 'store'], { cwd: ROOT, env, stdio: 'pipe' });
    const zip = (suffix: string) => join(out, readdirSync(out).find((name) => name.endsWith(suffix)) ?? `missing${suffix}`);
    pkg = zip('-firefox.zip');
    unpacked = join(out, 'unpacked');
    unzipTo(pkg, unpacked);
    sources = unzipTo(zip('-sources.zip'), join(out, 'sources'));
  });
  afterAll(async () => {
    await h?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('comes with the sources a reviewer rebuilds it from, and no build output or test hooks', () => {
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'BUILDING.md', 'entrypoints/background/index.ts']));
    expect(sources.filter((name) => /^(\.output|node_modules|\.wxt)\//.test(name))).toEqual([]);
    const worker = readFileSync(join(unpacked, 'background.js'), 'utf8');
    expect(worker).not.toContain('clockedOutTestHooks');
  });

  test('installs as it is, as "Load Temporary Add-on…" takes it, and blocks a work site off hours, the site seeing no request', async () => {
    h = await launchClockedOut({ extensionDir: pkg });
    h.server.reset();
    const page = await h.browser.newPage();
    expect(await navigate(page, 'https://secure.simplepractice.com/clients/1')).toContain(h.extensionUrl('blocked.html'));
    await expect.poll(() => page.evaluate(() => document.querySelector('h1')?.textContent)).toContain('SimplePractice');
    expect(h.server.count('secure.simplepractice.com')).toBe(0);
  });
});
