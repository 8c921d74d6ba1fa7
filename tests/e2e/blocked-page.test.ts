// The blocked page is web-accessible: framed by any site it says nothing, in its own tab it keeps
// the client's address out of the URL, names only guarded sites and counts only real visits.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alwaysWork, NON_WORK_HOST, settingsWith, type Harness } from './harness';
import { historyEvents, launchClockedOut, untilBlocking } from './guard-helpers';

const ORIGINAL = 'https://secure.simplepractice.com/clients/4f1e2d3c4b5a6978/notes?tab=progress#draft';

/** The history's events, read on an extension page of its own (the store the popup and options read). */
async function visits(h: Harness): Promise<unknown[]> {
  const page = await h.openPage(h.extensionUrl('popup.html'));
  try {
    return await historyEvents(page);
  } finally {
    await page.close();
  }
}

/** The URLs of the tab's session history entries (what back/forward, session restore and sync keep). */
async function sessionHistory(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { entries } = (await cdp.send('Page.getNavigationHistory')) as { entries: Array<{ url: string }> };
    return entries.map((e) => e.url);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

const settle = (ms = 750) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the blocked page, off hours', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchClockedOut();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('framed by another site it shows neutral text only: no site, no schedule, no buttons, no visit', async () => {
    // Counts, in the framed page, every attempt to read storage or open the history.
    await h.context.addInitScript(() => {
      if (!location.href.includes('/blocked.html')) return;
      const touched: string[] = [];
      Object.assign(window, { touched });
      const open = indexedDB.open.bind(indexedDB);
      indexedDB.open = (...args: Parameters<IDBFactory['open']>) => (touched.push('indexedDB'), open(...args));
      const area = (globalThis as unknown as { chrome?: { storage?: { local?: { get(...a: unknown[]): unknown } } } }).chrome?.storage?.local;
      if (area) {
        const get = area.get.bind(area);
        area.get = (...args: unknown[]) => (touched.push('storage'), get(...args));
      }
    });
    const page = await h.openPage(`https://${NON_WORK_HOST}/`);
    await page.evaluate(
      (src) => {
        const frame = document.createElement('iframe');
        frame.src = src;
        frame.id = 'probe';
        document.body.append(frame);
      },
      `${h.extensionUrl('blocked.html')}?site=simplepractice#${ORIGINAL}`,
    );
    await expect.poll(() => page.frames().some((f) => f.url().startsWith(h.extensionUrl('blocked.html')))).toBe(true);
    const frame = page.frames().find((f) => f.url().startsWith(h.extensionUrl('blocked.html')));
    if (!frame) throw new Error('no extension frame');
    await frame.waitForLoadState('load');
    await expect.poll(() => frame.locator('h1').textContent()).toBe('This page is not available here');
    // Time for the app to have loaded and read storage, if it were going to.
    await settle();
    const text = (await frame.locator('body').innerText()).trim();
    expect(text).toBe('This page is not available here');
    expect(text).not.toContain('SimplePractice');
    expect(text).not.toMatch(/Opens again/);
    expect(await frame.locator('button').count()).toBe(0);
    expect(await frame.title()).not.toContain('SimplePractice');
    // It touched neither storage nor the history (counted by the init script; a framed extension page
    // here is also denied IndexedDB, so the store alone could not tell).
    expect(await frame.evaluate(() => (window as unknown as { touched?: string[] }).touched)).toEqual([]);
    expect(await visits(h)).toEqual([]);
    await page.close();
  });

  test('a blocked navigation leaves no address in the URL or the tab history, and counts one visit', async () => {
    h.server.reset();
    const page = await h.openPage(ORIGINAL);
    await expect.poll(() => page.locator('h1').textContent()).toBe('SimplePractice is closed for the evening');
    await expect.poll(() => page.url()).toBe(`${h.extensionUrl('blocked.html')}?site=simplepractice`);
    expect(page.url()).not.toContain('#');
    const entries = await sessionHistory(page);
    expect(entries.at(-1)).toBe(`${h.extensionUrl('blocked.html')}?site=simplepractice`);
    expect(entries.join(' ')).not.toContain('/clients/');
    expect(await page.evaluate(() => location.href)).not.toContain('#');
    await expect.poll(() => page.getByText(/Opens again/).count()).toBe(1);
    expect(h.server.count('secure.simplepractice.com')).toBe(0);
    await expect.poll(() => visits(h)).toEqual([expect.objectContaining({ kind: 'blockedVisit', site: 'simplepractice' })]);

    // A reload has no address to go back to: it is still the blocked page, with "Go back", and no second visit.
    await page.reload();
    await expect.poll(() => page.getByText(/Opens again/).count()).toBe(1);
    expect(page.url()).toBe(`${h.extensionUrl('blocked.html')}?site=simplepractice`);
    await settle();
    expect(await visits(h)).toHaveLength(1);
    await page.close();
  });

  test.each(['<script>alert(1)</script>', 'Evil Corp', 'custom:foo.com'])('?site=%s gets the neutral heading, never the raw value', async (site) => {
    const page = await h.openPage(`${h.extensionUrl('blocked.html')}?site=${encodeURIComponent(site)}#https://foo.com/`);
    await expect.poll(() => page.getByText('Clocked Out does not guard a site by this name.').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toBe('This work site is closed');
    const text = await page.locator('body').innerText();
    for (const raw of [site, 'foo.com', 'Evil', 'script']) expect(text).not.toContain(raw);
    expect(await page.title()).not.toContain('foo.com');
    expect(await page.getByText(/Opens again/).count()).toBe(0);
    expect(await page.getByRole('button', { name: /crisis/i }).count()).toBe(0);
    await page.close();
  });

  test('the tab returns to the original address, from memory, when the site opens', async () => {
    const page = await h.openPage(ORIGINAL);
    await expect.poll(() => page.getByText(/Opens again/).count()).toBe(1);
    expect(page.url()).not.toContain('#');
    h.server.reset();
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await page.waitForURL(ORIGINAL, { timeout: 5000 });
    expect(h.server.requests.filter((r) => r.host === 'secure.simplepractice.com').map((r) => r.path)).toEqual(['/clients/4f1e2d3c4b5a6978/notes']);
    await page.close();
  });

  test('a direct visit while the site is open records nothing', async () => {
    await untilBlocking(h, false);
    const before = (await visits(h)).length;
    const page = await h.openPage(`${h.extensionUrl('blocked.html')}?site=simplepractice`);
    await expect.poll(() => page.getByText('Clocked Out is not blocking it now.').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toBe('SimplePractice is open');
    await settle();
    expect(await visits(h)).toHaveLength(before);
    await page.close();
  });
});
