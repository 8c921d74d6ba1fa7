/**
 * Builds the Firefox extension once for the whole Firefox e2e run, as the Chromium e2e setup does
 * for Chrome: the store build with the test hooks compiled in, into the tests' own folder
 * (`E2E_SKIP_BUILD=1` skips it when the caller, CI for one, has just built it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEST_OUT_DIR } from '../e2e/global-setup';
import { FIREFOX_PATH } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MANIFEST = fileURLToPath(new URL(`../../${TEST_OUT_DIR}/firefox-mv3/manifest.json`, import.meta.url));

export default function setup(): void {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`no Firefox at ${FIREFOX_PATH}: apt-get install firefox-esr, or set FIREFOX_PATH`);
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const wxt = fileURLToPath(new URL('../../node_modules/wxt/bin/wxt.mjs', import.meta.url));
    try {
      execFileSync(process.execPath, [wxt, 'build', '-b', 'firefox'], {
        cwd: ROOT,
        stdio: 'pipe',
        encoding: 'utf8',
        env: { ...process.env, CLOCKED_OUT_TEST_HOOKS: '1', CLOCKED_OUT_OUT_DIR: TEST_OUT_DIR },
      });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`wxt build -b firefox failed:\n${stdout}${stderr}`, { cause: error });
    }
  }
  if (!existsSync(MANIFEST)) throw new Error(`no built extension at ${MANIFEST}: run \`npm run build:test:firefox\``);
}
