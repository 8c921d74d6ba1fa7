// Off hours in real Firefox: blocked sites never reach the network, dimmed ones never paint undimmed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readHistoryHere } from '../e2e/guard-helpers';
import { alwaysWork, hrefOf, navigate, NON_WORK_HOST, settingsWith, sleep, type Harness } from './harness';
import { coverOf, dimmedSample, guardButtons, guardLayers, launchClockedOut, recordPaints, untilBlocking, untilCover } from './guard-helpers';

describe('off hours in Firefox', () => {
  let h: Harness;
  beforeAll(async () => {
    // Clocked out now; back in three hours.
    h = await launchClockedOut();
  });
  afterAll(async () => {
    await h?.close();
  });

  test.each([
    ['secure.simplepractice.com', '/clients/4f1e2d3c4b5a6978/insurance_claims/2', 'SimplePractice'],
    ['www.therapynotes.com', '/app/patients/', 'TherapyNotes'],
    ['acme.janeapp.com', '/admin#/staff_member/3', 'Jane'],
  ])('a navigation to %s%s lands on the blocked page naming the site, and the site sees no request', async (host, path, name) => {
    h.server.reset();
    const page = await h.browser.newPage();
    const href = await navigate(page, `https://${host}${path}`);
    // The original address is kept in memory only, not in the tab's URL.
    expect(href).toMatch(new RegExp(`^${h.extensionUrl('blocked.html').replace(/[.?]/g, '\\$&')}\\?site=\\w+$`));
    await expect.poll(() => page.evaluate(() => document.querySelector('h1')?.textContent)).toContain(name);
    await expect.poll(() => page.evaluate(() => document.body.innerText)).toMatch(/Opens again/);
    expect(await page.evaluate(() => [...document.querySelectorAll('button')].filter((b) => /crisis/i.test(b.textContent ?? '')).length)).toBe(1);
    expect(h.server.count(host)).toBe(0);
    await page.close();
  });

  test('an http:// address of a blocked site is turned away too', async () => {
    h.server.reset();
    const page = await h.browser.newPage();
    expect(await navigate(page, 'http://secure.simplepractice.com/calendar')).toContain(h.extensionUrl('blocked.html'));
    expect(h.server.count('secure.simplepractice.com')).toBe(0);
    await page.close();
  });

  test("TherapyNotes' public pages outside /app/ stay reachable", async () => {
    h.server.reset();
    const page = await h.openPage('https://www.therapynotes.com/pricing/');
    expect(await hrefOf(page)).toBe('https://www.therapynotes.com/pricing/');
    expect(h.server.count('www.therapynotes.com')).toBe(1);
    expect(await coverOf(page)).toBe('none');
    await page.close();
  });

  test.each(['secure.hushmail.com', 'video.simplepractice.com'])('%s is dimmed from the first painted frame', async (host) => {
    const page = await h.browser.newPage();
    const samples = await recordPaints(page, () => navigate(page, `https://${host}/inbox`));
    const withBody = samples.filter((s) => s.body);
    expect(withBody.filter((s) => s.kind === 'paint').length).toBeGreaterThan(0);
    expect(withBody.filter((s) => !dimmedSample(s))).toEqual([]);
    // Once decided, the veil dims (its backdrop filter over the whole page) and the bar says why.
    expect(await coverOf(page)).toBe('dim');
    const [veil] = (await guardLayers(page)).filter((l) => l.kind === 'veil');
    expect(veil?.text).toMatch(/^After hours — /);
    expect(await guardButtons(page)).toEqual(expect.arrayContaining([expect.stringMatching(/Wrap up/), expect.stringMatching(/Crisis exception/)]));
    await page.close();
  });

  test("a dimmed site's time in front is recorded under its id when the clinician turns to another tab, without its address", async () => {
    const usage = async () => (await h.evalInExtension(readHistoryHere)).filter((e) => e.kind === 'usage');
    const before = (await usage()).length;
    const mail = await h.openPage('https://secure.hushmail.com/inbox/4f1e2d?q=client#draft');
    await untilCover(mail, 'dim');
    await mail.bringToFront();
    await sleep(3000);
    const other = await h.openPage(`https://${NON_WORK_HOST}/`);
    await other.bringToFront();
    await expect.poll(async () => (await usage()).length, { timeout: 5000 }).toBeGreaterThan(before);
    const spells = (await usage()).slice(before);
    expect(spells.every((e) => e.site === 'hushmail' && e.category === 'email')).toBe(true);
    const minutes = spells.reduce((sum, e) => sum + e.minutes, 0);
    expect(minutes).toBeGreaterThan(2.5 / 60);
    expect(minutes).toBeLessThan(10 / 60);
    expect(JSON.stringify(spells)).not.toMatch(/4f1e2d|client|draft|inbox/);
    await other.close();
    await mail.close();
  });

  test('a site that is not a work tool is left alone', async () => {
    h.server.reset();
    const page = await h.browser.newPage();
    const samples = await recordPaints(page, () => navigate(page, `https://${NON_WORK_HOST}/`));
    expect(samples.filter((s) => s.kind === 'paint' && s.body && !dimmedSample(s)).length).toBeGreaterThan(0);
    expect(samples.filter((s) => dimmedSample(s) || s.veil || s.overlay)).toEqual([]);
    expect(await coverOf(page)).toBe('none');
    expect(h.server.count(NON_WORK_HOST)).toBe(1);
    await page.close();
  });

  test('in work hours nothing is touched', async () => {
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilBlocking(h, false);
    h.server.reset();
    for (const host of ['secure.simplepractice.com', 'secure.hushmail.com']) {
      const page = await h.browser.newPage();
      const samples = await recordPaints(page, () => navigate(page, `https://${host}/home`));
      expect(await hrefOf(page)).toBe(`https://${host}/home`);
      // Painted bare (the guard's pending cover may show for a frame while it decides), never dimmed.
      expect(samples.filter((s) => s.kind === 'paint' && s.body && !s.veil && !s.overlay).length).toBeGreaterThan(0);
      expect(samples.filter((s) => dimmedSample(s))).toEqual([]);
      expect(await coverOf(page)).toBe('none');
      await page.close();
    }
    expect(h.server.count('secure.simplepractice.com')).toBe(1);
  });
});
