// The options page in real Chromium: import and export, hours edited in the page, custom sites and
// the browser's permission prompt, two pages kept in step, keyboard, axe and a screenshot per section.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alwaysWork, DEFAULT_HOSTS, HOUR, launch, neverWork, settingsWith, wallClock, type Harness } from './harness';
import { untilBlocking } from './guard-helpers';
import { seriousViolations } from './axe';

const SHOTS = fileURLToPath(new URL('../../test-results/options/', import.meta.url));
/** A practice's own EHR address: not in the catalogue, reached through the optional host permission. */
const CUSTOM_HOST = 'ehr.example-clinic.org';
/** A host the browser is asked about for real in the last test; its prompt is never answered. */
const ASKED_HOST = 'portal.other-clinic.org';
const SECTIONS = ['hours', 'time-zone', 'days-off', 'sites', 'exceptions', 'self-care', 'balance', 'after-hours', 'do-not-disturb', 'data', 'privacy'];

/**
 * Gives the extension host access to `origins` the way a clinician's "Allow" leaves it: in the
 * profile's record of granted permissions, before the browser starts. The permission prompt itself
 * cannot be answered in headless Chromium (it stays open, invisible, and the request never settles).
 */
async function grantInProfile(userDataDir: string, extensionId: string, origins: readonly string[]): Promise<void> {
  const file = join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(await readFile(file, 'utf8')) as { extensions: { settings: Record<string, Record<string, { explicit_host?: string[] }>> } };
  const extension = prefs.extensions.settings[extensionId];
  if (!extension) throw new Error(`no extension ${extensionId} in the profile`);
  for (const key of ['granted_permissions', 'active_permissions', 'runtime_granted_permissions']) {
    const set = (extension[key] ??= {});
    set.explicit_host = [...new Set([...(set.explicit_host ?? []), ...origins])];
  }
  await writeFile(file, JSON.stringify(prefs));
}

/**
 * Answers `permissions.request` in place of the prompt (`answer`), recording what was asked and
 * whether the page still had the user's gesture when it asked, which the real prompt requires.
 */
async function answerPermissionPrompts(page: Page, answer: boolean): Promise<void> {
  await page.addInitScript((granted: boolean) => {
    const calls: Array<{ request: unknown; gesture: boolean }> = [];
    Object.assign(window, { permissionCalls: calls });
    chrome.permissions.request = ((request: unknown) => {
      calls.push({ request, gesture: navigator.userActivation.isActive });
      return Promise.resolve(granted);
    }) as typeof chrome.permissions.request;
  }, answer);
}
const permissionCalls = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { permissionCalls: Array<{ request: { origins?: string[]; permissions?: string[] }; gesture: boolean }> }).permissionCalls,
  );

async function openOptions(h: Harness, prepare?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await h.context.newPage();
  await prepare?.(page);
  await page.goto(h.extensionUrl('options.html'));
  await page.getByRole('heading', { name: 'Work hours' }).waitFor();
  return page;
}

declare var chrome: typeof Browser;

const storedSettings = (h: Harness) => h.evalInWorker(async (chrome) => chrome.storage.sync.get(null));

const fileOf = (name: string, doc: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc)),
});

describe('the options page', () => {
  let h: Harness;
  let profile: string;
  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), 'clocked-out-options-'));
    const hosts = [...DEFAULT_HOSTS, CUSTOM_HOST, ASKED_HOST];
    const first = await launch({ userDataDir: profile, hosts });
    const id = first.extensionId;
    await first.close();
    await grantInProfile(profile, id, [`https://*.example-clinic.org/*`, `http://*.example-clinic.org/*`]);
    h = await launch({ userDataDir: profile, hosts });
  });
  afterAll(async () => {
    await h?.close();
    await rm(profile, { recursive: true, force: true });
  });

  test('shows every section, passes an axe audit in light and dark, and leaves a screenshot of each', async () => {
    await h.setSettings(
      settingsWith({
        // A zone other than the machine's (UTC here), so the time-zone section shows its warning.
        timeZone: 'America/Chicago',
        week: {
          ...alwaysWork(),
          mon: [
            ['09:00', '12:30'],
            ['13:30', '17:00'],
          ],
          fri: [['22:00', '02:00']],
          sun: [],
        },
        timeOff: [
          { from: '2025-12-24', to: '2025-12-26', label: 'Holidays' },
          { from: '2099-08-03', to: '2099-08-14', label: 'Summer' },
        ],
        sites: { catalogue: { gmail: true }, custom: [{ host: CUSTOM_HOST, category: 'ehr' }] },
        selfCare: { prompts: ['Call Sam back — not about work'], plan: [{ days: ['mon', 'wed', 'fri'], from: '12:00', to: '12:45', label: 'walk' }] },
      }),
    );
    await mkdir(SHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const page = await h.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.goto(h.extensionUrl('options.html'));
      await page.getByRole('heading', { name: 'Work hours' }).waitFor();
      await page.locator('header.top').screenshot({ path: `${SHOTS}header-${scheme}.png` });
      for (const id of SECTIONS) {
        const section = page.locator(`section#${id}`);
        await expect.poll(() => section.count(), { message: `section ${id}` }).toBe(1);
        await section.screenshot({ path: `${SHOTS}${id}-${scheme}.png` });
      }
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
  });

  test('imports a settings file through the file input, shows what changed, and the guard follows; Undo goes back', async () => {
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilBlocking(h, false);
    const page = await openOptions(h);
    await page.getByLabel('Import settings').setInputFiles(fileOf('evenings-off.json', settingsWith({ week: neverWork(), windDownMinutes: 5 })));
    const summary = page.locator('.summary');
    await expect.poll(() => summary.textContent()).toContain('Imported evenings-off.json. What changed:');
    expect(await summary.textContent()).toContain('Mon: 00:00–24:00 → off');
    expect(await summary.textContent()).toContain('Wind-down warning: 0 min → 5 min');
    await page.locator('section#data').screenshot({ path: `${SHOTS}data-imported.png` });
    await untilBlocking(h, true);
    h.server.reset();
    const site = await h.openPage('https://secure.simplepractice.com/calendar');
    expect(site.url()).toContain(h.extensionUrl('blocked.html'));
    expect(h.server.count('secure.simplepractice.com')).toBe(0);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByText('Undone: your settings are as they were.').count()).toBe(1);
    await untilBlocking(h, false);
    // The blocked tab takes itself back to the site once the site is open again.
    await expect.poll(() => site.url(), { timeout: 5000 }).toBe('https://secure.simplepractice.com/calendar');
    await site.close();
    await page.close();
  });

  test('refuses a malformed file with its errors by field, and nothing changes', async () => {
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    const before = await storedSettings(h);
    const page = await openOptions(h);
    const bad = settingsWith({ week: alwaysWork() }) as Record<string, unknown>;
    bad.week = { ...alwaysWork(), tue: [['09:00', '25:00']] };
    bad.exceptions = { defaultMinutes: 500 };
    await page.getByLabel('Import settings').setInputFiles(fileOf('broken.json', bad));
    const alert = page.locator('.refused');
    await expect.poll(() => alert.textContent()).toContain('broken.json was not imported, and nothing changed:');
    const items = await alert.locator('li').allTextContents();
    expect(items).toEqual([
      'week.tue[0]: end "25:00" is not a time (HH:MM, or 24:00)',
      'exceptions.defaultMinutes: 500 is not a whole number of minutes from 1 to 240',
    ]);

    await page.locator('section#data').screenshot({ path: `${SHOTS}data-refused.png` });

    await page.getByLabel('Import settings').setInputFiles(fileOf('notes.txt', 'Mon 9-5, Tue 9-5'));
    await expect.poll(() => alert.textContent()).toContain('the file is not JSON');
    expect(await storedSettings(h)).toEqual(before);
    await page.close();
  });

  test('exports the settings document as JSON and the history as CSV', async () => {
    const doc = settingsWith({ week: alwaysWork(), windDownMinutes: 7 });
    await h.setSettings(doc);
    const page = await openOptions(h);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export settings' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^clocked-out-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as Record<string, unknown>;
    expect(exported).toMatchObject({ format: 'clocked-out/settings', version: 1, windDownMinutes: 7, week: doc.week });

    // The history is read from the extension's own IndexedDB, which the worker writes.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export history (CSV)' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^clocked-out-history-\d{4}-\d{2}-\d{2}\.csv$/);
    expect((await readFile(await csv.path(), 'utf8')).split('\r\n')[0]).toBe(
      'date,time,event,site,category,minutes,planned minutes,actual minutes,minutes used',
    );
    await page.close();
  });

  test('hours edited in the page move the preview and the guard', async () => {
    await h.setSettings(settingsWith({ week: neverWork() }));
    await untilBlocking(h, true);
    const page = await openOptions(h);
    await expect.poll(() => page.locator('.preview-lines li').first().textContent()).toBe('Off: now → no change in the next 8 weeks');

    // A range from an hour ago to two hours ahead, on the weekday it starts.
    const now = Date.now();
    const from = wallClock(now - HOUR);
    const to = wallClock(now + 2 * HOUR);
    const day = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' }[from.weekday];
    await page.getByRole('button', { name: `Add hours on ${day}` }).click();
    const start = page.getByLabel(`${day}, from`);
    await expect.poll(() => start.evaluate((el) => el === document.activeElement)).toBe(true);
    await start.fill(from.time);
    await start.press('Tab');
    const end = page.getByLabel(`${day}, to`);
    await end.fill(to.time);
    // Enter saves at once.
    await end.press('Enter');

    const short = (d: string) => d.charAt(0).toUpperCase() + d.slice(1);
    await expect.poll(() => page.locator('.preview-lines li').first().textContent()).toBe(`Work: now → ${short(to.weekday)} ${to.time}`);
    expect((await storedSettings(h)).settings).toMatchObject({ week: { [from.weekday]: [[from.time, to.time]] } });
    await untilBlocking(h, false);
    const site = await h.openPage('https://secure.simplepractice.com/home');
    expect(site.url()).toBe('https://secure.simplepractice.com/home');

    await page.getByRole('button', { name: `Remove ${day} ${from.time}–${to.time}` }).click();
    await expect.poll(() => page.locator('.preview-lines li').first().textContent()).toMatch(/^Off: now → /);
    await untilBlocking(h, true);
    await site.goto('https://secure.simplepractice.com/home');
    expect(site.url()).toContain(h.extensionUrl('blocked.html'));
    await site.close();
    await page.close();
  });

  test('a custom host added in the page is asked for at that moment and blocked off hours', async () => {
    await h.setSettings(settingsWith({ week: neverWork() }));
    await untilBlocking(h, true);
    expect(await h.evalInWorker((chrome, host) => chrome.permissions.contains({ origins: [`https://${host}/*`] }), CUSTOM_HOST)).toBe(true);
    const page = await openOptions(h);
    // A pasted link: only its host is kept.
    await page.getByLabel('Address of the site').fill(`https://${CUSTOM_HOST}/clients/4f1e2d3c/notes?session=9`);
    await page.getByLabel('Category', { exact: true }).selectOption('ehr');
    await page.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Added' }).textContent()).toBe(`Added ${CUSTOM_HOST}: EHR.`);
    const stored = JSON.stringify(await storedSettings(h));
    expect(stored).toContain(`"host":"${CUSTOM_HOST}"`);
    expect(stored).not.toContain('4f1e2d3c');

    h.server.reset();
    await expect
      .poll(
        async () => {
          const site = await h.openPage(`https://${CUSTOM_HOST}/clients/4f1e2d3c`);
          const url = site.url();
          await site.close();
          return url.startsWith(h.extensionUrl('blocked.html'));
        },
        { timeout: 5000 },
      )
      .toBe(true);
    expect(h.server.count(CUSTOM_HOST)).toBe(0);
    await page.close();
  });

  test('refuses an invalid address beside the field, without asking the browser', async () => {
    const page = await openOptions(h, (p) => answerPermissionPrompts(p, true));
    const field = page.getByLabel('Address of the site');
    for (const [input, message] of [
      ['ftp://files.example-clinic.org', 'This uses "ftp:": only http and https sites can be guarded.'],
      ['co.uk', `This is a public suffix: it would match every site under it — enter your practice's own address.`],
      ['https://ehr example.org/', 'This is not a web address: it contains a space.'],
      ['', "This is empty: enter the site's address, such as ehr.example-clinic.org."],
    ]) {
      await field.fill(input ?? '');
      await page.getByRole('button', { name: 'Add site' }).click();
      await expect.poll(() => page.locator('#custom-error').textContent()).toBe(message);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toBe('custom-error');
    }
    expect(await permissionCalls(page)).toEqual([]);
    await page.close();
  });

  test('a refusal of the permission prompt is explained and the site is not added', async () => {
    await h.setSettings(settingsWith({ week: neverWork() }));
    const before = await storedSettings(h);
    const page = await openOptions(h, (p) => answerPermissionPrompts(p, false));
    await page.getByLabel('Address of the site').fill(ASKED_HOST);
    await page.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(() => page.locator('#custom-error').textContent()).toContain(`The browser did not give Clocked Out access to ${ASKED_HOST}`);
    expect(await permissionCalls(page)).toEqual([{ request: { origins: [`https://*.${ASKED_HOST}/*`, `http://*.${ASKED_HOST}/*`] }, gesture: true }]);
    expect(await storedSettings(h)).toEqual(before);
    await page.close();
  });

  test('do not disturb asks for the notifications permission in the click that switches it on', async () => {
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    const page = await openOptions(h, (p) => answerPermissionPrompts(p, true));
    await page.getByRole('checkbox', { name: "Mute work sites' notifications outside work hours" }).check();
    await expect.poll(async () => ((await storedSettings(h)).settings as { muteNotifications: boolean }).muteNotifications).toBe(true);
    expect(await permissionCalls(page)).toEqual([{ request: { permissions: ['contentSettings'] }, gesture: true }]);
    await page.close();
  });

  test('two open pages stay in step', async () => {
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    const one = await openOptions(h);
    const two = await openOptions(h);
    const field = one.getByLabel('Crisis exception length');
    await field.fill('45');
    await field.press('Tab');
    await expect.poll(() => two.getByLabel('Crisis exception length').inputValue()).toBe('45');
    await two.getByRole('checkbox', { name: 'Gmail' }).check();
    await expect.poll(() => one.getByRole('checkbox', { name: 'Gmail' }).isChecked()).toBe(true);
    expect((await storedSettings(h)).settings).toMatchObject({ exceptions: { defaultMinutes: 45 }, sites: { catalogue: { gmail: true } } });
    await one.close();
    await two.close();
  });

  test('every control can be reached with Tab and used from the keyboard', async () => {
    await h.setSettings(settingsWith({ week: { ...alwaysWork(), sat: [] }, sites: { custom: [{ host: CUSTOM_HOST, category: 'ehr' }] } }));
    const page = await openOptions(h);
    const controls = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')]
        .filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0)
        // A radio group is one Tab stop (arrow keys move within it): its checked radio stands for it.
        .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked))
        .map((el, i) => (el.dataset.kb = String(i))),
    );
    const reached = new Set<string>();
    for (let i = 0; i < controls.length * 3 + 20 && reached.size < controls.length; i++) {
      await page.keyboard.press('Tab');
      const kb = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.kb ?? null);
      if (kb !== null) reached.add(kb);
    }
    const missed = await page.evaluate(
      (seen) =>
        [...document.querySelectorAll<HTMLElement>('[data-kb]')].filter((el) => !seen.includes(el.dataset.kb ?? '')).map((el) => el.outerHTML.slice(0, 120)),
      [...reached],
    );
    expect(missed).toEqual([]);

    // Keyboard only: add Saturday hours, type them, leave the field; then remove them again.
    await page.getByRole('button', { name: 'Add hours on Saturday' }).focus();
    await page.keyboard.press('Enter');
    const start = page.getByLabel('Saturday, from');
    await expect.poll(() => start.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(async () => ((await storedSettings(h)).settings as { week: { sat: unknown[] } }).week.sat).toEqual([['09:00', '17:00']]);
    await page.getByRole('button', { name: 'Remove Saturday 09:00–17:00' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => ((await storedSettings(h)).settings as { week: { sat: unknown[] } }).week.sat).toEqual([]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Add hours on Saturday');

    // "Restore defaults" asks first; Cancel leaves everything as it was.
    await page.getByRole('button', { name: 'Restore defaults…' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Restore defaults');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('group', { name: 'Confirm restoring the defaults' }).count()).toBe(0);
    await page.close();
  });

  test('the real permission prompt opens at the moment a site is added, and nothing is added while it waits', async () => {
    // Headless Chromium shows the prompt nowhere and never settles it: this runs last, on its own page.
    await h.setSettings(settingsWith({ week: neverWork() }));
    const before = await storedSettings(h);
    const page = await openOptions(h);
    await page.getByLabel('Address of the site').fill(ASKED_HOST);
    await page.getByRole('button', { name: 'Add site' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Waiting' }).textContent())
      .toBe(`Waiting for your answer to the browser's question about ${ASKED_HOST}…`);
    expect(await page.locator('#custom-error').count()).toBe(0);
    expect(await storedSettings(h)).toEqual(before);
    await page.close();
  });
});
