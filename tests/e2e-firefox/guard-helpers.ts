/**
 * Waiting on the guard as a user would see it, in Firefox. Chromium's helpers (tests/e2e/guard-helpers.ts)
 * read the accessibility tree over CDP and judge the dim from screenshot pixels; Firefox has neither
 * for this: WebDriver BiDi's accessibility locator does not enter closed shadow roots, and its
 * screenshots (drawSnapshot) do not paint `backdrop-filter`, so the veil never shows in them.
 * Instead the driver hands the guard's closed shadow roots to a function in the page: BiDi
 * serializes every element with its shadow root, open or closed, as a node the next call can
 * take as an argument. The page's own scripts still cannot reach them; the test can, as the
 * accessibility tree lets Chromium's.
 */
import type { Page } from 'puppeteer-core';
import { DIM_FILTER } from '../../utils/dim';
import { untilRedirects } from '../e2e/guard-waits';
import { HOUR, nextMinuteBoundary, settingsWith, workFrom, launch, type Harness, type LaunchOptions } from './harness';

export { untilApplied, untilGuard } from '../e2e/guard-waits';

export { DIM_FILTER };

interface RemoteNode {
  type: 'node';
  sharedId?: string;
  value?: { attributes?: Record<string, string>; shadowRoot?: RemoteNode | null };
}
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: { type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } } }>;
}

/** The page's BiDi browsing context and the raw connection (puppeteer has no call for shadow roots). */
function bidi(page: Page): { send: BidiConnection['send']; context: string } {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  return { send: (m, p) => connection.send(m, p), context: (page.mainFrame() as unknown as { _id: string })._id };
}

/** Calls `fn` in the page's own realm with `args` (nodes by sharedId, or plain values); returns its BiDi result. */
async function callInPage(page: Page, fn: string, args: unknown[]): Promise<{ type: string; value?: unknown }> {
  const { send, context } = bidi(page);
  const { result } = await send('script.callFunction', {
    functionDeclaration: fn,
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
    arguments: args.map((a) => (a && typeof a === 'object' && 'sharedId' in a ? a : { type: 'string', value: JSON.stringify(a) })),
  });
  if (result.type === 'exception') throw new Error(`in the page: ${result.exceptionDetails?.text}`);
  return result.result ?? { type: 'undefined' };
}

export interface GuardButton {
  readonly name: string;
  /** The button's centre, in viewport CSS pixels (where a mouse click lands). */
  readonly x: number;
  readonly y: number;
}

/** One of the guard's layers, read from inside its closed shadow root. */
export interface GuardLayer {
  readonly kind: 'overlay' | 'veil' | string;
  /** A modal dialog (overlay) or a popover (veil) shown in the top layer. */
  readonly shown: boolean;
  /** The veil's plain cover while the guard decides. */
  readonly pending: boolean;
  /** The dialog's accessible name (`aria-label`). */
  readonly label: string | null;
  /** What it says, as rendered text. */
  readonly text: string;
  readonly buttons: readonly GuardButton[];
  /** The layer's computed `backdrop-filter` (the veil dims with it). */
  readonly backdropFilter: string;
  /** Whether the layer spans the whole viewport. */
  readonly fullViewport: boolean;
}

const DESCRIBE_LAYERS = `(kinds, ...roots) => JSON.stringify(roots.map((root, i) => {
  const layer = root.querySelector('dialog, [popover]');
  if (!layer) return { kind: JSON.parse(kinds)[i], shown: false, pending: false, label: null, text: '', buttons: [], backdropFilter: 'none', fullViewport: false };
  const shown = layer.localName === 'dialog' ? layer.open && layer.matches(':modal') : layer.matches(':popover-open');
  const r = layer.getBoundingClientRect();
  return {
    kind: JSON.parse(kinds)[i],
    shown,
    pending: layer.classList.contains('pending'),
    label: layer.getAttribute('aria-label'),
    text: layer.innerText.replace(/\\s+/g, ' ').trim(),
    buttons: [...root.querySelectorAll('button')].filter((b) => b.getClientRects().length).map((b) => {
      const br = b.getBoundingClientRect();
      return { name: (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\\s+/g, ' ').trim(), x: br.x + br.width / 2, y: br.y + br.height / 2 };
    }),
    backdropFilter: getComputedStyle(layer).backdropFilter,
    fullViewport: r.left <= 0 && r.top <= 0 && r.right >= innerWidth && r.bottom >= innerHeight,
  };
}))`;

/** The guard's layers in the page now (the hosts on `<html>` marked `data-clocked-out`). */
export async function guardLayers(page: Page): Promise<GuardLayer[]> {
  const hosts = await callInPage(page, `() => [...document.documentElement.children].filter((e) => e.hasAttribute('data-clocked-out'))`, []);
  const nodes = (hosts.value as RemoteNode[] | undefined) ?? [];
  const roots = nodes.map((n) => n.value?.shadowRoot).filter((r): r is RemoteNode => !!r?.sharedId);
  if (!roots.length) return [];
  const kinds = nodes.filter((n) => n.value?.shadowRoot?.sharedId).map((n) => n.value?.attributes?.['data-clocked-out'] ?? '');
  const described = await callInPage(page, DESCRIBE_LAYERS, [kinds, ...roots.map((r) => ({ sharedId: r.sharedId }))]);
  return JSON.parse(String(described.value)) as GuardLayer[];
}

/** The computed `filter` on `<html>`: DIM_FILTER while the registered stylesheet (dim.css, from utils/dim.ts) dims. */
export const rootFilter = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).filter);

/**
 * What covers an open work page: 'overlay' (the after-hours dialog, modal over the whole page),
 * 'dim' (the veil's backdrop filter, or the first-frame stylesheet's filter on `<html>`) or 'none'.
 */
export async function coverOf(page: Page): Promise<'overlay' | 'dim' | 'none'> {
  const layers = await guardLayers(page);
  if (layers.some((l) => l.kind === 'overlay' && l.shown && l.label === 'After hours' && l.fullViewport)) return 'overlay';
  if (layers.some((l) => l.kind === 'veil' && l.shown && !l.pending && l.backdropFilter === DIM_FILTER && l.fullViewport)) return 'dim';
  return (await rootFilter(page)) === DIM_FILTER ? 'dim' : 'none';
}

/** Polls `coverOf` until it is `want`; returns the ms it took. */
export async function untilCover(page: Page, want: 'overlay' | 'dim' | 'none', timeoutMs = 3000): Promise<number> {
  const start = Date.now();
  while ((await coverOf(page)) !== want) {
    if (Date.now() - start > timeoutMs) throw new Error(`the page did not become '${want}' within ${timeoutMs} ms (is '${await coverOf(page)}')`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - start;
}

/** The names of the guard's buttons shown on the page. */
export async function guardButtons(page: Page): Promise<string[]> {
  return (await guardLayers(page)).filter((l) => l.shown).flatMap((l) => l.buttons.map((b) => b.name));
}

/** Clicks a button of the overlay or the dim bar by its name, with the driver's mouse (a trusted click). */
export async function clickGuardButton(page: Page, name: RegExp): Promise<void> {
  const button = (await guardLayers(page))
    .filter((l) => l.shown)
    .flatMap((l) => l.buttons)
    .find((b) => name.test(b.name));
  if (!button) throw new Error(`no button named ${name}`);
  await page.mouse.click(button.x, button.y);
}

/**
 * The number of redirect rules in force (a blocked site's navigations never reach the network):
 * the closed set's (dynamic rules) that no opening (session rules) lets through.
 */
export const redirectRules = (h: Harness) =>
  h.evalInExtension(async (b) => {
    const opened = new Set((await b.declarativeNetRequest.getSessionRules()).map((r) => r.condition.regexFilter));
    return (await b.declarativeNetRequest.getDynamicRules()).filter((r) => r.action.type === 'redirect' && !opened.has(r.condition.regexFilter)).length;
  });

/** Resolves once the redirect rules are (or are not) in force. */
export function untilBlocking(h: Harness, on: boolean, timeoutMs = 5000): Promise<void> {
  return untilRedirects(() => redirectRules(h), on, timeoutMs);
}

/** A browser clocked out now and back in three hours, its blocking rules in force. */
export async function launchClockedOut(options?: LaunchOptions): Promise<Harness> {
  const h = await launch(options);
  await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
  await untilBlocking(h, true);
  return h;
}

/** What the page was about to paint (`frame`, in each animation frame) or had painted (`paint`, MozAfterPaint). */
export interface PaintSample {
  readonly kind: 'frame' | 'paint';
  /** `<html>`'s computed filter: DIM_FILTER while the registered stylesheet dims. */
  readonly filter: string;
  /** The guard has lifted the stylesheet (it does so only with its veil or overlay up, in the same task). */
  readonly lifted: boolean;
  /** The guard's veil host is on `<html>`. */
  readonly veil: boolean;
  readonly overlay: boolean;
  /** `<body>` exists: the page's content can be painted. */
  readonly body: boolean;
}

/** Runs in every new document of the page before its own scripts: samples each frame and each paint. */
const PAINT_RECORDER = `(() => {
  const samples = [];
  Object.defineProperty(window, 'clockedOutPaints', { value: samples });
  const sample = (kind) => {
    const html = document.documentElement;
    samples.push({
      kind,
      filter: html ? getComputedStyle(html).filter : 'none',
      lifted: !!html && html.hasAttribute('data-clocked-out-lift'),
      veil: !!html && !!html.querySelector(':scope > [data-clocked-out="veil"]'),
      overlay: !!html && !!html.querySelector(':scope > [data-clocked-out="overlay"]'),
      body: !!document.body,
    });
  };
  const frame = () => { sample('frame'); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  addEventListener('MozAfterPaint', () => sample('paint'));
})()`;

/**
 * Runs `fn` (a navigation) with every new document of `page` sampled at each animation frame (just
 * before it paints) and after each paint; returns the samples of the document it ended on, up to
 * `settleMs` after `fn`. Firefox's screenshots cannot tell a veiled page from a bare one (see the
 * top of this file), so this is how a test knows what each frame would have shown.
 */
export async function recordPaints(page: Page, fn: () => Promise<unknown>, settleMs = 500): Promise<PaintSample[]> {
  const { identifier } = await page.evaluateOnNewDocument(PAINT_RECORDER);
  try {
    await fn();
    await new Promise((r) => setTimeout(r, settleMs));
    return await page.evaluate(() => (window as unknown as { clockedOutPaints?: PaintSample[] }).clockedOutPaints ?? []);
  } finally {
    await page.removeScriptToEvaluateOnNewDocument(identifier);
  }
}

/** A sample the page would show dimmed: the stylesheet's filter, or the guard's veil (which lifted it). */
export const dimmedSample = (s: PaintSample) => s.filter === DIM_FILTER || (s.lifted && s.veil);
