// The store build carries nothing made for the tests: the worker's test hooks are compiled into the
// tests' own build only (entrypoints/background/test-hooks.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_DIR } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOOK_MARKS = ['clockedOut', '__CLOCKED_OUT_TEST_HOOKS__'];

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|html|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
const marked = (dir: string) => files(dir).filter((file) => HOOK_MARKS.some((mark) => readFileSync(file, 'utf8').includes(mark)));

describe('the store build', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'clocked-out-store-'));
    const env: NodeJS.ProcessEnv = { ...process.env, CLOCKED_OUT_OUT_DIR: out };
    delete env.CLOCKED_OUT_TEST_HOOKS;
    execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, env, stdio: 'pipe' });
  });
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('has no test hooks in any file, while the build the tests load has them', () => {
    expect(files(join(out, 'chrome-mv3')).some((file) => file.endsWith('background.js'))).toBe(true);
    expect(marked(join(out, 'chrome-mv3'))).toEqual([]);
    expect(marked(EXTENSION_DIR).map((file) => file.slice(EXTENSION_DIR.length + 1))).toEqual(['background.js']);
  });
});
