// A work site's own service worker, in real Firefox: its answers from the cache never show the
// site after hours. Firefox's rules see a navigation before the service worker does (Chromium's do
// not: tests/e2e/service-worker.test.ts), so here this holds with or without the turn-away script;
// it is checked so that it stays so, and that the script changes nothing for a tab already open.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alwaysWork, hrefOf, launch, neverWork, OFFLINE_PREFIX, settingsWith, type Harness } from './harness';
import { coverOf, untilBlocking, untilCover } from './guard-helpers';

const HOST = 'secure.simplepractice.com';
const CHART = `https://${HOST}${OFFLINE_PREFIX}chart`;

describe("a work site's own service worker, in Firefox", () => {
  let h: Harness;
  beforeAll(async () => {
    // Service workers refuse the test server's certificate unless testing is on.
    h = await launch({ prefs: { 'dom.serviceWorkers.testing.enabled': true, 'devtools.serviceWorkers.testing.enabled': true } });
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilBlocking(h, false);
    const page = await h.openPage(CHART);
    await page.waitForFunction(() => (window as { offlineReady?: boolean }).offlineReady === true, { timeout: 10_000 });
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.close();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('cannot show the site after hours: the blocked page names the site, and the site sees no request', async () => {
    await h.setSettings(settingsWith({ week: neverWork() }));
    await untilBlocking(h, true);
    h.server.reset();
    const page = await h.openPage(`${CHART}?client=4f1e2d`);
    await expect.poll(() => hrefOf(page), { timeout: 5000 }).toBe(h.extensionUrl('blocked.html?site=simplepractice'));
    await expect.poll(() => page.evaluate(() => document.querySelector('h1')?.textContent)).toBe('SimplePractice is closed for the evening');
    expect(h.server.count(HOST)).toBe(0);
    await page.close();
  });

  test('a tab open when the site closes is covered in place, never sent away', async () => {
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilBlocking(h, false);
    const page = await h.openPage(`${CHART}?client=4f1e2d`);
    await page.type('#note', 'Client reports better sleep');
    await h.setSettings(settingsWith({ week: neverWork() }));
    await untilCover(page, 'overlay', 5000);
    expect(await hrefOf(page)).toBe(`${CHART}?client=4f1e2d`);
    expect(await page.$eval('#note', (el) => (el as HTMLTextAreaElement).value)).toBe('Client reports better sleep');
    expect(await coverOf(page)).toBe('overlay');
    await page.close();
  });
});
