// Off hours in a real browser: blocked sites never reach the network, dimmed ones never paint undimmed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alwaysWork, isBrightRed, NON_WORK_HOST, recordFrames, settingsWith, type Harness } from './harness';
import { accessibleNodes, coverOf, guardButtons, launchClockedOut, untilBlocking } from './guard-helpers';

describe('off hours', () => {
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
    ['sigmund.headway.co', '/providers', 'Headway'],
  ])('a navigation to %s%s lands on the blocked page and the site sees no request', async (host, path, name) => {
    h.server.reset();
    const page = await h.context.newPage();
    await page.goto(`https://${host}${path}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain(name);
    // The original address is kept in memory only, not in the tab's URL.
    expect(page.url()).toBe(`${h.extensionUrl('blocked.html')}?site=${encodeURIComponent(new URL(page.url()).searchParams.get('site') ?? '')}`);
    await expect.poll(() => page.getByText(/Opens again/).count()).toBe(1);
    expect(await page.getByRole('button', { name: /crisis/i }).count()).toBe(1);
    expect(h.server.count(host)).toBe(0);
    await page.close();
  });

  test("TherapyNotes' public pages outside /app/ stay reachable", async () => {
    h.server.reset();
    const page = await h.openPage('https://www.therapynotes.com/pricing/');
    expect(page.url()).toBe('https://www.therapynotes.com/pricing/');
    expect(h.server.count('www.therapynotes.com')).toBe(1);
    expect(await coverOf(page)).toBe('none');
    await page.close();
  });

  test.each(['secure.hushmail.com', 'video.simplepractice.com'])('%s is dimmed from the first painted frame', async (host) => {
    const page = await h.context.newPage();
    const frames = await recordFrames(page, () => page.goto(`https://${host}/inbox`));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.filter((f) => isBrightRed(f))).toHaveLength(0);
    expect(await coverOf(page)).toBe('dim');
    // The bar says why, and offers the way out.
    await expect.poll(async () => (await accessibleNodes(page)).some((n) => /^After hours — /.test(n.name))).toBe(true);
    expect(await guardButtons(page)).toEqual(expect.arrayContaining([expect.stringMatching(/Wrap up/), expect.stringMatching(/Crisis exception/)]));
    await page.close();
  });

  test('a site that is not a work tool is left alone', async () => {
    h.server.reset();
    const page = await h.context.newPage();
    const frames = await recordFrames(page, () => page.goto(`https://${NON_WORK_HOST}/`));
    expect(frames.some((f) => isBrightRed(f))).toBe(true);
    expect(await coverOf(page)).toBe('none');
    expect(h.server.count(NON_WORK_HOST)).toBe(1);
    await page.close();
  });

  test('in work hours nothing is touched', async () => {
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilBlocking(h, false);
    h.server.reset();
    for (const host of ['secure.simplepractice.com', 'secure.hushmail.com']) {
      const page = await h.context.newPage();
      const frames = await recordFrames(page, () => page.goto(`https://${host}/home`));
      expect(page.url()).toBe(`https://${host}/home`);
      expect(frames.filter((f) => isBrightRed(f)).length).toBeGreaterThan(0);
      expect(await coverOf(page)).toBe('none');
      await page.close();
    }
    expect(h.server.count('secure.simplepractice.com')).toBe(1);
  });
});
