/**
 * Real Chromium with the built extension loaded unpacked, real work-site hostnames mapped to the
 * local test server. One `launch()` per test file (or per test that restarts the browser).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import type { SettingsInput } from '../../utils/settings';
import { startServer, type TestServer } from './test-server';
import { createWorkerControl, unpackedExtensionId } from './worker-control';

export * from './frames';
export * from './schedule-helpers';
export * from './test-server';

/** The extension as `wxt build` leaves it (the e2e global setup builds it). */
export const EXTENSION_DIR = fileURLToPath(new URL(`../../${process.env.CLOCKED_OUT_OUT_DIR ?? '.output-test'}/chrome-mv3`, import.meta.url));

/** Catalogue hosts the tests visit, by category (TherapyNotes is an app under /app/ only). */
export const WORK_HOSTS = {
  ehr: ['secure.simplepractice.com', 'www.therapynotes.com', 'acme.janeapp.com'],
  telehealth: ['video.simplepractice.com', 'doxy.me'],
  email: ['secure.hushmail.com', 'app.sprucehealth.com'],
  practice: ['sigmund.headway.co', 'www.officeally.com'],
} as const;
/** A site that is no work tool: never dimmed, never blocked. */
export const NON_WORK_HOST = 'www.example-news.org';
export const DEFAULT_HOSTS: readonly string[] = [...Object.values(WORK_HOSTS).flat(), NON_WORK_HOST];

/** The extension API as the worker sees it. */
export type Chrome = typeof Browser;

export interface LaunchOptions {
  /** The unpacked extension to load; the build (`EXTENSION_DIR`) when absent. */
  readonly extensionDir?: string;
  /** Profile directory; a fresh temporary one (removed on `close`) when absent. */
  readonly userDataDir?: string;
  /** Hostnames whose https (:443) and http (:80) requests go to the test server; others do not resolve. */
  readonly hosts?: readonly string[];
  /** A running server to reuse; a new one (closed on `close`) when absent. */
  readonly server?: TestServer;
}

export interface Harness {
  readonly context: BrowserContext;
  readonly server: TestServer;
  readonly extensionId: string;
  readonly userDataDir: string;
  /** The extension's service worker (the same object across `stopWorkers` and revival). */
  readonly worker: Worker;
  /** `chrome-extension://<id>/<path>`. */
  extensionUrl(path: string): string;
  /** A new tab at `url`, loaded. */
  openPage(url: string): Promise<Page>;
  /** Runs `fn(chrome, arg)` in the worker, starting the worker first if it is stopped. */
  evalInWorker<R, A = undefined>(fn: (chrome: Chrome, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** `chrome.storage.sync.set({ settings: doc })` from the worker, as an import or a sync would. */
  setSettings(doc: SettingsInput | Record<string, unknown>): Promise<void>;
  /** `chrome.storage.local.get(key)[key]`. */
  getLocal<T = unknown>(key: string): Promise<T | undefined>;
  setLocal(items: Record<string, unknown>): Promise<void>;
  /** Whether the worker is running now (without waking it). */
  workerRunning(): Promise<boolean>;
  /** Stops the extension's worker (CDP ServiceWorker.stopAllWorkers) and waits until it has stopped. */
  stopWorkers(): Promise<void>;
  /** Waits up to `timeoutMs` for the worker to start by itself (an alarm, an event); false if it did not. */
  waitForWorkerStart(timeoutMs: number): Promise<boolean>;
  /** Starts the stopped worker (CDP ServiceWorker.startWorker), as any extension event would. */
  reviveWorker(): Promise<Worker>;
  /** Closes the browser (and the server and profile if `launch` made them). */
  close(): Promise<void>;
  /**
   * Closes the browser and launches it again on the same profile and server. Not quite a user's
   * restart: Chromium reinstalls an extension loaded from a folder at every launch, so
   * `runtime.onInstalled` fires with reason "install" (never `onStartup`) and alarms and registered
   * content scripts are gone; storage and dynamic DNR rules persist.
   */
  restart(): Promise<Harness>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];
const EVAL_TIMEOUT_MS = 15_000;

/**
 * `MAP host:443 127.0.0.1:port` (and `:80` to the plain-HTTP port) for each host, also in its
 * fully-qualified spelling with a trailing dot; everything else fails to resolve, fast and offline.
 */
function resolverRules(hosts: readonly string[], server: TestServer): string {
  const maps = hosts.flatMap((host) => [host, `${host}.`]).flatMap((host) => [
    `MAP ${host}:443 127.0.0.1:${server.port}`,
    `MAP ${host}:80 127.0.0.1:${server.httpPort}`,
  ]);
  return [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Launches Chromium with the extension and waits for its worker. */
export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  return launchOwning(options, { server: !options.server, profile: !options.userDataDir });
}

/** `owns` says what `close` must clean up; `restart` hands it on to the next harness. */
async function launchOwning(options: LaunchOptions, owns: { server: boolean; profile: boolean }): Promise<Harness> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'clocked-out-e2e-')));
  const server = options.server ?? (await startServer());
  const hosts = options.hosts ?? DEFAULT_HOSTS;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreHTTPSErrors: true,
    // Playwright disables extensions by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${resolverRules(hosts, server)}`,
    ],
  });
  const control = await createWorkerControl(context);
  const worker = await control.extensionWorker(unpackedExtensionId(extensionDir)).catch(async (error: unknown) => {
    await context.close();
    if (owns.server) await server.close();
    throw new Error(`the extension's worker did not start (is ${extensionDir} built?)`, { cause: error });
  });
  const extensionId = new URL(worker.url()).host;

  const ensureRunning = async () => {
    if (!(await control.running(extensionId))) await control.start(extensionId);
  };
  const evalInWorker = async <R, A>(fn: (chrome: Chrome, arg: A) => R | Promise<R>, arg?: A): Promise<R> => {
    await ensureRunning();
    // A string expression, so that `fn` gets `chrome` as a typed parameter rather than a global.
    const expression = `(${fn.toString()})(chrome, ${JSON.stringify(arg) ?? 'undefined'})`;
    return withTimeout(worker.evaluate(expression) as Promise<R>, EVAL_TIMEOUT_MS, 'evalInWorker');
  };
  const close = async () => {
    await context.close();
    if (owns.server) await server.close();
    if (owns.profile) await rm(userDataDir, { recursive: true, force: true });
  };

  return {
    context, server, extensionId, userDataDir, worker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async openPage(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    evalInWorker,
    setSettings: (doc) => evalInWorker((chrome, settings) => chrome.storage.sync.set({ settings }), doc),
    getLocal: <T>(key: string) =>
      evalInWorker(async (chrome, k) => (await chrome.storage.local.get(k))[k], key) as Promise<T | undefined>,
    setLocal: (items) => evalInWorker((chrome, i) => chrome.storage.local.set(i), items),
    workerRunning: () => control.running(extensionId),
    stopWorkers: () => control.stopAll(extensionId),
    waitForWorkerStart: (timeoutMs) => control.waitFor(extensionId, 'running', timeoutMs),
    async reviveWorker() {
      await control.start(extensionId);
      return worker;
    },
    close,
    async restart() {
      await context.close();
      return launchOwning({ userDataDir, hosts, server, extensionDir }, owns);
    },
  };
}
