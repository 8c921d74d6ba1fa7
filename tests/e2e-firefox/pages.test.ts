// The extension's pages in real Firefox: the popup and the options page load, a crisis exception
// started from the popup opens the blocked site, and only that one, and a settings file imported
// in the options page is what the guard follows.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alwaysWork, hrefOf, neverWork, settingsWith, type Harness } from './harness';
import { launchClockedOut, untilBlocking, untilGuard } from './guard-helpers';

const text = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector);
const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

/** Clicks the page's button whose text matches `name`, with the driver's mouse (a user gesture). */
async function clickButton(page: Page, name: RegExp): Promise<void> {
  const start = Date.now();
  for (;;) {
    const handle = await page.evaluateHandle(
      (source) => [...document.querySelectorAll('button')].find((b) => new RegExp(source).test(b.textContent?.trim() ?? '')) ?? null,
      name.source,
    );
    const button = handle.asElement() as ElementHandle<HTMLButtonElement> | null;
    if (button) return button.click();
    if (Date.now() - start > 5000) throw new Error(`no button ${name}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the extension pages in Firefox', () => {
  let h: Harness;
  let files: string;
  beforeAll(async () => {
    h = await launchClockedOut();
    files = await mkdtemp(join(tmpdir(), 'clocked-out-import-'));
  });
  afterAll(async () => {
    await h?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  /** Chooses a file named `name` holding `content` in the options page's "Import settings" input, as a user would. */
  async function importFile(page: Page, name: string, content: unknown): Promise<void> {
    const path = join(files, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    const input = (await page.waitForSelector('input[type=file]')) as ElementHandle<HTMLInputElement> | null;
    if (!input) throw new Error('no "Import settings" file input');
    await input.uploadFile(path);
  }

  /**
   * An extension page in a tab, collecting its script errors from now on. Firefox reports no log
   * entries of extension pages to the driver, so the page collects them itself.
   */
  async function open(path: string): Promise<Page> {
    const page = await h.openExtensionPage(path);
    await page.evaluate(() => {
      const errors: string[] = [];
      Object.assign(window, { clockedOutErrors: errors });
      addEventListener('error', (e) => errors.push(String(e.error ?? e.message)));
      addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
    });
    return page;
  }
  const errorsOf = (page: Page) => page.evaluate(() => (window as unknown as { clockedOutErrors: string[] }).clockedOutErrors);

  test('the popup says the state in words, with the crisis exception and the settings', async () => {
    const page = await open('popup.html');
    await expect.poll(() => text(page, 'h1')).toMatch(/^Clocked out — back /);
    expect(await bodyText(page)).toMatch(/Crisis exception…/);
    expect(await page.$$('::-p-aria(Open settings)')).toHaveLength(1);
    expect(await errorsOf(page)).toEqual([]);
    await page.close();
  });

  test('the options page shows every section, no notification muting (Firefox has no such API), and that private windows are not guarded', async () => {
    const page = await open('options.html');
    await expect.poll(() => text(page, 'h1')).toBe('Clocked Out settings');
    const headings = await page.evaluate(() => [...document.querySelectorAll('h2')].map((e) => e.textContent?.trim()));
    expect(headings).toEqual(expect.arrayContaining(['Work hours', 'Days off']));
    expect(await bodyText(page)).not.toMatch(/Mute work sites' notifications/);
    // A temporary add-on does not run in private windows unless allowed there: the page says so.
    await expect.poll(() => bodyText(page)).toMatch(/Private windows are not guarded: in them your work sites open at any hour\./);
    expect(await errorsOf(page)).toEqual([]);
    await page.close();
  });

  test('a 30-minute crisis exception for one site from the popup opens that site, and only that one', async () => {
    const page = await open('popup.html');
    // The same flow as everywhere (components/CrisisFlow.tsx): open it, choose, confirm once.
    await clickButton(page, /^Crisis exception…$/);
    await page.waitForSelector('.choice-scope select');
    await page.select('.choice-scope select', 'site:simplepractice');
    expect(await page.$eval('.choice-minutes input[value="30"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await expect.poll(() => text(page, '.crisis-flow .question')).toContain('Open SimplePractice until');
    expect(await text(page, '.crisis-flow .question')).toContain('(30 minutes)');
    await clickButton(page, /^Yes, open until/);
    await untilGuard(h, (s) => Array.isArray(s.exceptions) && s.exceptions.length === 1);
    await untilBlocking(h, true);

    h.server.reset();
    const site = await h.openPage('https://secure.simplepractice.com/calendar');
    expect(await hrefOf(site)).toBe('https://secure.simplepractice.com/calendar');
    expect(h.server.count('secure.simplepractice.com')).toBe(1);
    const other = await h.openPage('https://acme.janeapp.com/admin');
    expect(await hrefOf(other)).toBe(`${h.extensionUrl('blocked.html')}?site=jane`);
    expect(h.server.count('acme.janeapp.com')).toBe(0);
    await other.close();
    await site.close();

    // The popup counts down.
    await expect.poll(() => text(page, 'h1')).toMatch(/^Crisis exception — (29|30) min left$/);
    expect(await errorsOf(page)).toEqual([]);
    await page.close();
  });

  test('a settings file imported in the options page shows what changed, and the guard follows it', async () => {
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilBlocking(h, false);
    const page = await open('options.html');
    await importFile(page, 'evenings-off.json', settingsWith({ week: neverWork(), windDownMinutes: 5 }));
    await expect.poll(() => text(page, '.summary')).toContain('Imported evenings-off.json. What changed:');
    expect(await text(page, '.summary')).toContain('Mon: 00:00–24:00 → off');
    expect(await text(page, '.summary')).toContain('Wind-down warning: 0 min → 5 min');
    await untilBlocking(h, true);
    h.server.reset();
    const site = await h.openPage('https://acme.janeapp.com/admin');
    expect(await hrefOf(site)).toBe(`${h.extensionUrl('blocked.html')}?site=jane`);
    expect(h.server.count('acme.janeapp.com')).toBe(0);
    await site.close();
    expect(await errorsOf(page)).toEqual([]);
    await page.close();
  });

  test('a malformed settings file is refused with its errors by field, and nothing changes', async () => {
    const before = await h.evalInExtension(async (b) => (await b.storage.sync.get(null)) as unknown);
    const page = await open('options.html');
    const bad = settingsWith({ week: alwaysWork() }) as Record<string, unknown>;
    bad.week = { ...alwaysWork(), tue: [['09:00', '25:00']] };
    await importFile(page, 'broken.json', bad);
    await expect.poll(() => text(page, '.refused')).toContain('broken.json was not imported, and nothing changed:');
    expect(await page.$$eval('.refused li', (items) => items.map((li) => li.textContent))).toEqual([
      'week.tue[0]: end "25:00" is not a time (HH:MM, or 24:00)',
    ]);
    expect(await h.evalInExtension(async (b) => (await b.storage.sync.get(null)) as unknown)).toEqual(before);
    await untilBlocking(h, true);
    await page.close();
  });
});
