/**
 * Stops and starts the extension's service worker the way Chrome does when it goes idle and when an
 * event arrives. The ServiceWorker CDP domain exists on page targets only (not on the browser
 * session), so a tab is the control channel: the context's first tab, or a new one if it was closed.
 * Playwright keeps one `Worker` per worker target and Chrome keeps the target across a stop and a
 * start, so the same `Worker` evaluates in the fresh global scope after a revival — but an
 * evaluation sent while the worker is stopped hangs, hence `running()` before every evaluation.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';
interface Version {
  versionId: string;
  scriptURL: string;
  runningStatus: RunningStatus;
  status: string;
}

const NATURAL_START_MS = 5_000;
const STATUS_TIMEOUT_MS = 10_000;
const POLL_MS = 25;
const SETTLE_MS = 100;
const STOP_RETRY_POLLS = 40; // a second
/** `E2E_DEBUG=1` logs every change of the worker's state. */
const DEBUG = process.env.E2E_DEBUG === '1';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Chromium's id for an extension loaded unpacked from `dir`: from its manifest's `key`, or else from the folder's path. */
export function unpackedExtensionId(dir: string): string {
  const { key } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { key?: unknown };
  const source = typeof key === 'string' ? Buffer.from(key, 'base64') : realpathSync(dir);
  const hex = createHash('sha256').update(source).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export interface WorkerControl {
  /** The extension's worker: the one already up, or the one that starts within 5 s, or started now. */
  extensionWorker(extensionId: string): Promise<Worker>;
  running(extensionId: string): Promise<boolean>;
  start(extensionId: string): Promise<void>;
  stopAll(extensionId: string): Promise<void>;
  /**
   * The worker that replaces `old` (the extension reloaded or updated): resolves once it runs, with
   * when its target appeared. Call before the reload starts, so its start is not missed.
   */
  nextWorker(extensionId: string, old: Worker): Promise<{ worker: Worker; at: number }>;
  /** Whether the worker reached `status` within `timeoutMs`. */
  waitFor(extensionId: string, status: RunningStatus, timeoutMs: number): Promise<boolean>;
}

export async function createWorkerControl(context: BrowserContext): Promise<WorkerControl> {
  const versions = new Map<string, Version>();
  /** Stops seen so far: a worker woken again at once may be running by the time anyone looks. */
  let stops = 0;
  let channel: { page: Page; session: CDPSession } | undefined;

  async function session(): Promise<CDPSession> {
    if (channel && !channel.page.isClosed()) return channel.session;
    const page = context.pages().find((p) => !p.isClosed()) ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }: { versions: Version[] }) => {
      for (const v of updated) {
        if (v.runningStatus === 'stopped' && versions.get(v.versionId)?.runningStatus !== 'stopped') stops++;
        if (DEBUG) console.debug(`[worker-control] ${new Date().toISOString()} ${v.scriptURL} ${v.runningStatus} ${v.status}`);
        versions.set(v.versionId, v);
      }
    });
    // Enabling reports every registration and version there is; let those reports arrive.
    await cdp.send('ServiceWorker.enable');
    await sleep(SETTLE_MS);
    channel = { page, session: cdp };
    return cdp;
  }

  const current = (id: string) => [...versions.values()].filter((v) => v.scriptURL.startsWith(`chrome-extension://${id}/`) && v.status !== 'redundant').at(-1);

  async function waitFor(id: string, status: RunningStatus, timeoutMs: number): Promise<boolean> {
    await session();
    const deadline = Date.now() + timeoutMs;
    while (current(id)?.runningStatus !== status) {
      if (Date.now() > deadline) return false;
      await sleep(POLL_MS);
    }
    return true;
  }

  async function must(id: string, status: RunningStatus) {
    if (!(await waitFor(id, status, STATUS_TIMEOUT_MS))) {
      const now = current(id)?.runningStatus;
      throw new Error(
        now ? `the worker of ${id} is ${now}, not ${status}` : `extension ${id} has no service worker registered: does its manifest have a background?`,
      );
    }
  }

  const start = async (id: string) => {
    const cdp = await session();
    await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${id}/` });
    await must(id, 'running');
  };

  return {
    async extensionWorker(id) {
      const isOurs = (w: Worker) => w.url().startsWith(`chrome-extension://${id}/`);
      const found = context.serviceWorkers().find(isOurs);
      const worker =
        found ??
        (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: NATURAL_START_MS }).catch(async () => {
          // An installed extension's worker starts at browser start only if it listens for an event.
          const poked = context.waitForEvent('serviceworker', { predicate: isOurs, timeout: STATUS_TIMEOUT_MS });
          poked.catch(() => {}); // awaited below only if the start succeeds
          await start(id);
          return context.serviceWorkers().find(isOurs) ?? poked;
        }));
      // Playwright reports the worker as soon as its target exists, before its script has run.
      await must(id, 'running');
      return worker;
    },
    async nextWorker(id, old) {
      await session();
      const isNew = (w: Worker) => w !== old && w.url().startsWith(`chrome-extension://${id}/`);
      const worker = await context.waitForEvent('serviceworker', { predicate: isNew, timeout: STATUS_TIMEOUT_MS });
      const at = Date.now();
      await must(id, 'running');
      return { worker, at };
    },
    async running(id) {
      await session();
      // A worker on its way up or down is reported once it gets there.
      const deadline = Date.now() + STATUS_TIMEOUT_MS;
      const settled = () => ['running', 'stopped'].includes(current(id)?.runningStatus ?? '');
      while (!settled() && Date.now() < deadline) await sleep(POLL_MS);
      return current(id)?.runningStatus === 'running';
    },
    start,
    async stopAll(id) {
      const cdp = await session();
      const before = stops;
      const deadline = Date.now() + STATUS_TIMEOUT_MS;
      // A worker that is still starting may ignore the request: ask again until it has stopped.
      for (let asked = 0; stops === before; asked++) {
        if (Date.now() > deadline) throw new Error(`the worker of ${id} did not stop: it is ${current(id)?.runningStatus}`);
        if (asked % STOP_RETRY_POLLS === 0) {
          if (DEBUG && asked > 0) console.debug('[worker-control] asking the worker to stop again');
          await cdp.send('ServiceWorker.stopAllWorkers');
        }
        await sleep(POLL_MS);
      }
    },
    waitFor,
  };
}
