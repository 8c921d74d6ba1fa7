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
  /**
   * Keep the welcome guide the first install opens (tests/e2e/welcome.test.ts); every other test
   * has it closed as it appears, so that its tabs are the only ones open, as before the guide.
   */
  readonly keepWelcome?: boolean;
  /**
   * Turns on developer mode (chrome://extensions) right after the launch, as a developer who
   * reloads an unpacked extension has it; `reloadExtension` needs it and otherwise turns it on
   * itself, in a tab of its own.
   */
  readonly developerMode?: boolean;
  /** More Chromium switches (`--restore-last-session`, …); `restart` passes them again. */
  readonly args?: readonly string[];
  /**
   * The browser's language, as a clinician's system sets it ("en_US", "en_GB", "fr", "es",
   * "fr_CA"), which picks the extension's messages and `navigator.language` and Intl's: Chromium on
   * Linux takes its UI language from the LANGUAGE environment variable, not from `--lang`. The
   * machine's own (en-US) when absent; `restart` keeps it.
   */
  readonly language?: string;
}

export interface Harness {
  readonly context: BrowserContext;
  readonly server: TestServer;
  readonly extensionId: string;
  readonly userDataDir: string;
  /**
   * The extension's service worker (the same object across `stopWorkers` and revival; the new
   * version's after `reloadExtension`).
   */
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
  /**
   * Reloads the extension as an update does (`chrome.runtime.reload()` in its worker): the old
   * version's worker and page guards lose their context, the new version starts with
   * `runtime.onInstalled`. Resolves once the new worker runs, which `worker` and `evalInWorker`
   * follow from then on. Needs developer mode (`LaunchOptions.developerMode`, turned on here if
   * it is not yet): without it Chromium disables an extension loaded with `--load-extension` that
   * reloads once the browser has run a while ("unsupported developer extension"), and takes a
   * second or more to bring it back when it does not.
   */
  reloadExtension(): Promise<Reload>;
  /** Closes the browser (and the server and profile if `launch` made them). */
  close(): Promise<void>;
  /**
   * Closes the browser and launches it again on the same profile and server. Not quite a user's
   * restart: Chromium reinstalls an extension loaded from a folder at every launch, so
   * `runtime.onInstalled` fires with reason "install" (never `onStartup`) and alarms and registered
   * content scripts are gone; storage and dynamic DNR rules persist. `whileClosed` runs between
   * the two (time passing with the browser closed: a boundary the worker never saw).
   */
  restart(whileClosed?: () => Promise<void>): Promise<Harness>;
}

export interface Reload {
  /** When `chrome.runtime.reload()` was sent (epoch ms). */
  readonly reloadedAt: number;
  /** When the new version's worker appeared (its target attached, before its script ran). */
  readonly startedAt: number;
  /** The new version's worker. */
  readonly worker: Worker;
}

/** What chrome://extensions may call (Chromium's `developerPrivate`). */
interface DeveloperPrivate {
  chrome: { developerPrivate: { updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void> } };
}

/** Waits (up to 5 s) for the welcome guide a first install opens, and closes it. */
async function closeWelcome(context: BrowserContext, extensionId: string): Promise<void> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const page = context.pages().find((p) => p.url().startsWith(url));
    if (page) return page.close();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The switches every launch passes (the bench's bare launch too). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const EVAL_TIMEOUT_MS = 15_000;

/**
 * `MAP host:443 127.0.0.1:port` (and `:80` to the plain-HTTP port) for each host, also in its
 * fully-qualified spelling with a trailing dot; everything else fails to resolve, fast and offline.
 */
function resolverRules(hosts: readonly string[], server: TestServer): string {
  const maps = hosts
    .flatMap((host) => [host, `${host}.`])
    .flatMap((host) => [`MAP ${host}:443 127.0.0.1:${server.port}`, `MAP ${host}:80 127.0.0.1:${server.httpPort}`]);
  return [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
}

/** Chromium's developer mode, switched on as its chrome://extensions page does; true when done. */
async function turnOnDeveloperMode(context: BrowserContext): Promise<true> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(() => (globalThis as unknown as DeveloperPrivate).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }));
  } finally {
    await page.close();
  }
  return true;
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
    ...(options.language ? { env: { ...process.env, LANGUAGE: options.language } } : {}),
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${resolverRules(hosts, server)}`,
      ...(options.args ?? []),
    ],
  });
  const control = await createWorkerControl(context);
  let worker = await control.extensionWorker(unpackedExtensionId(extensionDir)).catch(async (error: unknown) => {
    await context.close();
    if (owns.server) await server.close();
    throw new Error(`the extension's worker did not start (is ${extensionDir} built?)`, { cause: error });
  });
  const extensionId = new URL(worker.url()).host;
  // A fresh profile is a first install, which opens the welcome guide: closed here, before any
  // test runs, unless the test is about it, so that each test's tabs are the only ones open.
  if (owns.profile && !options.keepWelcome) await closeWelcome(context, extensionId);
  let developerMode = options.developerMode ? await turnOnDeveloperMode(context) : false;

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
    context,
    server,
    extensionId,
    userDataDir,
    get worker() {
      return worker;
    },
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async openPage(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    evalInWorker,
    setSettings: (doc) => evalInWorker((chrome, settings) => chrome.storage.sync.set({ settings }), doc),
    getLocal: <T>(key: string) => evalInWorker(async (chrome, k) => (await chrome.storage.local.get(k))[k], key) as Promise<T | undefined>,
    setLocal: (items) => evalInWorker((chrome, i) => chrome.storage.local.set(i), items),
    workerRunning: () => control.running(extensionId),
    stopWorkers: () => control.stopAll(extensionId),
    waitForWorkerStart: (timeoutMs) => control.waitFor(extensionId, 'running', timeoutMs),
    async reviveWorker() {
      await control.start(extensionId);
      return worker;
    },
    async reloadExtension() {
      if (!developerMode) developerMode = await turnOnDeveloperMode(context);
      await ensureRunning();
      const old = worker;
      const next = control.nextWorker(extensionId, old);
      const gone = new Promise<void>((resolve) => old.once('close', () => resolve()));
      const reloadedAt = Date.now();
      // The worker goes away with the extension: its evaluation may never answer.
      old.evaluate('chrome.runtime.reload()').catch(() => undefined);
      const started = await next;
      await withTimeout(gone, EVAL_TIMEOUT_MS, 'the old worker closing');
      worker = started.worker;
      return { reloadedAt, startedAt: started.at, worker };
    },
    close,
    async restart(whileClosed) {
      await context.close();
      await whileClosed?.();
      return launchOwning({ ...options, userDataDir, hosts, server, extensionDir }, owns);
    },
  };
}
