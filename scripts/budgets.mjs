#!/usr/bin/env node
/**
 * Size budgets of the built Chrome extension (`npm run budgets`, a step of .ci/run right after the
 * build): the worker, loaded at every wake-up; the page guard, injected into every work-site page
 * before its first frame; and the whole package. Prints each figure against its budget and exits
 * 1 when one is over. A kB here is 1024 bytes (KiB), the unit of the figures the budgets were set
 * from (the 337 kB worker of the issue was 345,220 bytes); `wxt build` prints thousands.
 *
 *   node scripts/budgets.mjs [dir]   (default: $CLOCKED_OUT_OUT_DIR/chrome-mv3, else .output/chrome-mv3)
 *
 * docs/ARCHITECTURE.md, "Who may import whom", says what keeps the worker and the guard small.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUDGETS = {
  /**
   * The service worker's script (the manifest's `background.service_worker`). The target is 60 kB;
   * the re-guard of open tabs after an update, the welcome guide and the clinician's clock took the worker to 62.0 kB, so CI holds it at 62 kB
   * until that is won back (ARCHITECTURE.md, "Where to change what": a size budget is over).
   */
  worker: 62 * 1024,
  /** The page guard (the manifest's content script). */
  guard: 25 * 1024,
  /** Every file of the package. */
  package: 350 * 1024,
};

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Each budgeted figure of the build in `dir`: `{ name, file, bytes, budget, ok }`. */
export function measure(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const worker = manifest.background?.service_worker;
  const guard = manifest.content_scripts?.[0]?.js?.[0];
  if (!worker) throw new Error(`${dir}/manifest.json names no background.service_worker`);
  if (!guard) throw new Error(`${dir}/manifest.json names no content script`);
  const size = (file) => statSync(join(dir, file)).size;
  const rows = [
    { name: 'worker', file: worker, bytes: size(worker), budget: BUDGETS.worker },
    { name: 'guard', file: guard, bytes: size(guard), budget: BUDGETS.guard },
    { name: 'package', file: `${files(dir).length} files`, bytes: files(dir).reduce((sum, path) => sum + statSync(path).size, 0), budget: BUDGETS.package },
  ];
  return rows.map((row) => ({ ...row, ok: row.bytes <= row.budget }));
}

const kB = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;

/** Prints the figures; returns the process's exit code. */
export function report(dir, log = console.log) {
  let rows;
  try {
    rows = measure(dir);
  } catch (error) {
    log(`budgets: cannot read the build in ${dir} (${error instanceof Error ? error.message : String(error)}); run \`wxt build\` first`);
    return 1;
  }
  for (const row of rows) {
    const verdict = row.ok ? 'ok' : `OVER by ${kB(row.bytes - row.budget)}`;
    log(`${row.name.padEnd(8)} ${kB(row.bytes).padStart(10)} of ${kB(row.budget).padStart(10)}  ${verdict}  (${row.file})`);
  }
  const over = rows.filter((row) => !row.ok).map((row) => row.name);
  log(over.length ? `budgets: over for ${over.join(', ')}` : 'budgets: all within');
  return over.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? join(process.env.CLOCKED_OUT_OUT_DIR ?? '.output', 'chrome-mv3');
  process.exitCode = report(dir);
}
