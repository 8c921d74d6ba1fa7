/** Waiting on the guard as a user would see it: rules in force, an open tab dimmed or covered. */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { HOUR, launch, nextMinuteBoundary, settingsWith, workFrom, type Harness, type LaunchOptions } from './harness';
import { untilRedirects } from './guard-waits';

export { untilApplied, untilGuard } from './guard-waits';

/** A browser clocked out now and back in three hours, its blocking rules in force. */
export async function launchClockedOut(options?: LaunchOptions): Promise<Harness> {
  const h = await launch(options);
  await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
  await untilBlocking(h, true);
  return h;
}

/** One event of the history as the tests read it (utils/history-events.ts has the full shape). */
export interface StoredEvent {
  kind: string;
  site: string | null;
  category: string | null;
  minutes: number;
  [field: string]: unknown;
}

/**
 * In an extension page or frame (the database belongs to the extension's origin): the history's
 * events. Self-contained, so either driver can run it there (`page.evaluate`, Firefox's
 * `evalInExtension`).
 */
export const readHistoryHere = (): Promise<StoredEvent[]> =>
  new Promise<StoredEvent[]>((resolve, reject) => {
    const open = indexedDB.open('clocked-out-history');
    // Reading must not create the database before the extension does (it would lack its store).
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
    open.onsuccess = () => {
      const all = open.result.transaction('events').objectStore('events').getAll();
      all.onsuccess = () => {
        open.result.close();
        resolve(all.result);
      };
    };
  });

/** The history's events, read in an extension page or frame. */
export function historyEvents(target: Pick<Page, 'evaluate'>): Promise<StoredEvent[]> {
  return target.evaluate(readHistoryHere);
}

/**
 * The number of redirect rules in force (a blocked site's navigations never reach the network):
 * the closed set's (dynamic rules) that no opening (session rules) lets through.
 */
export const redirectRules = (h: Harness) =>
  h.evalInWorker(async (chrome) => {
    const opened = new Set((await chrome.declarativeNetRequest.getSessionRules()).map((r) => r.condition.regexFilter));
    return (await chrome.declarativeNetRequest.getDynamicRules()).filter((r) => r.action.type === 'redirect' && !opened.has(r.condition.regexFilter)).length;
  });

/** Resolves once the redirect rules are (or are not) in force. */
export function untilBlocking(h: Harness, on: boolean, timeoutMs = 5000): Promise<void> {
  return untilRedirects(() => redirectRules(h), on, timeoutMs);
}

interface AxNode {
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
}

/**
 * What assistive technology sees of the page, the guard's own controls included. The guard's
 * shadow roots belong to the extension's isolated world, so page-side queries cannot see into
 * them — neither can the page's own scripts — but the accessibility tree shows them to users.
 */
export async function accessibleNodes(page: Page): Promise<Array<{ role: string; name: string; backendDOMNodeId?: number }>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => ({ role: n.role?.value ?? '', name: n.name?.value ?? '', ...(n.backendDOMNodeId ? { backendDOMNodeId: n.backendDOMNodeId } : {}) }));
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The colour at the middle of what the tab shows now (the test pages are bright red all over). */
export async function centreColour(page: Page): Promise<[number, number, number]> {
  const png = PNG.sync.read(await page.screenshot({ animations: 'disabled', caret: 'initial', timeout: 5000 }));
  const i = (Math.floor(png.height / 2) * png.width + Math.floor(png.width / 2)) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
}

/**
 * What covers an open work page: 'overlay' (the after-hours dialog, to assistive technology and
 * so to the eye), 'dim' (the red test page shows grey and dark: the veil or the first-frame
 * stylesheet) or 'none'. Judged from what the tab paints, not from the guard's own elements,
 * which live in a closed shadow root.
 */
export async function coverOf(page: Page): Promise<'overlay' | 'dim' | 'none'> {
  const nodes = await accessibleNodes(page);
  if (nodes.some((n) => n.role === 'dialog' && n.name === 'After hours')) return 'overlay';
  const [r, g, b] = await centreColour(page);
  const grey = Math.max(r, g, b) - Math.min(r, g, b) < 24;
  return grey && r < 110 ? 'dim' : 'none';
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

/** The names of the guard's buttons (and other named controls) on the page. */
export async function guardButtons(page: Page): Promise<string[]> {
  return (await accessibleNodes(page)).filter((n) => n.role === 'button').map((n) => n.name);
}

/** Clicks a button of the overlay or the dim bar by its accessible name, as a mouse would. */
export async function clickGuardButton(page: Page, name: RegExp): Promise<void> {
  const node = (await accessibleNodes(page)).find((n) => n.role === 'button' && name.test(n.name));
  if (!node?.backendDOMNodeId) throw new Error(`no button named ${name}`);
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId })) as { model: { content: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Watches, from the page's own world, for the guard's layers to be replaced: records when the page
 * first holds exactly one layer and it is not one of those there now. An observer, not polling
 * from here, so the timing costs the browser nothing and misses nothing.
 */
export const watchReplacement = (page: Page) =>
  page.evaluate(() => {
    const w = window as { replacedAt?: number };
    delete w.replacedAt;
    const before = [...document.querySelectorAll('[data-clocked-out]')];
    new MutationObserver((_, observer) => {
      const now = [...document.querySelectorAll('[data-clocked-out]')];
      if (now.length === 1 && !before.includes(now[0]!)) {
        w.replacedAt = Date.now();
        observer.disconnect();
      }
    }).observe(document.documentElement, { childList: true });
    return before.length;
  });
