// A boundary passing with work tabs open, in real Firefox: nothing reloads, typed text survives, and it lifts again.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hrefOf, launch, nextMinuteBoundary, settingsWith, waitUntil, workFrom, workUntil, type Harness } from './harness';
import { coverOf, guardButtons, untilApplied, untilBlocking, untilCover } from './guard-helpers';

const NOTE = 'Client reports better sleep; follow up on';
const noteOf = (page: Page) => page.$eval('#note', (el) => (el as HTMLTextAreaElement).value);

describe('when the work day ends and starts with tabs open, in Firefox', () => {
  let h: Harness;
  let ehr: Page;
  let mail: Page;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('the work day ends: a blocked site is covered, a dimmed one dimmed, in place, keeping what was typed', async () => {
    const end = nextMinuteBoundary(10_000);
    const doc = settingsWith({ week: workUntil(end) });
    await h.setSettings(doc);
    await untilApplied(h, doc);

    ehr = await h.openPage('https://secure.simplepractice.com/clients/abc/notes');
    mail = await h.openPage('https://secure.hushmail.com/compose');
    for (const page of [ehr, mail]) {
      await page.type('#note', NOTE);
      await page.evaluate(() => window.scrollTo(0, 40));
      expect(await coverOf(page)).toBe('none');
    }
    // Marks each document: a reload would make a new one without it.
    for (const page of [ehr, mail]) await page.evaluate(() => Object.assign(window, { clockedOutSameDocument: true }));
    h.server.reset();

    await waitUntil(end);
    const [ehrMs, mailMs] = await Promise.all([untilCover(ehr, 'overlay', 1000), untilCover(mail, 'dim', 1000)]);
    console.info(`Firefox: boundary → overlay ${ehrMs} ms, → dim ${mailMs} ms`);

    for (const page of [ehr, mail]) {
      expect(await noteOf(page)).toBe(NOTE);
      expect(await hrefOf(page)).toMatch(/^https:\/\//);
      expect(await page.evaluate(() => 'clockedOutSameDocument' in window)).toBe(true);
    }
    expect(h.server.count('secure.simplepractice.com') + h.server.count('secure.hushmail.com')).toBe(0);
    expect(await guardButtons(ehr)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Wrap up — 5 more minutes/), expect.stringMatching(/Crisis exception/)]),
    );
    // New navigations are blocked by the browser from now on.
    await untilBlocking(h, true);
  });

  test('the work day starts: overlays and dimming lift, and a tab on the blocked page returns to its address', async () => {
    if (!ehr || !mail) throw new Error('the first test left no tabs');
    const start = nextMinuteBoundary(10_000);
    await h.setSettings(settingsWith({ week: workFrom(start) }));
    const blocked = await h.openPage('https://acme.janeapp.com/admin#/staff_member/3');
    expect(await hrefOf(blocked)).toContain(h.extensionUrl('blocked.html'));
    h.server.reset();

    await waitUntil(start);
    await Promise.all([untilCover(ehr, 'none', 1000), untilCover(mail, 'none', 1000)]);
    await expect.poll(() => hrefOf(blocked).catch(() => ''), { timeout: 3000, interval: 50 }).toBe('https://acme.janeapp.com/admin#/staff_member/3');
    expect(h.server.count('acme.janeapp.com')).toBe(1);
    expect(await noteOf(ehr)).toBe(NOTE);
    expect(h.server.count('secure.simplepractice.com')).toBe(0);
    await untilBlocking(h, false);
  });
});
