// Every spelling of a work site's address is guarded: http as https, the bare domain of a www. host,
// a trailing dot, an explicit port, a user-info part. None reaches the site after hours.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOUR, isBrightRed, launch, nextMinuteBoundary, recordFrames, settingsWith, workFrom, type Harness } from './harness';
import { coverOf, untilBlocking } from './guard-helpers';

describe('every scheme and spelling', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({
      hosts: ['secure.simplepractice.com', 'www.therapynotes.com', 'therapynotes.com', 'acme.janeapp.com', 'secure.hushmail.com', 'www.example-news.org'],
    });
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
    await untilBlocking(h, true);
  });
  afterAll(async () => {
    await h?.close();
  });

  test.each([
    ['http://secure.simplepractice.com/clients/4f1e2d3c/notes', 'secure.simplepractice.com', 'SimplePractice'],
    ['http://acme.janeapp.com/admin#/staff_member/3', 'acme.janeapp.com', 'Jane'],
    ['http://www.therapynotes.com/app/patients/', 'www.therapynotes.com', 'TherapyNotes'],
    ['https://therapynotes.com/app/patients/', 'therapynotes.com', 'TherapyNotes'],
    ['http://therapynotes.com//app/patients/', 'therapynotes.com', 'TherapyNotes'],
    ['https://secure.simplepractice.com./clients/1', 'secure.simplepractice.com', 'SimplePractice'],
    ['http://secure.simplepractice.com.:80/clients/1', 'secure.simplepractice.com', 'SimplePractice'],
    ['https://secure.simplepractice.com:443/clients/1', 'secure.simplepractice.com', 'SimplePractice'],
    ['https://x@secure.simplepractice.com/clients/1', 'secure.simplepractice.com', 'SimplePractice'],
    ['http://clinician:secret@acme.janeapp.com/admin', 'acme.janeapp.com', 'Jane'],
  ])('%s lands on the blocked page naming the site, and the site sees no request', async (url, host, name) => {
    h.server.reset();
    const page = await h.context.newPage();
    await page.goto(url);
    expect(page.url().startsWith(h.extensionUrl('blocked.html'))).toBe(true);
    await expect.poll(() => page.locator('h1').textContent()).toContain(name);
    expect(h.server.count(host)).toBe(0);
    expect(h.server.requests).toEqual([]);
    await page.close();
  });

  test('twenty http navigations to a blocked site send it nothing', async () => {
    h.server.reset();
    const page = await h.context.newPage();
    for (let i = 0; i < 20; i++) {
      await page.goto(`http://secure.simplepractice.com/clients/${i}/chart`);
      expect(page.url().startsWith(h.extensionUrl('blocked.html'))).toBe(true);
    }
    expect(h.server.requests).toEqual([]);
    await page.close();
  });

  test('a dimmed site over http is dimmed from its first painted frame', async () => {
    const page = await h.context.newPage();
    const frames = await recordFrames(page, () => page.goto('http://secure.hushmail.com/inbox'));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.filter((f) => isBrightRed(f))).toHaveLength(0);
    expect(await coverOf(page)).toBe('dim');
    await page.close();
  });

  test("TherapyNotes' public pages stay reachable over http and without www", async () => {
    h.server.reset();
    for (const url of ['http://www.therapynotes.com/pricing/', 'https://therapynotes.com/pricing/']) {
      const page = await h.openPage(url);
      // Chromium may upgrade the http address to https by itself: either way the page is the site's own.
      expect(page.url().replace(/^http:/, 'https:')).toBe(url.replace(/^http:/, 'https:'));
      expect(await coverOf(page)).toBe('none');
      await page.close();
    }
    expect(h.server.requests.map((r) => r.host)).toEqual(['www.therapynotes.com', 'therapynotes.com']);
  });

  test('a site that is no work tool is left alone over http', async () => {
    h.server.reset();
    const page = await h.openPage('http://www.example-news.org/');
    expect(page.url()).toBe('http://www.example-news.org/');
    expect(h.server.count('www.example-news.org')).toBe(1);
    await page.close();
  });
});
