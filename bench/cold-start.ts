/**
 * The worker's cold start in real Chromium: from a stopped worker, a settings change (a sync from
 * another computer, an import) wakes it, and the figure is the time until its decision is applied —
 * the snapshot written, which the guard does only after every effect (DNR rules, styles, alarm) ran.
 * The same change made to a worker already running is the floor. Over a bare DevTools connection
 * (bench/cdp.ts): Playwright would attach to the worker and so slow its start.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alwaysWork, EXTENSION_DIR, HOUR, nextMinuteBoundary, settingsWith, workFrom } from '../tests/e2e/harness.ts';
import { unpackedExtensionId } from '../tests/e2e/worker-control.ts';
import { evaluate, launchBare, pageSession } from './cdp.ts';

const RUNS = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * Run in the extension page: stores `doc` as the settings and resolves with the ms until the
 * worker's snapshot holds its week, and the number of redirect rules in force then (not opened by a session rule).
 */
const applyInPage = (doc: unknown) => `new Promise((resolve, reject) => {
  const doc = ${JSON.stringify(doc)};
  setTimeout(() => reject(new Error('the worker did not apply the settings within 10 s')), 10000);
  const want = JSON.stringify(Object.entries(doc.week));
  const started = performance.now();
  const listener = (changes, area) => {
    const week = changes.guard?.newValue?.settings?.week;
    if (area !== 'local' || !week || JSON.stringify(Object.entries(doc.week).map(([d]) => [d, week[d]])) !== want) return;
    const elapsed = performance.now() - started;
    chrome.storage.onChanged.removeListener(listener);
    Promise.all([chrome.declarativeNetRequest.getDynamicRules(), chrome.declarativeNetRequest.getSessionRules()]).then(([rules, opened]) => {
      const open = new Set(opened.map((r) => r.condition.regexFilter));
      resolve([elapsed, rules.filter((r) => r.action.type === 'redirect' && !open.has(r.condition.regexFilter)).length]);
    });
  };
  chrome.storage.onChanged.addListener(listener);
  chrome.storage.sync.set({ settings: doc });
})`;

export async function coldStartFigures(log: (line: string) => void) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'clocked-out-bench-'));
  const cdp = await launchBare(EXTENSION_DIR, userDataDir);
  try {
    const id = unpackedExtensionId(EXTENSION_DIR);
    const session = await pageSession(cdp);
    let status = '';
    let startingAt = 0;
    const starts: number[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (params) => {
      for (const v of (params.versions as Array<{ scriptURL: string; runningStatus: string }>) ?? []) {
        if (!v.scriptURL.startsWith(`chrome-extension://${id}/`)) continue;
        if (v.runningStatus === 'starting' && status !== 'starting') startingAt = Date.now();
        if (v.runningStatus === 'running' && status === 'starting') starts.push(Date.now() - startingAt);
        status = v.runningStatus;
      }
    });
    await cdp.send('ServiceWorker.enable', {}, session);
    await cdp.send('Page.navigate', { url: `chrome-extension://${id}/blocked.html` }, session);
    await sleep(1500);
    // Off the clock (rules in force) and on it (none), in turn: each run changes what is applied.
    const off = settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) });
    const on = settingsWith({ week: alwaysWork() });
    // A worker still starting may ignore the request (tests/e2e/worker-control.ts): ask again each second.
    const stop = async () => {
      for (let i = 0; i < 500 && status !== 'stopped'; i++) {
        if (i % 100 === 0) await cdp.send('ServiceWorker.stopAllWorkers', {}, session);
        await sleep(10);
      }
      if (status !== 'stopped') throw new Error(`the worker did not stop (it is ${status})`);
      await sleep(200);
    };
    const cold: number[] = [];
    const warm: number[] = [];
    let wrong = 0;
    starts.length = 0;
    for (let i = 0; i < RUNS; i++) {
      const doc = i % 2 ? on : off;
      await stop();
      const [ms, rules] = (await evaluate(cdp, session, applyInPage(doc))) as [number, number];
      cold.push(ms);
      if (rules > 0 !== (doc === off)) wrong++;
    }
    const scriptStarts = [...starts];
    for (let i = 0; i < RUNS; i++) {
      const doc = i % 2 ? on : off;
      await sleep(200);
      const [ms, rules] = (await evaluate(cdp, session, applyInPage(doc))) as [number, number];
      warm.push(ms);
      if (rules > 0 !== (doc === off)) wrong++;
    }
    const line = (values: number[]) => `median ${median(values).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
    log(`worker cold start, stopped → woken by a settings change → decision applied (n=${RUNS}): ${line(cold)}`);
    log(`worker starting → running (its script evaluated, n=${scriptStarts.length}): ${line(scriptStarts)}`);
    log(`the same change, worker already running: ${line(warm)}; runs with the wrong rules in force: ${wrong} (limit 0)`);
  } finally {
    await cdp.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
