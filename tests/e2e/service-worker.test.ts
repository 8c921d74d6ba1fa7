// A work site's own service worker answers navigations from its cache, where the browser's
// redirect rules never see them (docs/ARCHITECTURE.md, "Closed by default"): after hours such a
// navigation still lands on the blocked page, before any script of the page runs, and a tab open
// when the site closes is covered as any other.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alwaysWork, isBrightRed, launch, neverWork, OFFLINE_PREFIX, recordFrames, settingsWith, type Harness } from './harness';
import { coverOf, untilBlocking, untilCover } from './guard-helpers';

const HOST = 'secure.simplepractice.com';
const CHART = `https://${HOST}${OFFLINE_PREFIX}chart`;

/** Visits the site in work hours until its service worker controls it and has the chart in its cache. */
async function installOffline(h: Harness): Promise<void> {
  const page = await h.openPage(CHART);
  await page.waitForFunction(() => (window as { offlineReady?: boolean }).offlineReady === true, undefined, { timeout: 10_000 });
  // Controlled now: this load goes through the worker, which keeps the page.
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.close();
}

const closedScripts = (h: Harness) =>
  h.evalInWorker(async (chrome) => (await chrome.scripting.getRegisteredContentScripts({ ids: ['clocked-out-closed'] })).map((s) => s.matches ?? []));

describe("a work site's own service worker", () => {
  let h: Harness;
  beforeAll(async () => {
    // Service workers refuse a certificate error even where the page is let through.
    h = await launch({ args: ['--ignore-certificate-errors'] });
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilBlocking(h, false);
    await installOffline(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  test('cannot show the site after hours: its answer from the cache is stopped before the page runs, and the site opens again in the morning', async () => {
    await h.setSettings(settingsWith({ week: neverWork() }));
    await untilBlocking(h, true);
    await expect.poll(() => closedScripts(h)).toEqual([expect.arrayContaining([expect.stringContaining(`${HOST}/`)])]);
    h.server.reset();
    const page = await h.context.newPage();
    const frames = await recordFrames(page, () => page.goto(`${CHART}?client=4f1e2d`));
    await page.waitForURL(/blocked\.html/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('SimplePractice is closed for the evening');
    // Not the page, and not its first script's call home: nothing reached the site.
    expect(h.server.count(HOST)).toBe(0);
    expect(frames.filter((f) => isBrightRed(f))).toHaveLength(0);
    // The tab keeps the site's id, not the client's address.
    expect(page.url()).toBe(h.extensionUrl('blocked.html?site=simplepractice'));

    // Work begins: the turn-away script goes, and the tab returns to its address.
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await page.waitForURL(`${CHART}?client=4f1e2d`, { timeout: 5000 });
    expect(await coverOf(page)).toBe('none');
    expect(await closedScripts(h)).toEqual([]);
    await page.close();
  });

  test('before the worker has registered its script, the page guard turns the page away at its first decision', async () => {
    await h.setSettings(settingsWith({ week: neverWork() }));
    await untilBlocking(h, true);
    await expect.poll(() => closedScripts(h)).toHaveLength(1);
    // As though the worker had not yet come to it (asleep at the boundary).
    await h.evalInWorker((chrome) => chrome.scripting.unregisterContentScripts({ ids: ['clocked-out-closed'] }));
    const page = await h.context.newPage();
    const frames = await recordFrames(page, () => page.goto(`${CHART}?client=4f1e2d`));
    await page.waitForURL(/blocked\.html\?site=simplepractice$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('SimplePractice is closed for the evening');
    expect(frames.filter((f) => isBrightRed(f))).toHaveLength(0);
    await page.close();
    // The next decision puts the script back.
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilBlocking(h, false);
  });

  test('a tab open when the site closes is covered in place, its typed text kept, never sent away', async () => {
    const page: Page = await h.openPage(`${CHART}?client=4f1e2d`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.locator('#note').fill('Client reports better sleep');
    await h.setSettings(settingsWith({ week: neverWork() }));
    await untilCover(page, 'overlay', 5000);
    expect(page.url()).toBe(`${CHART}?client=4f1e2d`);
    expect(await page.locator('#note').inputValue()).toBe('Client reports better sleep');
    await page.close();
  });
});
