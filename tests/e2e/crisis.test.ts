// A crisis exception from the blocked page: back to the exact address, that site only, ends on time.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOUR, launch, nextMinuteBoundary, SECOND, settingsWith, waitUntil, workFrom, type Harness } from './harness';
import { clickGuardButton, untilBlocking, untilCover, untilGuard } from './guard-helpers';

const ORIGINAL = 'https://secure.simplepractice.com/clients/4f1e2d3c4b5a6978/notes?tab=progress#draft';

describe('a crisis exception', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
    await untilBlocking(h, true);
  });
  afterAll(async () => {
    await h?.close();
  });

  test('started from the blocked page, it returns the tab to its exact address and opens that site only', async () => {
    h.server.reset();
    const page = await h.openPage(ORIGINAL);
    expect(page.url()).toContain('blocked.html');
    await page.getByRole('button', { name: /crisis exception/i }).click();
    // One confirmation that says what opens and for how long.
    await expect.poll(() => page.getByText(/Open SimplePractice for 30 minutes\?/).count()).toBe(1);
    await page.getByRole('button', { name: /start crisis exception/i }).click();
    await page.waitForURL(ORIGINAL, { timeout: 3000 });
    expect(h.server.requests.filter((r) => r.host === 'secure.simplepractice.com').map((r) => r.path)).toEqual(['/clients/4f1e2d3c4b5a6978/notes']);

    // Another blocked site stays blocked.
    const other = await h.openPage('https://acme.janeapp.com/admin');
    expect(other.url()).toContain('blocked.html?site=jane');
    expect(h.server.count('acme.janeapp.com')).toBe(0);
    // The exception is kept by id and scope only: no address anywhere in storage.
    const stored = JSON.stringify(await h.evalInWorker(async (chrome) => [await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]));
    expect(stored).not.toContain('/clients/');
    expect(stored).toContain('"siteId":"simplepractice"');
    await other.close();
    await page.close();
  });

  test('it ends on time: an open tab is covered again and new visits are blocked', async () => {
    await h.evalInWorker((chrome) => chrome.storage.local.set({ exceptions: [] }));
    await untilGuard(h, (s) => Array.isArray(s.exceptions) && s.exceptions.length === 0);
    const endsAt = Date.now() + 6 * SECOND;
    await h.setLocal({ exceptions: [{ id: 'short', kind: 'crisis', scope: { type: 'site', siteId: 'simplepractice' }, startedAt: Date.now(), endsAt }] });
    await untilGuard(h, (s) => Array.isArray(s.exceptions) && s.exceptions.length === 1);
    h.server.reset();
    const page = await h.openPage('https://secure.simplepractice.com/calendar');
    expect(page.url()).toBe('https://secure.simplepractice.com/calendar');
    await page.fill('#note', 'half-written');

    // The worker sleeps through the end: the tab's own timer and the worker's alarm must do.
    await h.stopWorkers();
    await waitUntil(endsAt);
    await untilCover(page, 'overlay', 1000);
    expect(await page.inputValue('#note')).toBe('half-written');
    // Navigations alone (they never wake the worker) until the rules are back in force.
    const again = await h.context.newPage();
    const deadline = Date.now() + 10_000;
    do await again.goto('https://secure.simplepractice.com/calendar');
    while (!again.url().includes('blocked.html') && Date.now() < deadline);
    expect(again.url()).toContain('blocked.html');
    expect(await h.workerRunning()).toBe(true);
  });

  test('"Wrap up" on the overlay gives that tab a few minutes, once per evening', async () => {
    const page = h.context.pages().find((p) => p.url() === 'https://secure.simplepractice.com/calendar');
    if (!page) throw new Error('no covered tab from the previous test');
    await clickGuardButton(page, /Wrap up/);
    await untilCover(page, 'none', 3000);
    const wrapUp = await h.getLocal<Array<{ kind: string; endsAt: number; startedAt: number }>>('exceptions');
    expect(wrapUp?.map((e) => [e.kind, Math.round((e.endsAt - e.startedAt) / 60_000)])).toEqual([['wrapUp', 5]]);
  });
});

describe('the week balance', () => {
  test('a visit turned away is counted by site id, without its address', async () => {
    const h = await launch();
    try {
      await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
      await untilBlocking(h, true);
      const page = await h.openPage('https://secure.simplepractice.com/clients/77aa/notes');
      await expect.poll(() => page.locator('h1').textContent()).toContain('SimplePractice');
      const read = () => page.evaluate(() => new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('clocked-out-history');
        // Reading must not create the database before the page does (it would lack its store).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
        open.onsuccess = () => {
          const all = open.result.transaction('events').objectStore('events').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result);
          };
        };
      }));
      await expect.poll(read, { timeout: 5000 }).toHaveLength(1);
      const events = await read();
      expect(events).toEqual([expect.objectContaining({ kind: 'blockedVisit', site: 'simplepractice', category: 'ehr', minutes: 0 })]);
      expect(JSON.stringify(events)).not.toContain('77aa');
    } finally {
      await h.close();
    }
  });
});
