/**
 * Builds the extension once for the whole e2e run, as `npm run build:test` does: the store build
 * with the test hooks compiled in, into its own folder (`E2E_SKIP_BUILD=1` skips it when the
 * caller, CI for one, has just built it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the tests' build lives: never the store build's folder. */
export const TEST_OUT_DIR = process.env.CLOCKED_OUT_OUT_DIR ?? '.output-test';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MANIFEST = fileURLToPath(new URL(`../../${TEST_OUT_DIR}/chrome-mv3/manifest.json`, import.meta.url));

export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    // The local wxt binary, run by the same node as vitest.
    const wxt = fileURLToPath(new URL('../../node_modules/wxt/bin/wxt.mjs', import.meta.url));
    try {
      execFileSync(process.execPath, [wxt, 'build'], {
        cwd: ROOT,
        stdio: 'pipe',
        encoding: 'utf8',
        env: { ...process.env, CLOCKED_OUT_TEST_HOOKS: '1', CLOCKED_OUT_OUT_DIR: TEST_OUT_DIR },
      });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`wxt build failed:\n${stdout}${stderr}`, { cause: error });
    }
  }
  if (!existsSync(MANIFEST)) throw new Error(`no built extension at ${MANIFEST}: run \`npm run build:test\``);
}
