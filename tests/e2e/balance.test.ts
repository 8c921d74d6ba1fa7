// The balance over weeks in real Chromium: a 30-minute crisis exception used for well under a
// minute in the foreground counts that minute, not 30, in the popup and the options page, still
// after the worker is stopped and the browser restarted; nothing in storage or the history holds
// the page's path, query, fragment or title; and the weekly review's "Add a day off" blocks the
// work site on that date.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decide } from '../../utils/policy';
import { parseSettings } from '../../utils/settings';
import { addDays, localParts } from '../../utils/zoned-time';
import { HOUR, launch, MINUTE, nextMinuteBoundary, SECOND, settingsWith, sleep, systemTimeZone, workFrom, type Harness } from './harness';
import { historyEvents, untilBlocking } from './guard-helpers';
import { seriousViolations } from './axe';
import { en } from '../unit/english';

const ADDRESS = 'https://secure.simplepractice.com/clients/4f1e2d3c4b5a6978/notes?tab=progress#draft';
const TITLE = 'Jane Q. Client — progress note';
/** How long the site is in front of the clinician: well under a minute, so that it reads "1 min". */
const IN_USE = 40 * SECOND;

async function openPopup(h: Harness): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(h.extensionUrl('popup.html'));
  return page;
}
const weekLine = (page: Page) => page.getByTestId('week-balance').textContent();
/** This week's row of the options page's 8-week table (the chart's text alternative). */
async function optionsThisWeek(h: Harness): Promise<{ row: string; page: Page }> {
  const page = await h.context.newPage();
  await page.goto(h.extensionUrl('options.html#balance'));
  const table = page.getByRole('table', { name: 'The last 8 weeks' });
  await table.waitFor();
  const rows = table.getByRole('row');
  await expect.poll(async () => (await rows.count()) === 9).toBe(true);
  return { row: (await rows.last().textContent()) ?? '', page };
}

describe('the balance over weeks', () => {
  let h: Harness;
  // Clocked out now, back in three hours: the work site is blocked.
  const rangeStart = nextMinuteBoundary() + 3 * HOUR;
  const settings = settingsWith({ week: workFrom(rangeStart) });
  beforeAll(async () => {
    h = await launch();
    await h.setSettings(settings);
    await untilBlocking(h, true);
  });
  afterAll(async () => {
    await h?.close();
  });

  test('a 30-minute crisis exception used for under a minute counts that minute, after a restart too', async () => {
    const work = await h.openPage(ADDRESS);
    expect(work.url()).toContain('blocked.html');
    await work.getByRole('button', { name: 'Crisis exception…' }).click();
    await work.getByRole('button', { name: /^Yes, open until/ }).click();
    await work.waitForURL(ADDRESS, { timeout: 5000 });
    await work.evaluate((title) => (document.title = title), TITLE);
    await work.bringToFront();
    await sleep(IN_USE);

    // The clinician turns to the popup and ends it. (Playwright emulates focus in every page, so the
    // work tab stays "in the foreground" here and its spell ends with the exception.)
    const popup = await openPopup(h);
    await popup.getByRole('button', { name: 'End now' }).click();
    await expect.poll(() => weekLine(popup), { timeout: 5000 }).toBe('This week: 1 min after hours · 1 of 5 crisis exceptions · 1 min owed to you');

    const events = await historyEvents(popup);
    const started = events.find((e) => e.kind === 'exceptionStarted');
    const ended = events.find((e) => e.kind === 'exceptionEnded');
    const used = events.filter((e) => e.kind === 'usage');
    expect(started?.minutes).toBe(30);
    expect(ended?.minutes).toBeLessThan(2);
    expect(used.length).toBeGreaterThan(0);
    const usedMinutes = used.reduce((sum, e) => sum + e.minutes, 0);
    expect(usedMinutes).toBeGreaterThan(IN_USE / MINUTE - 0.1);
    expect(usedMinutes).toBeLessThan(1.5);
    expect(used.every((e) => e.site === 'simplepractice' && e.category === 'ehr')).toBe(true);

    const { row, page: options } = await optionsThisWeek(h);
    expect(row).toMatch(/^\S+ \S+1 min1 of 5/);
    await options.close();

    // Privacy: no path, query, fragment or title in any storage or in the history.
    const stored = JSON.stringify([
      await h.evalInWorker(async (chrome) => [
        await chrome.storage.local.get(null),
        await chrome.storage.sync.get(null),
        await chrome.storage.session.get(null),
      ]),
      await historyEvents(popup),
    ]);
    for (const secret of ['/clients/', '4f1e2d3c4b5a6978', '/notes', 'tab=progress', '#draft', 'Q. Client', 'progress note'])
      expect(stored).not.toContain(secret);
    await popup.close();
    await work.close();

    // The worker stopped, then the browser restarted on the same profile: the same figures.
    await h.stopWorkers();
    h = await h.restart();
    const again = await openPopup(h);
    await expect.poll(() => weekLine(again), { timeout: 5000 }).toBe('This week: 1 min after hours · 1 of 5 crisis exceptions · 1 min owed to you');
    await again.close();
    const after = await optionsThisWeek(h);
    expect(after.row).toBe(row);
    await after.page.close();
  });

  test('the weekly review\'s "Add a day off" blocks the work site on that date', async () => {
    // This week's work has not begun: last week's review is due.
    const popup = await openPopup(h);
    const review = popup.getByRole('region', { name: /^Your week of / });
    await review.waitFor({ timeout: 5000 });
    const zone = systemTimeZone();
    // The same range next week: a working day, open at half past its start.
    const date = addDays(localParts(rangeStart, zone).date, 7);
    const during = rangeStart + 7 * 24 * HOUR + 30 * MINUTE;
    const parsed = parseSettings(en, settings);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    expect(decide(parsed.settings, during, zone).siteActions.simplepractice).toBe('allow');

    await review.getByLabel('Day off on').fill(date);
    await review.getByRole('button', { name: 'Add a day off' }).click();
    await expect.poll(() => review.getByText(/is a day off\./).count(), { timeout: 5000 }).toBe(1);
    // The settings in force, as the worker reads them, block the site all that day.
    const state = await h.evalInWorker(() =>
      (globalThis as unknown as { clockedOutTestHooks: { readSettingsState(): Promise<{ settings: unknown }> } }).clockedOutTestHooks.readSettingsState(),
    );
    const inForce = parseSettings(en, state.settings);
    if (!inForce.ok) throw new Error(inForce.errors.join('; '));
    expect(inForce.settings.timeOff.map((r) => [r.from, r.to])).toEqual([[date, date]]);
    expect(decide(inForce.settings, during, zone).siteActions.simplepractice).toBe('block');
    expect(decide(inForce.settings, during, zone).state).toBe('timeOff');

    // Undo gives the day back.
    await review.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => {
        const s = await h.evalInWorker(() =>
          (
            globalThis as unknown as { clockedOutTestHooks: { readSettingsState(): Promise<{ settings: { timeOff: unknown[] } }> } }
          ).clockedOutTestHooks.readSettingsState(),
        );
        return s.settings.timeOff.length;
      })
      .toBe(0);
    await popup.close();
  });

  test('the Balance section and the weekly review are axe clean in light and dark, the chart named and its table read', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const options = await h.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(h.extensionUrl('options.html#balance'));
      await options.getByRole('table', { name: 'The last 8 weeks' }).waitFor();
      expect(await options.getByRole('img', { name: /^After-hours minutes and time paid back, the last 8 weeks/ }).count()).toBe(1);
      expect(await seriousViolations(options)).toEqual([]);
      await options.close();
      const popup = await h.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.goto(h.extensionUrl('popup.html'));
      await popup.getByRole('region', { name: /^Your week of / }).waitFor({ timeout: 5000 });
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.close();
    }
  });

  test('a dimmed site counts while it is the focused tab, in one spell per stretch, not while another tab is in front', async () => {
    const before = (await historyEvents(await openPopup(h))).filter((e) => e.kind === 'usage').length;
    const dimmed = await h.openPage('https://doxy.me/room-4f1e2d');
    // Focus as a real window has it: only the tab in front has it (Playwright emulates it in every page).
    await (await h.context.newCDPSession(dimmed)).send('Emulation.setFocusEmulationEnabled', { enabled: false });
    const other = await h.context.newPage();
    await other.goto(h.extensionUrl('popup.html'));
    for (const [front, ms] of [
      [dimmed, 4 * SECOND],
      [other, 3 * SECOND],
      [dimmed, 4 * SECOND],
      [other, 1 * SECOND],
    ] as const) {
      await front.bringToFront();
      await sleep(ms);
    }
    const spells = (await historyEvents(other)).filter((e) => e.kind === 'usage').slice(before);
    // A first short spell while the tab opened in front, then one per stretch in front.
    expect(spells.every((e) => e.site === 'doxy' && e.category === 'telehealth')).toBe(true);
    const [second, third] = spells.slice(-2);
    for (const e of [second, third]) {
      expect(e?.minutes).toBeGreaterThan(3.5 / 60);
      expect(e?.minutes).toBeLessThan(6 / 60);
    }
    // The 4 s behind the other tab are not in any spell.
    expect(spells.reduce((sum, e) => sum + e.minutes, 0)).toBeLessThan(10.5 / 60);
    expect(JSON.stringify(spells)).not.toContain('4f1e2d');
    await other.close();
    await dimmed.close();
  });
});
