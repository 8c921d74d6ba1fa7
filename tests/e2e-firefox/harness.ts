/**
 * Real Firefox (Debian's firefox-esr) driven over WebDriver BiDi by puppeteer-core, the built
 * extension installed as a temporary add-on, real work-site hostnames sent to the local test
 * server through a local proxy (tests/e2e-firefox/proxy.ts). One `launch()` per test file.
 *
 * What differs from Chromium (tests/e2e/harness.ts), and why:
 * - The worker is an event page Firefox does not show the driver, so the extension API is reached
 *   from an extension page instead: a tab on `moz-extension://<uuid>/access.html` kept open as the
 *   control page (`evalInExtension`). Storage, rules, badge and permissions are the same objects
 *   there; the site-access page is the one that writes nothing (the popup records its prompt, and a
 *   storage change wakes a stopped background). To stop the background itself, the harness uses
 *   Firefox's own chrome context (`stopBackground`).
 * - The add-on's UUID is chosen before launch (pref `extensions.webextensions.uuids`), so its pages'
 *   addresses are known; opening them needs Firefox started with `--remote-allow-system-access`.
 * - Extension pages never report "load" to the driver, and `page.url()` never follows a tab onto
 *   one (a blocked site's redirect included): `navigate`, `openPage` and `openExtensionPage` ask the
 *   document itself for its address and `readyState`, and `hrefOf` is the tab's real address.
 * - A driver click is a user gesture, so `permissions.request` from a button works; with
 *   `extensions.webextOptionalPermissionPrompts` off Firefox grants it without a prompt.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'wxt/browser';
import type { SettingsInput } from '../../utils/settings';
import { DEFAULT_HOSTS } from '../e2e/harness';
import { startServer, type TestServer } from '../e2e/test-server';
import { startProxy, type Proxy } from './proxy';

export * from '../e2e/schedule-helpers';
export * from '../e2e/test-server';
export { DEFAULT_HOSTS, NON_WORK_HOST, WORK_HOSTS } from '../e2e/harness';

/** The extension as `wxt build -b firefox` leaves it (the Firefox e2e global setup builds it). */
export const EXTENSION_DIR = fileURLToPath(new URL(`../../${process.env.CLOCKED_OUT_OUT_DIR ?? '.output-test'}/firefox-mv3`, import.meta.url));
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The extension API as an extension page sees it (`browser`). */
export type WebExt = typeof WebExtBrowser;

export interface LaunchOptions {
  /**
   * The built extension to install: a folder, or a package (.zip) as about:debugging's "Load
   * Temporary Add-on…" takes it; `EXTENSION_DIR` when absent.
   */
  readonly extensionDir?: string;
  /** Hostnames whose https and http requests the proxy sends to the test server; others are refused. */
  readonly hosts?: readonly string[];
  /** A running server to reuse; a new one (closed on `close`) when absent. */
  readonly server?: TestServer;
  /**
   * Whether Firefox grants the manifest's host access at install (`extensions.originControls.grantByDefault`,
   * true as in a user's Firefox). False: installed with every work site's access withheld, as when a
   * user turns it off in about:addons.
   */
  readonly grantHostAccess?: boolean;
  /** More Firefox preferences. */
  readonly prefs?: Record<string, unknown>;
  /** The Firefox binary; `FIREFOX_PATH` when absent (a private copy of the installation, for its policies). */
  readonly executablePath?: string;
}

export interface Harness {
  readonly browser: Browser;
  readonly server: TestServer;
  readonly proxy: Proxy;
  /** The add-on id (`browser_specific_settings.gecko.id`). */
  readonly extensionId: string;
  /** The add-on's UUID, the host of its pages' addresses. */
  readonly uuid: string;
  /** `moz-extension://<uuid>/<path>`. */
  extensionUrl(path: string): string;
  /** A new tab at `url`, loaded: the web page, or the blocked page the rules sent it to (see `navigate`). */
  openPage(url: string): Promise<Page>;
  /** A new tab on one of the extension's pages (`popup.html` …), its document complete. */
  openExtensionPage(path: string): Promise<Page>;
  /** Runs `fn(browser, arg)` in the control page (an extension page). */
  evalInExtension<R, A = undefined>(fn: (browser: WebExt, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** `browser.storage.sync.set({ settings: doc })`, as an import or a sync would. */
  setSettings(doc: SettingsInput | Record<string, unknown>): Promise<void>;
  /** `browser.storage.local.get(key)[key]`. */
  getLocal<T = unknown>(key: string): Promise<T | undefined>;
  setLocal(items: Record<string, unknown>): Promise<void>;
  /** The tabs open now, the control page excluded. */
  pages(): Promise<Page[]>;
  /**
   * Stops the background (an event page in Firefox) as Firefox does when it has been idle, or as
   * about:debugging's "Terminate background script" does; resolves once it is stopped.
   */
  stopBackground(): Promise<void>;
  /** Firefox's own word for the background's state: 'running', 'stopped', 'starting' … */
  backgroundState(): Promise<string>;
  /** Closes the browser, the proxy (and the server if `launch` made it). */
  close(): Promise<void>;
}

/**
 * Preferences for a quiet, offline Firefox, on top of puppeteer's own automation set (updates,
 * telemetry and safe browsing already off). What Firefox still fetches of its own reaches the
 * proxy and is refused there (`proxy.refused`).
 */
const QUIET_PREFS: Record<string, unknown> = {
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  // An http:// address stays http:// (as Chromium's tests visit old bookmarks' addresses).
  'dom.security.https_first': false,
  'dom.security.https_first_schemeless': false,
  // Web pages get MozAfterPaint after each paint, so a test can tell what every painted frame showed.
  'dom.send_after_paint_to_content': true,
};

const EVAL_TIMEOUT_MS = 15_000;
const LOAD_TIMEOUT_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The add-on id the built manifest declares, in a folder or a package (.zip). */
export function addonId(path: string): string {
  const text = path.endsWith('.zip')
    ? strFromU8(unzipSync(readFileSync(path), { filter: (file) => file.name === 'manifest.json' })['manifest.json'] ?? new Uint8Array())
    : readFileSync(join(path, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(text || '{}') as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${path}: its manifest.json declares no gecko id`);
  return id;
}

/**
 * Resolves once `page`'s document is at an address starting with `prefix` and complete. For
 * extension pages, which never send the driver "load" and whose `url()` the driver never updates.
 */
export async function untilAt(page: Page, prefix: string, timeoutMs = LOAD_TIMEOUT_MS): Promise<string> {
  const start = Date.now();
  for (;;) {
    const [href, state] = await page.evaluate(() => [location.href, document.readyState]).catch(() => ['', 'loading']);
    if (href?.startsWith(prefix) && state === 'complete') return href;
    if (Date.now() - start > timeoutMs) throw new Error(`no complete document at ${prefix} within ${timeoutMs} ms (at ${href}, ${state})`);
    await sleep(25);
  }
}

/** The address of the document `page` shows now (`page.url()` never follows a tab onto an extension page). */
export const hrefOf = (page: Page): Promise<string> => page.evaluate(() => location.href);

/**
 * Navigates `page` to `url` and resolves with the address it lands on, once that document is
 * complete: `url` itself, or the blocked page the browser's rules sent it to. (`page.goto` waits
 * for a "load" an extension page never reports.)
 */
export async function navigate(page: Page, url: string, timeoutMs = LOAD_TIMEOUT_MS): Promise<string> {
  // Marks the document being left, so that it is not mistaken for the one arriving.
  await page.evaluate(() => Object.assign(window, { clockedOutLeaving: true })).catch(() => {});
  page.goto(url, { timeout: timeoutMs }).catch(() => {});
  const start = Date.now();
  for (;;) {
    const [href, state, leaving] = await page
      .evaluate(() => [location.href, document.readyState, 'clockedOutLeaving' in window] as const)
      .catch(() => ['', 'loading', true] as const);
    if (!leaving && state === 'complete' && href !== 'about:blank') return href;
    if (Date.now() - start > timeoutMs) throw new Error(`${url} did not load within ${timeoutMs} ms (at ${href}, ${state})`);
    await sleep(25);
  }
}

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  const ownsServer = !options.server;
  const server = options.server ?? (await startServer());
  const hosts = options.hosts ?? DEFAULT_HOSTS;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const extensionId = addonId(extensionDir);
  const uuid = randomUUID();
  const proxy = await startProxy(server, hosts);

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: options.executablePath ?? FIREFOX_PATH,
      headless: true,
      acceptInsecureCerts: true,
      defaultViewport: { width: 1280, height: 800 },
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: uuid }),
        // permissions.request() is answered yes without a prompt (headless has no one to click it).
        'extensions.webextOptionalPermissionPrompts': false,
        'extensions.originControls.grantByDefault': options.grantHostAccess ?? true,
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        ...options.prefs,
      },
    });
  } catch (error) {
    await proxy.close();
    if (ownsServer) await server.close();
    throw error;
  }
  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    // "load" never arrives for an extension page, and the page's url() stays about:blank: navigate
    // without waiting, then ask the document itself.
    page.goto(extensionUrl(path), { timeout: LOAD_TIMEOUT_MS }).catch(() => {});
    await untilAt(page, extensionUrl(path));
    return page;
  };

  let control: Page;
  try {
    await browser.installExtension(extensionDir);
    control = await openExtensionPage('access.html');
  } catch (error) {
    await browser.close();
    await proxy.close();
    if (ownsServer) await server.close();
    throw new Error(`the extension did not install or its page did not open (is ${extensionDir} built?)`, { cause: error });
  }

  const evalInExtension = async <R, A>(fn: (browser: WebExt, arg: A) => R | Promise<R>, arg?: A): Promise<R> => {
    // A string expression, so that `fn` gets `browser` as a typed parameter rather than a global.
    const expression = `(${fn.toString()})(browser, ${JSON.stringify(arg) ?? 'undefined'})`;
    return withTimeout(control.evaluate(expression) as Promise<R>, EVAL_TIMEOUT_MS, 'evalInExtension');
  };

  /**
   * Runs `expression` with Firefox's own privileges, in the browser window's chrome context
   * (WebDriver BiDi offers it with `--remote-allow-system-access`): how the harness reaches the
   * background, which Firefox shows no driver.
   */
  const evalInChrome = async (expression: string): Promise<unknown> => {
    const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } }).connection;
    const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: Array<{ context: string }> };
    const context = tree.contexts[0]?.context;
    if (!context) throw new Error('no chrome context to reach the background from');
    const { result } = (await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true })) as {
      result: { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
    };
    if (result.type !== 'success') throw new Error(`in Firefox's chrome: ${result.exceptionDetails?.text}`);
    return result.result?.value;
  };
  const extension = `WebExtensionPolicy.getByID(${JSON.stringify(extensionId)}).extension`;
  const backgroundState = async () => String(await evalInChrome(`${extension}.backgroundState`));

  return {
    browser,
    server,
    proxy,
    extensionId,
    uuid,
    extensionUrl,
    openExtensionPage,
    evalInExtension,
    async openPage(url) {
      const page = await browser.newPage();
      await navigate(page, url);
      return page;
    },
    setSettings: (doc) => evalInExtension((b, settings) => b.storage.sync.set({ settings }), doc),
    getLocal: <T>(key: string) => evalInExtension(async (b, k) => (await b.storage.local.get(k))[k], key) as Promise<T | undefined>,
    setLocal: (items) => evalInExtension((b, i) => b.storage.local.set(i), items),
    pages: async () => (await browser.pages()).filter((p) => p !== control),
    backgroundState,
    async stopBackground() {
      // Firefox may start it again at once for an event of its own (the idle state, a storage
      // write finishing): stopped again, a few times, until it stays so.
      let state = '';
      for (let attempt = 0; attempt < 5; attempt++) {
        await evalInChrome(`${extension}.terminateBackground()`);
        state = await backgroundState();
        if (state === 'stopped') return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`the background is ${state} after being stopped`);
    },
    async close() {
      await browser.close().catch(() => {});
      await proxy.close();
      if (ownsServer) await server.close();
    },
  };
}
