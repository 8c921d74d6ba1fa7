// A boundary passing with work tabs open: nothing reloads, typed text survives, and it lifts again.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOUR, launch, nextMinuteBoundary, settingsWith, waitUntil, workFrom, workUntil, type Harness } from './harness';
import { coverOf, guardButtons, untilApplied, untilBlocking, untilCover } from './guard-helpers';

const NOTE = 'Client reports better sleep; follow up on';

describe('when the work day ends and starts with tabs open', () => {
  let h: Harness;
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

    const ehr = await h.openPage('https://secure.simplepractice.com/clients/abc/notes');
    const mail = await h.openPage('https://secure.hushmail.com/compose');
    for (const page of [ehr, mail]) {
      await page.fill('#note', NOTE);
      await page.evaluate(() => window.scrollTo(0, 40));
      expect(await coverOf(page)).toBe('none');
    }
    // When the guard's layer went into the page, as the page itself saw it: the pollers below read
    // the accessibility tree and a screenshot, which on a loaded machine take longer than the guard.
    for (const page of [ehr, mail]) {
      await page.evaluate(() => {
        new MutationObserver((records, observer) => {
          if (!records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && n.hasAttribute('data-clocked-out')))) return;
          Object.assign(window, { coveredAt: Date.now() });
          observer.disconnect();
        }).observe(document.documentElement, { childList: true });
      });
    }
    h.server.reset();

    await waitUntil(end);
    await Promise.all([untilCover(ehr, 'overlay'), untilCover(mail, 'dim')]);
    const [ehrMs, mailMs] = await Promise.all([ehr, mail].map((page) => page.evaluate((at) => (window as { coveredAt?: number }).coveredAt! - at, end)));
    console.info(`boundary → overlay ${ehrMs} ms, → dim ${mailMs} ms (as the pages saw their layer arrive)`);
    for (const ms of [ehrMs, mailMs]) expect(ms).toBeLessThanOrEqual(1000);

    for (const page of [ehr, mail]) {
      expect(await page.inputValue('#note')).toBe(NOTE);
      expect(page.url()).toMatch(/^https:\/\//);
    }
    expect(await ehr.evaluate(() => document.getElementById('note') === document.querySelector('textarea'))).toBe(true);
    expect(h.server.count('secure.simplepractice.com') + h.server.count('secure.hushmail.com')).toBe(0);
    expect(await guardButtons(ehr)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Wrap up — 5 more minutes/), expect.stringMatching(/Crisis exception/)]),
    );
    // New navigations are blocked by the browser from now on.
    await untilBlocking(h, true);
  });

  test('the work day starts: overlays and dimming lift, and a tab on the blocked page returns to its address', async () => {
    const start = nextMinuteBoundary(10_000);
    await h.setSettings(settingsWith({ week: workFrom(start) }));
    const pages = h.context.pages();
    const ehr = pages.find((p) => p.url().includes('simplepractice.com/clients'));
    const mail = pages.find((p) => p.url().includes('hushmail'));
    if (!ehr || !mail) throw new Error('the first test left no tabs');
    const blocked = await h.openPage('https://acme.janeapp.com/admin#/staff_member/3');
    expect(blocked.url()).toContain('blocked.html');
    h.server.reset();

    await waitUntil(start);
    await Promise.all([untilCover(ehr, 'none', 1000), untilCover(mail, 'none', 1000)]);
    await blocked.waitForURL('https://acme.janeapp.com/admin#/staff_member/3', { timeout: 2000 });
    expect(h.server.count('acme.janeapp.com')).toBe(1);
    expect(await ehr.inputValue('#note')).toBe(NOTE);
    expect(h.server.count('secure.simplepractice.com')).toBe(0);
    await untilBlocking(h, false);
  });
});

describe('a short boundary: nothing waits for a sleeping worker', () => {
  test('an open tab is covered at the boundary even while the worker is stopped', async () => {
    const h = await launch();
    try {
      const end = nextMinuteBoundary(10_000);
      const doc = settingsWith({ week: workUntil(end, undefined, 3 * HOUR) });
      await h.setSettings(doc);
      await untilApplied(h, doc);
      const ehr = await h.openPage('https://secure.simplepractice.com/calendar');
      await h.stopWorkers();
      await waitUntil(end);
      await untilCover(ehr, 'overlay', 1000);
    } finally {
      await h.close();
    }
  });
});
