#!/usr/bin/env node
/**
 * Size budgets of the built Chrome extension (`npm run budgets`, a step of .ci/run right after the
 * build): the worker, loaded at every wake-up; the page guard, injected into every work-site page
 * before its first frame; the package's code and assets; and its messages in three languages. Prints each figure against its budget and exits
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
   * The service worker's script (the manifest's `background.service_worker`), loaded at every
   * wake-up (ARCHITECTURE.md, "Where to change what": a size budget is over).
   */
  worker: 60 * 1024,
  /** The page guard (the manifest's content script). */
  guard: 25 * 1024,
  /** Every file of the package but its messages: the code, pages, styles, icons and data. */
  package: 350 * 1024,
  /**
   * The messages (`_locales/`): every word the extension says, in English, Spanish and Canadian
   * French, ~50 kB a language as the browser's i18n format needs it. Budgeted on their own so that
   * a fourth language is a decision, and code cannot grow into the room the words take.
   */
  locales: 160 * 1024,
};

const LOCALES = '_locales';

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
  const all = files(dir);
  const words = all.filter((path) => path.slice(dir.length + 1).startsWith(`${LOCALES}/`));
  const code = all.filter((path) => !words.includes(path));
  const total = (paths) => paths.reduce((sum, path) => sum + statSync(path).size, 0);
  const rows = [
    { name: 'worker', file: worker, bytes: size(worker), budget: BUDGETS.worker },
    { name: 'guard', file: guard, bytes: size(guard), budget: BUDGETS.guard },
    { name: 'package', file: `${code.length} files but ${LOCALES}/`, bytes: total(code), budget: BUDGETS.package },
    { name: 'locales', file: `${words.length} files in ${LOCALES}/`, bytes: total(words), budget: BUDGETS.locales },
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
