// The guard holds while Firefox has stopped the background (its event page, stopped when idle),
// and the next boundary still takes effect: the background's alarm wakes it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOUR, hrefOf, launch, navigate, nextMinuteBoundary, settingsWith, sleep, waitUntil, workFrom, type Harness } from './harness';
import { coverOf, dimmedSample, recordPaints, untilApplied, untilBlocking } from './guard-helpers';

describe('a stopped background in Firefox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('blocking and dimming hold while the background is stopped', async () => {
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
    await untilBlocking(h, true);
    await h.stopBackground();
    h.server.reset();

    const blocked = await h.browser.newPage();
    expect(await navigate(blocked, 'https://secure.simplepractice.com/clients/1')).toBe(`${h.extensionUrl('blocked.html')}?site=simplepractice`);
    await expect.poll(() => blocked.evaluate(() => document.querySelector('h1')?.textContent)).toContain('SimplePractice');
    expect(h.server.count('secure.simplepractice.com')).toBe(0);

    const dimmed = await h.browser.newPage();
    const samples = await recordPaints(dimmed, () => navigate(dimmed, 'https://secure.hushmail.com/inbox'));
    expect(samples.filter((s) => s.kind === 'paint' && s.body).length).toBeGreaterThan(0);
    expect(samples.filter((s) => s.body && !dimmedSample(s))).toEqual([]);
    expect(await coverOf(dimmed)).toBe('dim');
    // None of it needed the background. (Whether it is still stopped is not asserted: Firefox also
    // wakes it for events of its own, such as the machine turning idle, at any moment.)
    await blocked.close();
    await dimmed.close();
  });

  test('the next boundary still takes effect when the background was stopped: its alarm wakes it', async () => {
    const start = nextMinuteBoundary(10_000);
    const doc = settingsWith({ week: workFrom(start) });
    await h.setSettings(doc);
    await untilApplied(h, doc);
    await untilBlocking(h, true);
    await h.stopBackground();
    h.server.reset();
    const page = await h.browser.newPage();
    expect(await navigate(page, 'https://secure.simplepractice.com/calendar')).toContain(h.extensionUrl('blocked.html'));
    await waitUntil(start);
    // Only navigations from here on, which do not wake the background: whatever lifts the block is
    // its own alarm.
    const deadline = Date.now() + 10_000;
    let href: string;
    for (;;) {
      // The blocked page goes back to its address by itself once the block lifts, which may cut
      // this navigation short: what counts is where the tab ends up.
      href = await navigate(page, 'https://secure.simplepractice.com/calendar').catch(() => hrefOf(page).catch(() => ''));
      if (href === 'https://secure.simplepractice.com/calendar' || Date.now() > deadline) break;
      await sleep(250);
    }
    console.info(`Firefox: boundary → blocking lifted by the woken background: ${Date.now() - start} ms`);
    expect(href).toBe('https://secure.simplepractice.com/calendar');
    expect(await h.backgroundState()).toBe('running');
    expect(h.server.count('secure.simplepractice.com')).toBeGreaterThan(0);
    await page.close();
  });
});
