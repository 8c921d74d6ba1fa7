// The guard holds while its worker is stopped, across a browser restart, and with bad settings.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { decide } from '../../utils/policy';
import { defaultSettings } from '../../utils/settings';
import {
  alwaysWork,
  HOUR,
  isBrightRed,
  launch,
  neverWork,
  nextMinuteBoundary,
  recordFrames,
  SECOND,
  settingsWith,
  sleep,
  systemTimeZone,
  waitUntil,
  workFrom,
  type Harness,
} from './harness';
import { untilApplied, untilBlocking, untilCover, untilGuard } from './guard-helpers';

async function visit(h: Harness, url: string) {
  const page = await h.context.newPage();
  const frames = await recordFrames(page, () => page.goto(url));
  return { page, frames };
}

describe('a stopped worker and a restarted browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('blocking and dimming hold while the worker is stopped', async () => {
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
    await untilBlocking(h, true);
    await h.stopWorkers();
    h.server.reset();
    const blocked = await visit(h, 'https://secure.simplepractice.com/clients/1');
    expect(blocked.page.url()).toContain('blocked.html?site=simplepractice');
    const dimmed = await visit(h, 'https://secure.hushmail.com/inbox');
    expect(dimmed.frames.filter((f) => isBrightRed(f))).toHaveLength(0);
    expect(h.server.count('secure.simplepractice.com')).toBe(0);
    await blocked.page.close();
    await dimmed.page.close();
  });

  test('blocking holds from the first navigation after the browser restarts', async () => {
    h = await h.restart();
    h.server.reset();
    // The redirect rules are the browser's own and outlive the restart: no wait for the worker.
    const blocked = await visit(h, 'https://acme.janeapp.com/admin');
    expect(blocked.page.url()).toContain('blocked.html?site=jane');
    expect(h.server.count('acme.janeapp.com')).toBe(0);
    // Chromium reinstalls an extension loaded from a folder at every launch, which drops
    // registered content scripts (an installed one keeps them); the worker registers them again.
    await untilGuard(h, (s) => typeof s.timeZone === 'string');
    await expect
      .poll(() => h.evalInWorker(async (chrome) => (await chrome.scripting.getRegisteredContentScripts()).length), { timeout: 5000 })
      .toBeGreaterThan(0);
    const dimmed = await visit(h, 'https://doxy.me/room');
    expect(dimmed.frames.filter((f) => isBrightRed(f))).toHaveLength(0);
  });

  test('the next boundary still takes effect when the worker was asleep: its alarm wakes it', async () => {
    const start = nextMinuteBoundary(10_000);
    const doc = settingsWith({ week: workFrom(start) });
    await h.setSettings(doc);
    await untilApplied(h, doc);
    await h.stopWorkers();
    expect(await h.workerRunning()).toBe(false);
    h.server.reset();
    const page = await h.context.newPage();
    await waitUntil(start);
    // Only navigations from here on, which never wake the worker: whatever lifts the block is the
    // worker's own alarm.
    const deadline = Date.now() + 10_000;
    for (;;) {
      // The blocked page goes back to its address by itself once the block lifts, which may
      // interrupt this navigation: either way, what counts is where the tab ends up.
      await page.goto('https://secure.simplepractice.com/calendar').catch(() => undefined);
      await page.waitForLoadState();
      if (page.url() === 'https://secure.simplepractice.com/calendar' || Date.now() > deadline) break;
      await sleep(250);
    }
    console.info(`boundary → blocking lifted by the woken worker: ${Date.now() - start} ms`);
    expect(page.url()).toBe('https://secure.simplepractice.com/calendar');
    expect(await h.workerRunning()).toBe(true);
    // (A tab left on the blocked page by an early try returns to its address by itself, too.)
    expect(h.server.count('secure.simplepractice.com')).toBeGreaterThan(0);
  });
});

describe('tabs restored from the last session', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  /** The restored tab at `url` (by its address, or by the blocked page's), once it has loaded. */
  async function restored(h: Harness, match: (url: string) => boolean): Promise<Page> {
    await expect.poll(() => h.context.pages().some((p) => match(p.url())), { timeout: 10_000 }).toBe(true);
    const page = h.context.pages().find((p) => match(p.url()))!;
    await page.waitForLoadState();
    return page;
  }

  /** Whether a `/probe` page was covered or dimmed at its first script, and that came before its first paint. */
  async function coveredBeforePaint(page: Page): Promise<boolean> {
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('first-paint').length)).toBe(1);
    return page.evaluate(() => {
      const first = (window as { firstScript?: { covered: boolean; at: number } }).firstScript;
      return !!first?.covered && first.at <= performance.getEntriesByName('first-paint')[0]!.startTime;
    });
  }

  test('a blocked site restored after hours is turned away before any request, a dimmed one dimmed before it paints', async () => {
    h = await launch({ args: ['--restore-last-session'] });
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilBlocking(h, false);
    await h.openPage('https://secure.simplepractice.com/probe/clients/1/notes');
    await h.openPage('https://secure.hushmail.com/probe/inbox');
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
    await untilBlocking(h, true);
    h.server.reset();
    h = await h.restart();
    const ehr = await restored(h, (url) => url.startsWith(h!.extensionUrl('blocked.html')));
    expect(ehr.url()).toContain('site=simplepractice');
    expect(h.server.count('secure.simplepractice.com')).toBe(0);
    const mail = await restored(h, (url) => url.startsWith('https://secure.hushmail.com/'));
    expect(await coveredBeforePaint(mail)).toBe(true);
    await untilCover(mail, 'dim');
  });

  test('after a boundary passed with the browser closed, a restored blocked tab is turned away before any request, a dimmed one dimmed before it paints', async () => {
    h = await launch({ args: ['--restore-last-session'] });
    await h.setSettings(settingsWith({ week: neverWork() }));
    await untilBlocking(h, true);
    // Opened during a crisis exception, which ends while the browser is closed: the browser's
    // rules opened the sites only for this session, so they are closed again when it starts.
    const endsAt = Date.now() + 6 * SECOND;
    await h.setLocal({ exceptions: [{ id: 'short', kind: 'crisis', scope: { type: 'all' }, startedAt: Date.now(), endsAt }] });
    await untilBlocking(h, false);
    await h.openPage('https://secure.simplepractice.com/probe/clients/1/notes');
    await h.openPage('https://secure.hushmail.com/probe/inbox');
    h.server.reset();
    h = await h.restart(() => waitUntil(endsAt + SECOND));
    const ehr = await restored(h, (url) => url.startsWith(h!.extensionUrl('blocked.html')));
    expect(ehr.url()).toContain('site=simplepractice');
    expect(h.server.count('secure.simplepractice.com')).toBe(0);
    await expect.poll(() => ehr.locator('h1').textContent()).toBe('SimplePractice is closed for the evening');
    const mail = await restored(h, (url) => url.startsWith('https://secure.hushmail.com/'));
    expect(await coveredBeforePaint(mail)).toBe(true);
    await untilCover(mail, 'dim');
  });

  test('a tab restored in working hours comes back to its own address once the worker has opened the site', async () => {
    h = await launch({ args: ['--restore-last-session'] });
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilBlocking(h, false);
    await h.openPage('https://secure.simplepractice.com/clients/1/notes?tab=2');
    h = await h.restart();
    // The browser starts closed; the tab may meet the blocked page first, and is sent back.
    const ehr = await restored(h, (url) => url.startsWith('https://secure.simplepractice.com/'));
    await expect.poll(() => ehr.url(), { timeout: 10_000 }).toBe('https://secure.simplepractice.com/clients/1/notes?tab=2');
    await untilBlocking(h, false);
    h.server.reset();
    const page = await h.context.newPage();
    await page.goto('https://secure.simplepractice.com/clients/2');
    expect(page.url()).toBe('https://secure.simplepractice.com/clients/2');
    expect(h.server.count('secure.simplepractice.com')).toBe(1);
  });
});

describe('settings changing under a running browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilBlocking(h, false);
  });
  afterAll(async () => {
    await h?.close();
  });

  test('settings written to storage (an import, a sync from another computer) apply within a second, without a reload', async () => {
    const open = await h.openPage('https://secure.simplepractice.com/notes');
    await open.fill('#note', 'draft');
    h.server.reset();
    const written = Date.now();
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
    await untilCover(open, 'overlay', 1000);
    await untilBlocking(h, true, 1000);
    console.info(`settings written → open tab covered and rules in force: ${Date.now() - written} ms`);
    expect(await open.inputValue('#note')).toBe('draft');
    expect(h.server.count('secure.simplepractice.com')).toBe(0);
  });

  test.each([
    ['a string', 'garbage'],
    ['a document from nowhere', { hello: 'world' }],
    ['a document with broken fields', { format: 'clocked-out/settings', version: 1, week: 'always', actions: { ehr: 'nuke' } }],
  ])('%s in settings storage gives the default hours and a notice, not a crash', async (_name, raw) => {
    // From a clean state, so the notice seen is this document's.
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilGuard(h, (s) => s.notice === null);
    await h.setSettings(raw as Record<string, unknown>);
    await untilGuard(h, (s) => typeof s.notice === 'string' && s.notice.length > 0);
    // The defaults (Mon–Fri 09:00–17:00 in this computer's zone) decide, whatever the time is now.
    const expected = decide(defaultSettings(), Date.now(), systemTimeZone()).siteActions.simplepractice === 'block';
    await untilBlocking(h, expected, 3000);
    await expect.poll(() => h.evalInWorker((chrome) => chrome.action.getTitle({}))).toMatch(/settings/i);
    expect(await h.evalInWorker((chrome) => chrome.action.getBadgeText({}))).toBe('!');
  });
});
