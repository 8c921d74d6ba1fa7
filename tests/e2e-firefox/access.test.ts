// Host access withheld in real Firefox (installed with `extensions.originControls.grantByDefault`
// off, as when a user turns a site's access off in about:addons): the guard says it is off, and the
// popup's "Allow access" gives it back in one click.
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOUR, hrefOf, launch, nextMinuteBoundary, settingsWith, workFrom, type Harness } from './harness';
import { coverOf, untilBlocking, untilGuard } from './guard-helpers';

const badge = (h: Harness) => h.evalInExtension(async (b) => ({ text: await b.action.getBadgeText({}), title: await b.action.getTitle({}) }));
const notGuarded = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('p')].find((p) => p.textContent?.startsWith('Not guarded'))?.textContent ?? null);

describe('host access withheld in Firefox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ grantHostAccess: false });
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
    await untilGuard(h, (s) => Array.isArray(s.unguarded) && s.unguarded.includes('simplepractice'));
  });
  afterAll(async () => {
    await h?.close();
  });

  test('the badge says the guard is off and names the sites, and a blocked site is not blocked', async () => {
    expect(await h.evalInExtension(async (b) => (await b.permissions.getAll()).origins)).toEqual([]);
    const { text, title } = await badge(h);
    expect(text).toBe('!');
    expect(title).toMatch(/^Clocked Out is not guarding: SimplePractice, .* Open Clocked Out to allow access\.$/);
    // What the warning is about: without access the browser applies neither rules nor the page guard.
    h.server.reset();
    const page = await h.openPage('https://secure.simplepractice.com/calendar');
    expect(await hrefOf(page)).toBe('https://secure.simplepractice.com/calendar');
    expect(h.server.count('secure.simplepractice.com')).toBe(1);
    expect(await coverOf(page)).toBe('none');
    await page.close();
  });

  test('"Allow access" in the popup asks Firefox in the click, and the guard works at once', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => notGuarded(popup)).toMatch(/^Not guarded — the browser withholds access to SimplePractice, .*\. Allow access$/);
    const button = (
      await popup.evaluateHandle(() => [...document.querySelectorAll('.unguarded button')].find((b) => b.textContent === 'Allow access') ?? null)
    ).asElement();
    if (!button) throw new Error('no "Allow access" button');
    // A driver click is a user gesture; Firefox (webextOptionalPermissionPrompts off) answers yes without a prompt.
    await (button as ElementHandle<HTMLButtonElement>).click();
    // ("Access given …" shows only until the worker's snapshot empties the list, which is at once.)
    await expect
      .poll(() => h.evalInExtension((b) => b.permissions.contains({ origins: ['https://secure.simplepractice.com/*', 'http://secure.simplepractice.com/*'] })))
      .toBe(true);
    await untilGuard(h, (s) => JSON.stringify(s.unguarded) === '[]', 2000);
    await expect.poll(() => badge(h), { timeout: 2000, interval: 50 }).toMatchObject({ text: 'OFF' });
    await expect.poll(() => notGuarded(popup)).toBeNull();

    await untilBlocking(h, true);
    h.server.reset();
    const page = await h.openPage('https://secure.simplepractice.com/calendar');
    expect(await hrefOf(page)).toBe(`${h.extensionUrl('blocked.html')}?site=simplepractice`);
    expect(h.server.count('secure.simplepractice.com')).toBe(0);
    const mail = await h.openPage('https://secure.hushmail.com/inbox');
    expect(await coverOf(mail)).toBe('dim');
    await mail.close();
    await page.close();
    await popup.close();
  });
});
