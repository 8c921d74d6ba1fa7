// Host access withheld in real Firefox, on both paths: at install (`extensions.originControls.grantByDefault`
// off), where the welcome guide's access step asks for the sites, and withdrawn later, where the
// extension opens its site-access page. Until access is given the badge says the guard is off,
// and one button in the click gives it back.
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOUR, hrefOf, launch, nextMinuteBoundary, settingsWith, untilAt, workFrom, type Harness } from './harness';
import { coverOf, untilBlocking, untilGuard } from './guard-helpers';

const SIMPLEPRACTICE_ORIGINS = ['https://*.secure.simplepractice.com/*', 'http://*.secure.simplepractice.com/*'];

const badge = (h: Harness) => h.evalInExtension(async (b) => ({ text: await b.action.getBadgeText({}), title: await b.action.getTitle({}) }));
const hasSimplePractice = (h: Harness) => h.evalInExtension((b, origins) => b.permissions.contains({ origins }), SIMPLEPRACTICE_ORIGINS);
const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector);
const notGuarded = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('p')].find((p) => p.textContent?.startsWith('Not guarded'))?.textContent ?? null);

/** The page's visible buttons' names. */
const buttonNames = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('button')].filter((b) => b.getClientRects().length).map((b) => b.textContent?.trim() ?? ''));

/** Clicks the page's button named `name` with the driver's mouse: a user gesture, so `permissions.request` may prompt. */
async function clickButton(page: Page, name: string): Promise<void> {
  const start = Date.now();
  for (;;) {
    const handle = await page.evaluateHandle((n) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === n) ?? null, name);
    const button = handle.asElement() as ElementHandle<HTMLButtonElement> | null;
    if (button) return button.click();
    if (Date.now() - start > 5000) throw new Error(`no button "${name}" (there are: ${(await buttonNames(page)).join(', ')})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The open tab on the extension page `path`, once one is there (the worker opens it, not the test). */
async function untilTabOn(h: Harness, path: string, timeoutMs = 5000): Promise<Page> {
  const start = Date.now();
  for (;;) {
    for (const page of await h.pages()) if ((await hrefOf(page).catch(() => '')).startsWith(h.extensionUrl(path))) return page;
    if (Date.now() - start > timeoutMs) throw new Error(`no tab on ${path} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** How many tabs are on the extension page `path`. */
async function tabsOn(h: Harness, path: string): Promise<number> {
  const hrefs = await Promise.all((await h.pages()).map((page) => hrefOf(page).catch(() => '')));
  return hrefs.filter((href) => href.startsWith(h.extensionUrl(path))).length;
}

/** Blocking works as it should off hours: the blocked page, the site sees nothing; email dimmed. */
async function expectGuarded(h: Harness): Promise<void> {
  await untilGuard(h, (s) => JSON.stringify(s.unguarded) === '[]', 2000);
  await expect.poll(() => badge(h), { timeout: 2000, interval: 50 }).toMatchObject({ text: 'OFF' });
  await untilBlocking(h, true);
  h.server.reset();
  const page = await h.openPage('https://secure.simplepractice.com/calendar');
  expect(await hrefOf(page)).toBe(`${h.extensionUrl('blocked.html')}?site=simplepractice`);
  expect(h.server.count('secure.simplepractice.com')).toBe(0);
  const mail = await h.openPage('https://secure.hushmail.com/inbox');
  expect(await coverOf(mail)).toBe('dim');
  await mail.close();
  await page.close();
}

/**
 * Withdraws SimplePractice's access, as switching it off in about:addons → Permissions does: the
 * extension gets the same `permissions.onRemoved`. (about:addons is a privileged page the driver
 * does not script.)
 */
async function withdrawSimplePractice(h: Harness): Promise<void> {
  await h.evalInExtension((b, origins) => b.permissions.remove({ origins }), SIMPLEPRACTICE_ORIGINS);
  expect(await hasSimplePractice(h)).toBe(false);
}

describe('host access in Firefox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ grantHostAccess: false });
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
    await untilGuard(h, (s) => Array.isArray(s.unguarded) && s.unguarded.includes('simplepractice'));
  });
  afterAll(async () => {
    await h?.close();
  });

  test('withheld at install: the badge says the guard is off and names the sites, and a blocked site is not blocked', async () => {
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

  test('withheld at install: the welcome guide the install opened asks for the sites at its access step, with one button, and the guard works at once', async () => {
    const guide = await untilTabOn(h, 'welcome.html');
    await untilAt(guide, h.extensionUrl('welcome.html'));
    for (const next of ['Next: Your tools', 'Next: After hours', 'Next: Access']) await clickButton(guide, next);
    await expect
      .poll(() => textOf(guide, '.access p'))
      .toMatch(/^Your browser has not let Clocked Out see \d+ of the sites you chose\. Without that it can neither block nor dim them\.$/);
    expect((await buttonNames(guide)).filter((name) => name === 'Allow access')).toHaveLength(1);
    // A driver click is a user gesture; Firefox (webextOptionalPermissionPrompts off) answers yes without a prompt.
    await clickButton(guide, 'Allow access');
    await expect.poll(() => hasSimplePractice(h)).toBe(true);
    await expect.poll(() => textOf(guide, '.ok')).toMatch(/^The browser lets Clocked Out guard all \d+ sites you chose\. Nothing to do here\.$/);
    await expectGuarded(h);
    // Giving access opened nothing more.
    expect(await tabsOn(h, 'access.html')).toBe(0);
    await guide.close();
  });

  test('withdrawn later: the site-access page opens, says in one sentence why, and its one button gives access back', async () => {
    // Firefox stops an idle background: the withdrawal wakes it.
    await h.stopBackground();
    await withdrawSimplePractice(h);
    const page = await untilTabOn(h, 'access.html');
    await untilAt(page, h.extensionUrl('access.html'));
    await expect
      .poll(() => badge(h), { timeout: 2000, interval: 50 })
      .toEqual({
        text: '!',
        title: 'Clocked Out is not guarding: SimplePractice. Open Clocked Out to allow access.',
      });
    await expect.poll(() => textOf(page, 'h1')).toBe('Clocked Out is off for SimplePractice');
    expect(await textOf(page, '.why')).toBe(
      'Clocked Out needs access to SimplePractice to block or dim it outside your working hours, and the browser no longer gives it.',
    );
    expect(await buttonNames(page)).toEqual(['Allow access']);
    // Off until given: the site loads as if there were no guard.
    h.server.reset();
    const site = await h.openPage('https://secure.simplepractice.com/calendar');
    expect(await hrefOf(site)).toBe('https://secure.simplepractice.com/calendar');
    expect(h.server.count('secure.simplepractice.com')).toBe(1);
    await site.close();

    await clickButton(page, 'Allow access');
    await expect.poll(() => hasSimplePractice(h)).toBe(true);
    await expect.poll(() => textOf(page, 'h1')).toBe('Clocked Out guards all your work sites');
    await expectGuarded(h);
    expect(await tabsOn(h, 'access.html')).toBe(1);
    await page.close();
  });

  test('"Allow access" in the popup asks Firefox in the click too', async () => {
    await withdrawSimplePractice(h);
    (await untilTabOn(h, 'access.html')).close();
    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => notGuarded(popup)).toBe('Not guarded — the browser withholds access to SimplePractice. Allow access');
    await clickButton(popup, 'Allow access');
    await expect.poll(() => hasSimplePractice(h)).toBe(true);
    await expectGuarded(h);
    await expect.poll(() => notGuarded(popup)).toBeNull();
    await popup.close();
  });

  test('a custom site removed in the options page gives its access back and opens no site-access page, even with another site withheld and the background stopped', async () => {
    const host = 'ehr.example-clinic.org';
    const origins = () => h.evalInExtension(async (b) => (await b.permissions.getAll()).origins ?? []);
    const page = await h.openExtensionPage('options.html');
    await page.waitForSelector('#custom-address');
    await page.type('#custom-address', host);
    await page.select('#custom-category', 'ehr');
    // Asked for in the click; Firefox answers yes without a prompt.
    await clickButton(page, 'Add site');
    await expect.poll(async () => (await origins()).some((o) => o.includes(host))).toBe(true);
    await untilGuard(h, (s) => JSON.stringify(s.settings).includes(host) && JSON.stringify(s.unguarded) === '[]');

    // SimplePractice withheld already (its page was shown), and the background stopped since.
    await withdrawSimplePractice(h);
    await (await untilTabOn(h, 'access.html')).close();
    await untilGuard(h, (s) => JSON.stringify(s.unguarded) === '["simplepractice"]');
    await h.stopBackground();

    await (await page.waitForSelector(`::-p-aria(Remove ${host})`))?.click();
    await expect.poll(async () => (await origins()).some((o) => o.includes(host))).toBe(false);
    await untilGuard(h, (s) => !JSON.stringify(s.settings).includes(host));
    // Its access went with it; that leaves no work site newly unguarded, so nothing opens.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await tabsOn(h, 'access.html')).toBe(0);
    expect(await badge(h)).toEqual({ text: '!', title: 'Clocked Out is not guarding: SimplePractice. Open Clocked Out to allow access.' });
    await page.close();
  });
});

describe('host access withheld at install in Firefox, the welcome guide skipped', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ grantHostAccess: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  test("the guide's last page still asks for the sites, with one button", async () => {
    const guide = await untilTabOn(h, 'welcome.html');
    await untilAt(guide, h.extensionUrl('welcome.html'));
    await clickButton(guide, 'Skip — keep the defaults');
    await expect.poll(() => textOf(guide, 'h1')).toBe('Clocked Out runs with the defaults');
    await expect.poll(() => textOf(guide, '.access p')).toMatch(/^Your browser has not let Clocked Out see \d+ of the sites you chose\./);
    expect((await buttonNames(guide)).filter((name) => name === 'Allow access')).toHaveLength(1);
    await clickButton(guide, 'Allow access');
    await expect.poll(() => hasSimplePractice(h)).toBe(true);
    await untilGuard(h, (s) => JSON.stringify(s.unguarded) === '[]', 2000);
    await guide.close();
  });
});
