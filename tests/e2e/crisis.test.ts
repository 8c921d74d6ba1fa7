// A crisis exception from the blocked page and the overlay: the weekly limit said before confirming,
// back to the exact address (or uncovered in place), that site only, ends on time.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOUR, launch, nextMinuteBoundary, SECOND, settingsWith, waitUntil, workFrom, type Harness } from './harness';
import { accessibleNodes, clickGuardButton, historyEvents, launchClockedOut, untilBlocking, untilCover, untilGuard } from './guard-helpers';

const ORIGINAL = 'https://secure.simplepractice.com/clients/4f1e2d3c4b5a6978/notes?tab=progress#draft';
const JANE = 'https://acme.janeapp.com/admin/patients/7c2e?view=chart';
const THERAPYNOTES = 'https://www.therapynotes.com/app/patients/31';

/** The weekly-limit line for the `n`th exception of the week against a limit of 1 (utils/crisis.ts). */
const overLimit = (n: string) =>
  `This will be your ${n} crisis exception this week. Your weekly limit is 1, so this one goes over it. It still opens: your client comes first.`;
const crisisExceptions = async (h: Harness) =>
  ((await h.getLocal<Array<{ kind: string; scope: unknown }>>('exceptions')) ?? []).filter((e) => e.kind === 'crisis');
/** The texts of the guard's layers as assistive technology reads them (its shadow roots are closed). */
const guardTexts = async (page: Page) => (await accessibleNodes(page)).map((n) => n.name).filter(Boolean);

describe('a crisis exception', () => {
  let h: Harness;
  let week: ReturnType<typeof workFrom>;
  beforeAll(async () => {
    h = await launch();
    week = workFrom(nextMinuteBoundary() + 3 * HOUR);
    await h.setSettings(settingsWith({ week }));
    await untilBlocking(h, true);
  });
  afterAll(async () => {
    await h?.close();
  });

  test('started from the blocked page, it returns the tab to its exact address and opens that site only', async () => {
    h.server.reset();
    const page = await h.openPage(ORIGINAL);
    expect(page.url()).toContain('blocked.html');
    await page.getByRole('button', { name: 'Crisis exception…' }).click();
    // This site is chosen; one confirmation says what opens, until when, and where the week stands.
    expect(await page.getByRole('radio', { name: 'Only SimplePractice' }).isChecked()).toBe(true);
    await expect.poll(() => page.locator('.question').textContent()).toMatch(/^Open SimplePractice until \S+ \(30 minutes\)\? It counts as after-hours work/);
    expect(await page.locator('.limit').textContent()).toBe('This will be your 1st crisis exception this week. Your weekly limit is 5.');
    await page.getByRole('button', { name: /^Yes, open until/ }).click();
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

  test('past the weekly limit, the blocked page says so before confirming, and confirming still opens the site', async () => {
    await h.setSettings(settingsWith({ week, exceptions: { weeklyLimit: 1 } }));
    await untilGuard(h, (s) => (s.crisisWeek as { used?: number; limit?: number } | undefined)?.limit === 1);
    h.server.reset();
    const page = await h.openPage(JANE);
    expect(page.url()).toContain('blocked.html?site=jane');
    await page.getByRole('button', { name: /crisis exception…$/i }).click();
    // The count comes from the worker's snapshot: the exception of the test before is the first.
    await expect.poll(() => page.locator('.limit').textContent()).toBe(overLimit('2nd'));
    expect(await page.locator('.limit').isVisible()).toBe(true);
    expect(await page.locator('.question').textContent()).toMatch(/^Open Jane until /);
    expect((await crisisExceptions(h)).map((e) => e.scope)).toEqual([{ type: 'site', siteId: 'simplepractice' }]);
    await page.getByRole('button', { name: /^Yes, open until/ }).click();
    await page.waitForURL(JANE, { timeout: 3000 });
    expect(h.server.count('acme.janeapp.com')).toBe(1);
    expect((await crisisExceptions(h)).map((e) => e.scope)).toContainEqual({ type: 'site', siteId: 'jane' });
    await untilGuard(h, (s) => (s.crisisWeek as { used?: number } | undefined)?.used === 2);
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

  test('past the weekly limit, the overlay says so before confirming, and confirming uncovers the page as it was', async () => {
    // A tab open while TherapyNotes was open, covered when that ends.
    await h.setLocal({
      exceptions: [{ id: 'tn', kind: 'crisis', scope: { type: 'site', siteId: 'therapynotes' }, startedAt: Date.now(), endsAt: Date.now() + HOUR }],
    });
    await untilGuard(h, (s) => Array.isArray(s.exceptions) && s.exceptions.length === 1);
    const page = await h.openPage(THERAPYNOTES);
    await page.fill('#note', 'session notes, half-written');
    await h.evalInWorker((chrome) => chrome.storage.local.set({ exceptions: [] }));
    await untilCover(page, 'overlay', 3000);
    h.server.reset();

    await clickGuardButton(page, /^Crisis exception…$/);
    // The same steps and words as the blocked page's, and the week's count the worker sent: two so
    // far. A work page may ask for its own site only, so that is the only thing on offer.
    await expect.poll(() => guardTexts(page)).toEqual(expect.arrayContaining(['For how long?', '30 min', overLimit('3rd')]));
    const texts = await guardTexts(page);
    expect(texts).not.toContain('All work sites');
    expect(texts.find((t) => t.startsWith('Open TherapyNotes until'))).toMatch(
      /^Open TherapyNotes until \S+ \(30 minutes\)\? It counts as after-hours work and closes by itself\.$/,
    );
    expect(await crisisExceptions(h)).toEqual([]);
    await page.screenshot({ path: fileURLToPath(new URL('../../test-results/crisis/overlay-over-limit.png', import.meta.url)) });
    await clickGuardButton(page, /^Yes, open until/);
    await untilCover(page, 'none', 3000);
    expect((await crisisExceptions(h)).map((e) => e.scope)).toEqual([{ type: 'site', siteId: 'therapynotes' }]);
    // Uncovered in place: never reloaded, the note still there.
    expect(await page.inputValue('#note')).toBe('session notes, half-written');
    expect(h.server.count('www.therapynotes.com')).toBe(0);
    await untilGuard(h, (s) => (s.crisisWeek as { used?: number } | undefined)?.used === 3);
    await page.close();
  });
});

describe('the week balance', () => {
  test('a visit turned away is counted by site id, without its address', async () => {
    const h = await launchClockedOut();
    try {
      const page = await h.openPage('https://secure.simplepractice.com/clients/77aa/notes');
      await expect.poll(() => page.locator('h1').textContent()).toContain('SimplePractice');
      const read = () => historyEvents(page);
      await expect.poll(read, { timeout: 5000 }).toHaveLength(1);
      const events = await read();
      expect(events).toEqual([expect.objectContaining({ kind: 'blockedVisit', site: 'simplepractice', category: 'ehr', minutes: 0 })]);
      expect(JSON.stringify(events)).not.toContain('77aa');
    } finally {
      await h.close();
    }
  });
});
