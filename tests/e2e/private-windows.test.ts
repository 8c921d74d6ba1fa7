// Private windows: the browser keeps extensions out of them unless the clinician allows it, so the
// options page says that work sites open there at any hour; once allowed, they are guarded there too.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from './harness';
import { launchClockedOut } from './guard-helpers';

const HOST = 'secure.simplepractice.com';
const NOTE = /^Private windows are not guarded: in them your work sites open at any hour\./;

interface Windows {
  windows: { create(o: object): Promise<{ id?: number; tabs?: Array<{ id?: number }> } | null> };
  tabs: { get(id: number): Promise<{ url?: string; pendingUrl?: string }> };
}

/** Opens `url` in a new private window, as the clinician would, from an extension page; the window's tab id if the extension may see it. */
const openPrivately = (page: Page, url: string) =>
  page.evaluate(async (address) => {
    const chrome = (globalThis as unknown as { chrome: Windows }).chrome;
    // An extension kept out of private windows is not told of the one it opened (null).
    const win = await chrome.windows.create({ incognito: true, url: address });
    return win?.tabs?.[0]?.id ?? null;
  }, url);

/** The address of a tab the extension can see. */
const addressOf = (page: Page, tabId: number) =>
  page.evaluate(async (id) => {
    const tab = await (globalThis as unknown as { chrome: Windows }).chrome.tabs.get(id);
    return tab.url || tab.pendingUrl || '';
  }, tabId);

const note = (page: Page) => page.getByRole('note').filter({ hasText: NOTE });

describe('private windows', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchClockedOut();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('are not guarded until the extension is allowed there, and the options page says so; once allowed, they are', async () => {
    const before = await h.openPage(h.extensionUrl('options.html'));
    await note(before).waitFor({ timeout: 5000 });
    h.server.reset();
    expect(await openPrivately(before, `https://${HOST}/clients/1`)).toBeNull();
    // This is what the sentence warns of: the browser ran no guard in that window.
    await expect.poll(() => h.server.count(HOST), { timeout: 10_000 }).toBe(1);
    await before.close();

    // The clinician allows it in chrome://extensions ("Allow in Incognito"); the browser reloads the extension.
    const extensions = await h.openPage('chrome://extensions');
    await extensions.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { developerPrivate: { updateExtensionConfiguration(u: object): Promise<void> } } }
        ).chrome.developerPrivate.updateExtensionConfiguration({
          extensionId: id,
          incognitoAccess: true,
        }),
      h.extensionId,
    );
    await extensions.close();
    await expect
      .poll(
        async () => {
          const page = await h.openPage(h.extensionUrl('options.html'));
          await page.getByRole('heading', { level: 1 }).waitFor();
          await new Promise((resolve) => setTimeout(resolve, 300));
          const shown = await note(page).count();
          await page.close();
          return shown;
        },
        { timeout: 10_000 },
      )
      .toBe(0);
    const after = await h.openPage(h.extensionUrl('options.html'));
    h.server.reset();
    const tab = await openPrivately(after, `https://${HOST}/clients/2`);
    if (tab === null) throw new Error('the private window was not reported to the extension allowed in it');
    // Turned away to the blocked page's address. (Chromium loads no page of a "spanning" extension
    // in a private tab, so it shows its own error page there, the address left in the fragment.)
    await expect
      .poll(() => addressOf(after, tab), { timeout: 10_000 })
      .toMatch(new RegExp(`^${h.extensionUrl('blocked.html').replace(/[.?]/g, '\\$&')}\\?site=simplepractice(#|$)`));
    expect(h.server.count(HOST)).toBe(0);
    await after.close();
  });
});
