// Private windows: the browser keeps extensions out of them unless the clinician allows it, so the
// options page says that work sites open there at any hour; once allowed, they are guarded there too.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from './harness';
import { launchClockedOut } from './guard-helpers';

const HOST = 'secure.simplepractice.com';
const NOTE = /^Private windows are not guarded: in them your work sites open at any hour\./;

/** Opens `url` in a new private window, as the clinician would, from an extension page. */
const openPrivately = (page: Page, url: string) =>
  page.evaluate(async (address) => {
    const chrome = (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<{ id?: number } | null>; remove(id: number): Promise<void> } } })
      .chrome;
    const win = await chrome.windows.create({ incognito: true, url: address });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // An extension kept out of private windows is not told of the one it opened: it stays open.
    if (win?.id !== undefined) await chrome.windows.remove(win.id);
  }, url);

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
    await openPrivately(before, `https://${HOST}/clients/1`);
    // This is what the sentence warns of: the browser ran no guard in that window.
    expect(h.server.count(HOST)).toBe(1);
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
    await openPrivately(after, `https://${HOST}/clients/2`);
    expect(h.server.count(HOST)).toBe(0);
    await after.close();
  });
});
