// Times in the clinician's clock, in real Chromium run in three languages: the popup and the
// blocked page write 5:00 PM in US English, 17:00 in British English and in French; a clinician
// in US English who chooses 24 hours in the options page reads 17:00 everywhere, hours fields too.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accessibleNodes, untilBlocking } from './guard-helpers';
import { seriousViolations } from './axe';
import { launch, settingsWith, type Harness } from './harness';
import type { SettingsInput } from '../../utils/settings';

// Spaces as a reader sees them: some ICU versions put a narrow no-break space before PM.
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * A zone where it is now far from 17:00 (the boundary the tests read), so that whatever the hour
 * of the run, the work sites are closed now and open again at 17:00, today or tomorrow.
 */
function zoneFarFrom17(): string {
  const zones = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Asia/Kolkata'];
  const hour = (zone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(Date.now()));
  const zone = zones.find((z) => hour(z) < 15 || hour(z) > 18);
  if (!zone) throw new Error('no zone is far from 17:00 now');
  return zone;
}

/** Work from 17:00 to 18:00 every day in a zone where that is not now: clocked out, back at 17:00. */
function backAtFive(more: Partial<SettingsInput> = {}): SettingsInput {
  const hour: [string, string][] = [['17:00', '18:00']];
  const week = { mon: hour, tue: hour, wed: hour, thu: hour, fri: hour, sat: hour, sun: hour };
  return settingsWith({ timeZone: zoneFarFrom17(), week, clock: 'locale', ...more });
}

async function popupHeading(h: Harness): Promise<string> {
  const page = await h.openPage(h.extensionUrl('popup.html'));
  await expect.poll(async () => plain(await page.locator('h1').textContent())).toMatch(/^(Clocked out — back|Journée terminée — reprise :) /);
  const text = plain(await page.locator('h1').textContent());
  await page.close();
  return text;
}

async function blockedOpensAgain(h: Harness): Promise<{ text: string; page: Page }> {
  const page = await h.context.newPage();
  await page.goto('https://secure.simplepractice.com/clients');
  await expect.poll(async () => plain(await page.locator('p.opens').textContent())).toMatch(/^(Opens again|Réouverture :) /);
  return { text: plain(await page.locator('p.opens').textContent()), page };
}

/** The popup's heading and the blocked page's line, in the browser's language (locales/<lang>/messages.json). */
const ENGLISH = { back: 'Clocked out — back', tomorrow: 'tomorrow ', opens: 'Opens again' };
const FRENCH = { back: 'Journée terminée — reprise :', tomorrow: 'demain à ', opens: 'Réouverture :' };

describe.each([
  ['en_US', 'US English', /^en-US$/, '5:00 PM', ENGLISH],
  ['en_GB', 'British English', /^en-GB$/, '17:00', ENGLISH],
  // navigator.language says fr-FR, Intl fr.
  ['fr', 'French', /^fr\b/, '17:00', FRENCH],
] as const)('the browser in %s (%s)', (language, _name, tag, five, words) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ language });
    await h.setSettings(backAtFive());
    await untilBlocking(h, true);
  });
  afterAll(async () => {
    await h?.close();
  });

  test(`the popup and the blocked page say the sites open again at ${five}`, async () => {
    // The language reached the pages (LANGUAGE, not --lang, sets it), and Intl's with it.
    const page0 = await h.openPage(h.extensionUrl('popup.html'));
    for (const seen of await page0.evaluate(() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().locale])) expect(seen).toMatch(tag);
    await page0.close();
    expect(await popupHeading(h)).toMatch(new RegExp(`^${words.back} (${words.tomorrow})?${five}$`));
    const { text, page } = await blockedOpensAgain(h);
    expect(text).toMatch(new RegExp(`^${words.opens} (${words.tomorrow})?${five}\\.$`));
    await page.close();
  });
});

describe('a clinician in US English who chooses the 24-hour clock', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ language: 'en_US' });
    await h.setSettings(backAtFive());
    await untilBlocking(h, true);
  });
  afterAll(async () => {
    await h?.close();
  });

  test('reads 17:00 in the options page, its hours fields, the popup, the blocked page and the dim bar', async () => {
    const options = await h.openPage(h.extensionUrl('options.html'));
    const monday = options.getByLabel('Monday, from', { exact: true });
    await expect.poll(() => monday.inputValue()).toBe('5:00 PM');
    await options.getByRole('radio', { name: /^24-hour/ }).check();
    await expect.poll(() => monday.inputValue()).toBe('17:00');
    expect(await options.getByLabel('Monday, to', { exact: true }).inputValue()).toBe('18:00');
    // The field reads what a clinician types in either clock and stores HH:MM.
    const to = options.getByLabel('Tuesday, to', { exact: true });
    await to.fill('6:30 pm');
    await to.press('Enter');
    await expect.poll(() => to.inputValue()).toBe('18:30');
    await expect
      .poll(() => h.evalInWorker(async (chrome) => ((await chrome.storage.sync.get('settings')).settings as { week: { tue: unknown } }).week.tue))
      .toEqual([['17:00', '18:30']]);
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();

    await expect.poll(() => popupHeading(h)).toMatch(/^Clocked out — back (tomorrow |\w{3} )?17:00$/);
    const { text, page } = await blockedOpensAgain(h);
    expect(text).toMatch(/^Opens again (tomorrow |\w{3} )?17:00\.$/);
    await page.close();

    // A dimmed site's bar, drawn by the page guard from the snapshot.
    const mail = await h.openPage('https://secure.hushmail.com/inbox');
    await expect.poll(async () => (await accessibleNodes(mail)).find((n) => /^After hours — /.test(n.name))?.name ?? '').toMatch(/Opens again .*17:00/);
    await mail.close();
  });
});
