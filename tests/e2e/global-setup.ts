/**
 * Builds the extension once for the whole e2e run (`E2E_SKIP_BUILD=1` skips it when the caller, CI
 * for one, has just built it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MANIFEST = fileURLToPath(new URL(`../../${process.env.CLOCKED_OUT_OUT_DIR ?? '.output'}/chrome-mv3/manifest.json`, import.meta.url));

export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    // The local wxt binary, run by the same node as vitest.
    const wxt = fileURLToPath(new URL('../../node_modules/wxt/bin/wxt.mjs', import.meta.url));
    try {
      execFileSync(process.execPath, [wxt, 'build'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`wxt build failed:\n${stdout}${stderr}`, { cause: error });
    }
  }
  if (!existsSync(MANIFEST)) throw new Error(`no built extension at ${MANIFEST}: run \`npx wxt build\``);
}
