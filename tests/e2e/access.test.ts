// Missing access is never silent, and the browser's rule limits never keep yesterday's rules: real
// Chromium, host access withheld as in its extensions page, and custom sites the rules cannot all take.
import type { Page } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { layOut } from '../../utils/sync-layout';
import { seriousViolations } from './axe';
import { HOUR, launch, nextMinuteBoundary, settingsWith, workFrom, type Harness } from './harness';
import { untilBlocking, untilGuard } from './guard-helpers';

// In the pages' evaluated functions: the extension API as the page sees it.
declare var chrome: typeof Browser;

/** chrome://extensions' own API, as far as these tests use it. */
interface DeveloperPrivate {
  getExtensionInfo(id: string): Promise<{ permissions: { runtimeHostPermissions: { hosts: Array<{ host: string }> } } }>;
  updateExtensionConfiguration(update: { extensionId: string; hostAccess: 'ON_CLICK' | 'ON_SPECIFIC_SITES' | 'ON_ALL_SITES' }): Promise<void>;
  addHostPermission(id: string, host: string): Promise<void>;
}

/** SimplePractice's host access as the extensions page lists it: one pattern, both schemes. */
const SIMPLEPRACTICE = '*://*.secure.simplepractice.com/*';
/** What the guard asks the browser for to guard it again: each scheme apart. */
const SIMPLEPRACTICE_ORIGINS = ['https://*.secure.simplepractice.com/*', 'http://*.secure.simplepractice.com/*'];
/** Too long for the browser's regex engine (isRegexSupported: memoryLimitExceeded), though a valid host. */
const LONG_HOST = `${'records'.repeat(8)}.${'clinic'.repeat(9)}.example.org`;

/**
 * What a clinician does in chrome://extensions: "Site access: on specific sites", every site kept
 * but `withheld`. The extensions page's own API, so the browser withdraws access as for a user.
 */
async function siteAccess(h: Harness, withheld: readonly string[]): Promise<void> {
  const page = await h.openPage('chrome://extensions');
  await page.evaluate(
    async ({ id, withheld }) => {
      const dev = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
      const info = await dev.getExtensionInfo(id);
      await dev.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' });
      for (const { host } of info.permissions.runtimeHostPermissions.hosts) if (!withheld.includes(host)) await dev.addHostPermission(id, host);
    },
    { id: h.extensionId, withheld },
  );
  await page.close();
}

/** Gives back one site's access, as "Allow on this site" would. */
async function allowSite(h: Harness, origin: string): Promise<void> {
  const page = await h.openPage('chrome://extensions');
  await page.evaluate(
    async ({ id, origin }) => {
      await (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate.addHostPermission(id, origin);
    },
    { id: h.extensionId, origin },
  );
  await page.close();
}

const badge = (h: Harness) => h.evalInWorker(async (chrome) => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));
const ruleRegexes = (h: Harness) =>
  h.evalInWorker(async (chrome) => (await chrome.declarativeNetRequest.getDynamicRules()).map((r) => r.condition.regexFilter ?? ''));

/** Records `permissions.request` calls in the page (the real prompt never settles headless) and answers no. */
async function recordRequests(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const calls: Array<{ request: unknown; gesture: boolean }> = [];
    Object.assign(window, { permissionCalls: calls });
    chrome.permissions.request = ((request: unknown) => {
      calls.push({ request, gesture: navigator.userActivation.isActive });
      return Promise.resolve(false);
    }) as typeof chrome.permissions.request;
  });
}
const requests = (page: Page) => page.evaluate(() => (window as unknown as { permissionCalls: unknown[] }).permissionCalls);

async function openWith(h: Harness, path: string, ready: string): Promise<Page> {
  const page = await h.context.newPage();
  await recordRequests(page);
  await page.goto(h.extensionUrl(path));
  await page.getByRole('heading', { name: ready }).first().waitFor();
  return page;
}

describe('host access withheld', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
    await untilBlocking(h, true);
    await untilGuard(h, (s) => Array.isArray(s.unguarded) && s.unguarded.length === 0);
  });
  afterAll(async () => {
    await h?.close();
  });

  test('withholding SimplePractice turns the badge to "!" naming it within a second, and the snapshot lists it', async () => {
    expect(await badge(h)).toMatchObject({ text: 'OFF' });
    await siteAccess(h, [SIMPLEPRACTICE]);
    const start = Date.now();
    await expect
      .poll(() => badge(h), { timeout: 1000, interval: 50 })
      .toEqual({ text: '!', title: 'Clocked Out is not guarding: SimplePractice. Open Clocked Out to allow access.' });
    console.log(`badge named the withheld site ${Date.now() - start} ms after access was withheld`);
    await untilGuard(h, (s) => JSON.stringify(s.unguarded) === '["simplepractice"]', 1000);
    // Withdrawn from a site that had it: the site-access page opens, saying why, with its one button.
    await expect.poll(() => h.context.pages().filter((p) => p.url() === h.extensionUrl('access.html')).length).toBe(1);
    const page = h.context.pages().find((p) => p.url() === h.extensionUrl('access.html'));
    await expect
      .poll(() => page?.locator('.why').textContent())
      .toBe('Clocked Out needs access to SimplePractice to block or dim it outside your working hours, and the browser no longer gives it.');
    expect(await page?.getByRole('button').allTextContents()).toEqual(['Allow access']);
    if (page) expect(await seriousViolations(page)).toEqual([]);
    await page?.close();
  });

  test('the popup says so in one line, and its button asks the browser for exactly that access, in the click', async () => {
    const page = await openWith(h, 'popup.html', 'Clocked out');
    const line = page.getByText(/^Not guarded/);
    await expect.poll(() => line.textContent()).toBe('Not guarded — the browser withholds access to SimplePractice. Allow access');
    expect(await seriousViolations(page)).toEqual([]);
    await line.getByRole('button', { name: 'Allow access' }).click();
    expect(await requests(page)).toEqual([{ request: { origins: SIMPLEPRACTICE_ORIGINS }, gesture: true }]);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /did not give access/ })
          .count(),
      )
      .toBe(1);
    await page.close();
  });

  test('the options page lists it in Work sites with the same button', async () => {
    const page = await openWith(h, 'options.html', 'Work hours');
    const line = page.locator('#sites').getByText(/^Not guarded/);
    await expect.poll(() => line.textContent()).toBe('Not guarded — the browser withholds access to SimplePractice. Allow access');
    await line.getByRole('button', { name: 'Allow access' }).click();
    expect(await requests(page)).toEqual([{ request: { origins: SIMPLEPRACTICE_ORIGINS }, gesture: true }]);
    await page.close();
  });

  test('access given back clears the warning at once (permissions.onAdded)', async () => {
    const popup = await openWith(h, 'popup.html', 'Clocked out');
    await popup.getByText(/^Not guarded/).waitFor();
    await allowSite(h, SIMPLEPRACTICE);
    await expect.poll(() => badge(h), { timeout: 1000, interval: 50 }).toMatchObject({ text: 'OFF' });
    await untilGuard(h, (s) => JSON.stringify(s.unguarded) === '[]', 1000);
    await expect.poll(() => popup.getByText(/^Not guarded/).count()).toBe(0);
    await popup.close();
  });

  test('a custom site synced from another computer, never granted here, is reported by name', async () => {
    await h.setSettings(
      settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR), sites: { custom: [{ host: 'ehr.synced-clinic.org', category: 'ehr' }] } }),
    );
    await untilGuard(h, (s) => JSON.stringify(s.unguarded) === '["custom:ehr.synced-clinic.org"]');
    expect((await badge(h)).title).toBe('Clocked Out is not guarding: ehr.synced-clinic.org. Open Clocked Out to allow access.');
    const page = await openWith(h, 'popup.html', 'Clocked out');
    await expect
      .poll(() => page.getByText(/^Not guarded/).textContent())
      .toBe('Not guarded — the browser withholds access to ehr.synced-clinic.org. Allow access');
    await page.getByRole('button', { name: 'Allow access' }).click();
    expect(await requests(page)).toEqual([{ request: { origins: ['https://*.ehr.synced-clinic.org/*', 'http://*.ehr.synced-clinic.org/*'] }, gesture: true }]);
    await page.close();
  });
});

describe("the browser's rule limits", () => {
  let h: Harness;
  const offHours = () => settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) });
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  test("an address the regex engine refuses: the rest replace yesterday's rules and it is named", async () => {
    expect(
      await h.evalInWorker(async (chrome, regex) => (await chrome.declarativeNetRequest.isRegexSupported({ regex })).reason, LONG_HOST.replace(/\./g, '\\.')),
    ).toBe('memoryLimitExceeded');
    await h.setSettings({ ...offHours(), sites: { custom: [{ host: 'old.example.org', category: 'ehr' }] } });
    await expect.poll(async () => (await ruleRegexes(h)).some((r) => r.includes('old\\.example'))).toBe(true);

    await h.setSettings({
      ...offHours(),
      sites: {
        custom: [
          { host: LONG_HOST, category: 'ehr' },
          { host: 'new.example.org', category: 'ehr' },
        ],
      },
    });
    await untilGuard(h, (s) => typeof s.notice === 'string' && s.notice.includes(LONG_HOST));
    const regexes = await ruleRegexes(h);
    expect(regexes.some((r) => r.includes('old\\.example'))).toBe(false);
    expect(regexes.some((r) => r.includes('new\\.example'))).toBe(true);
    expect(regexes.some((r) => r.includes('records'))).toBe(false);
    const snapshot = await h.getLocal<{ notice: string; unruled: string[] }>('guard');
    expect(snapshot?.notice).toContain(`Could not guard ${LONG_HOST}: the browser's blocking rules cannot take this address`);
    expect(snapshot?.unruled).toEqual([`custom:${LONG_HOST}`]);

    const options = await openWith(h, 'options.html', 'Work hours');
    await expect
      .poll(() =>
        options
          .locator('#sites')
          .getByText(/too many sites or an address too long/)
          .textContent(),
      )
      .toContain(LONG_HOST);
    await options.close();
  });

  test("more custom sites than the regex rules allow: the first that fit replace yesterday's rules, the rest are named", async () => {
    const limit = await h.evalInWorker((chrome) => chrome.declarativeNetRequest.MAX_NUMBER_OF_REGEX_RULES);
    await h.setSettings({ ...offHours(), sites: { custom: [{ host: 'old.example.org', category: 'ehr' }] } });
    await expect.poll(async () => (await ruleRegexes(h)).some((r) => r.includes('old\\.example'))).toBe(true);
    const catalogueRules = (await ruleRegexes(h)).length - 1;

    // More than the browser takes, as a practice's or another computer's document could list; laid
    // out in sync storage as the options page would lay out a large document.
    const custom = Array.from({ length: limit + 100 }, (_, i) => ({ host: `s${i}.example.org`, category: 'ehr' }));
    await h.evalInWorker((chrome, items) => chrome.storage.sync.set(items), layOut({ ...offHours(), sites: { custom } }));
    await untilGuard(h, (s) => typeof s.notice === 'string' && s.notice.includes('sites.custom'), 10_000);
    const regexes = await ruleRegexes(h);
    expect(regexes.some((r) => r.includes('old\\.example'))).toBe(false);
    expect(regexes).toHaveLength(catalogueRules + 200);
    expect(regexes.some((r) => r.includes('s199\\.example'))).toBe(true);
    expect(regexes.some((r) => r.includes('s200\\.example'))).toBe(false);
    const { notice } = (await h.getLocal<{ notice: string }>('guard')) ?? { notice: '' };
    expect(notice).toContain(
      `sites.custom: lists ${limit + 100} sites, more than the 200 Clocked Out can guard (over the limit: s200.example.org, s201.example.org`,
    );
    expect(notice).toContain(`and ${limit + 100 - 205} more)`);
    // Still blocking what it guards.
    await untilBlocking(h, true);
  });
});
