// The popup in real Chromium: the state in words, the crisis toggle, "Take today off", screenshots and an axe audit.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  EXTENSION_DIR,
  HOUR,
  launch,
  MINUTE,
  nextMinuteBoundary,
  NON_WORK_HOST,
  settingsWith,
  sleep,
  systemTimeZone,
  wallClock,
  weekWithRanges,
  workFrom,
  type Harness,
} from './harness';
import { untilBlocking, untilGuard } from './guard-helpers';
import { seriousViolations } from './axe';
import { weekBounds } from '../../utils/ledger';

const SHOTS = fileURLToPath(new URL('../../test-results/popup/', import.meta.url));

/** The popup as a tab at the popup's own size. */
async function openPopup(h: Harness, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await h.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width: 360, height: 600 });
  await page.goto(h.extensionUrl('popup.html'));
  await page.locator('h1').waitFor();
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

/** Light and dark screenshots of the popup as it is now. */
async function shootBoth(h: Harness, name: string, prepare?: (page: Page) => Promise<void>): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await openPopup(h, scheme);
    await prepare?.(page);
    await shoot(page, `${name}-${scheme}`);
    await page.close();
  }
}

interface RealPopup {
  /** Polls `expression` in the popup until it is truthy (or `timeoutMs` passes) and returns it. */
  until<T>(expression: string, timeoutMs?: number): Promise<T>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real popup, opened by the toolbar button's own API over the tab `over`. Playwright does not
 * list popups as pages, so it is driven through a CDP session attached to its target.
 */
async function realPopup(h: Harness, over: Page): Promise<RealPopup> {
  await over.bringToFront();
  const failed = await h.evalInWorker(async (chrome) =>
    chrome.action.openPopup().then(
      () => null,
      (e: unknown) => String(e),
    ),
  );
  if (failed) throw new Error(`the popup did not open: ${failed}`);
  const cdp = await h.context.newCDPSession(over);
  let targetId: string | undefined;
  for (let tries = 0; !targetId && tries < 50; tries++, await sleep(50)) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    targetId = targetInfos.find((t) => t.url === h.extensionUrl('popup.html'))?.targetId;
  }
  if (!targetId) throw new Error('no popup target');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  let ids = 0;
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
    if (message.id) pending.get(message.id)?.(message.result ?? {});
  });
  const call = (method: string, params: object) =>
    new Promise<Record<string, unknown>>((resolve) => {
      pending.set(++ids, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ids, method, params }) });
    });
  return {
    async until<T>(expression: string, timeoutMs = 3000) {
      const start = Date.now();
      for (;;) {
        const { result } = (await call('Runtime.evaluate', { expression, returnByValue: true })) as { result?: { value?: T } };
        if (result?.value) return result.value;
        if (Date.now() - start > timeoutMs) throw new Error(`the popup never showed ${expression}`);
        await sleep(50);
      }
    },
    async screenshot(name) {
      const { data } = (await call('Page.captureScreenshot', { format: 'png' })) as { data: string };
      await mkdir(SHOTS, { recursive: true });
      await writeFile(`${SHOTS}${name}.png`, Buffer.from(data, 'base64'));
    },
    async close() {
      await call('Runtime.evaluate', { expression: 'window.close()' });
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** The focused control's name, and whether a focus ring shows on it (or, for a hidden radio, on its pill). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const shown = el instanceof HTMLInputElement ? el.nextElementSibling : el;
    const ring = shown ? getComputedStyle(shown) : null;
    const name =
      el instanceof HTMLSelectElement
        ? (el.previousElementSibling?.textContent ?? '')
        : el instanceof HTMLInputElement
          ? (el.labels?.[0]?.textContent ?? '')
          : (el?.textContent ?? '');
    return { name: name.trim(), ring: ring !== null && ring.outlineStyle !== 'none' && parseFloat(ring.outlineWidth) >= 2 };
  });

const localDate = (at: number) => new Intl.DateTimeFormat('en-CA', { timeZone: systemTimeZone() }).format(at);

describe('the popup', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('off hours, it says clocked out and when work starts again', async () => {
    const start = nextMinuteBoundary() + 3 * HOUR;
    await h.setSettings(settingsWith({ week: workFrom(start), exceptions: { defaultMinutes: 30, weeklyLimit: 5 } }));
    await untilBlocking(h, true);
    const page = await openPopup(h);
    const when = localDate(start) === localDate(Date.now()) ? wallClock(start).time : `tomorrow ${wallClock(start).time}`;
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Clocked out — back ${when}`);
    // The timeline says the same in words.
    await expect.poll(() => page.locator('.timeline-text').textContent()).toMatch(/^(Work today|No work hours today)/);
    await page.close();
    await shootBoth(h, 'off-hours');
  });

  test("opened from the toolbar over a work tab, the popup preselects that site — and sees no other tab's address", async () => {
    const work = await h.openPage('https://video.simplepractice.com/room/8c1f');
    const popup = await realPopup(h, work);
    // Drawn 360 wide. Its content may be taller than the browser lets a popup be (the weekly review,
    // the crisis exception's steps), so the popup may scroll and add its scroll bar's width: the
    // width is the page's own, and nothing in it is wider.
    await expect
      .poll(
        async () =>
          (
            await popup.until<number[]>(
              'document.querySelector("button.crisis-open") && [Math.max(document.body.getBoundingClientRect().width, document.body.scrollWidth)]',
            )
          )[0],
        {
          timeout: 5000,
        },
      )
      .toBe(360);
    // The crisis exception's first step: this site is chosen, all work sites the other choice.
    const scope = (checked: string) => `(document.querySelector("button.crisis-open")?.click(), document.querySelector(${JSON.stringify(checked)})?.value)`;
    expect(await popup.until<string>(scope('.crisis-flow input[name$="-scope"]:checked'))).toBe('site:simplepractice-video');
    await popup.screenshot('toolbar-over-work-tab');
    await popup.close();

    const news = await h.openPage(`https://${NON_WORK_HOST}/politics/story`);
    const again = await realPopup(h, news);
    expect(await again.until<string>(`document.querySelector("h1") && ${scope('.crisis-flow select')}`)).toBe('all');
    await again.close();
    // Without the "tabs" permission the extension learns the address of work sites' tabs only.
    const seen = await h.evalInWorker(async (chrome) => (await chrome.tabs.query({})).map((t) => t.url ?? null));
    expect(seen).toContain('https://video.simplepractice.com/room/8c1f');
    expect(seen.filter((url) => url?.includes(NON_WORK_HOST))).toEqual([]);
    await news.close();
    await work.close();
  });

  test('a 30-minute crisis exception for one site opens that site in another tab, and only that one', async () => {
    const page = await openPopup(h);
    await page.getByRole('button', { name: 'Crisis exception…' }).click();
    // The popup's own tab is no work site: every site and category is offered, all work sites first.
    await page.getByLabel('What should open?').selectOption({ label: 'SimplePractice' });
    await expect.poll(() => page.getByRole('radio', { name: '30 min' }).isChecked()).toBe(true);
    await expect.poll(() => page.locator('.question').textContent()).toMatch(/^Open SimplePractice until \d\d:\d\d \(30 minutes\)\?/);
    expect(await page.locator('.limit').textContent()).toBe('This will be your 1st crisis exception this week. Your weekly limit is 5.');
    await shoot(page, 'crisis-confirm-light');
    await page.getByRole('button', { name: /^Yes, open until/ }).click();
    await untilGuard(h, (s) => Array.isArray(s.exceptions) && s.exceptions.length === 1);
    await untilBlocking(h, true);

    h.server.reset();
    const site = await h.openPage('https://secure.simplepractice.com/calendar');
    expect(site.url()).toBe('https://secure.simplepractice.com/calendar');
    expect(h.server.count('secure.simplepractice.com')).toBe(1);
    const other = await h.openPage('https://acme.janeapp.com/admin');
    expect(other.url()).toContain('blocked.html?site=jane');
    expect(h.server.count('acme.janeapp.com')).toBe(0);
    // The blocked page draws its prompt from the same library.
    await expect.poll(() => other.locator('.prompt').textContent()).toMatch(/\w+/);
    await other.close();
    await site.close();

    // The popup counts down, in words too.
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Crisis exception — (29|30) min left$/);
    const first = await page.getByRole('timer').textContent();
    await expect.poll(() => page.getByRole('timer').textContent(), { timeout: 3000 }).not.toBe(first);
    expect(await page.getByRole('timer').getAttribute('aria-label')).toMatch(/^29 minutes \d+ seconds? left$/);
    expect(await page.locator('.running').textContent()).toMatch(/^SimplePractice open until \d\d:\d\d/);
    await page.close();
    await shootBoth(h, 'crisis-running');
  });

  test('"Add 15 minutes" extends it and "End now" blocks the site again', async () => {
    const page = await openPopup(h);
    const before = (await h.getLocal<Array<{ endsAt: number }>>('exceptions'))?.[0]?.endsAt ?? 0;
    await page.getByRole('button', { name: 'Add 15 minutes' }).click();
    await untilGuard(h, (s) => (s.exceptions as Array<{ endsAt: number }>)[0]?.endsAt === before + 15 * MINUTE);
    await page.getByRole('button', { name: 'End now' }).click();
    await untilGuard(h, (s) => Array.isArray(s.exceptions) && s.exceptions.length === 0);
    await untilBlocking(h, true);
    h.server.reset();
    const site = await h.openPage('https://secure.simplepractice.com/calendar');
    expect(site.url()).toContain('blocked.html?site=simplepractice');
    expect(h.server.count('secure.simplepractice.com')).toBe(0);
    await site.close();
    // The week's line counts it, from the history the worker keeps.
    await expect.poll(() => page.locator('.week').textContent()).toMatch(/· 1 of 5 crisis exceptions · /);
    await page.close();
  });

  test('past the weekly limit it still opens, and says so before confirming', async () => {
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR), exceptions: { defaultMinutes: 15, weeklyLimit: 1 } }));
    await untilGuard(h, (s) => (s.settings as { exceptions: { weeklyLimit: number } }).exceptions.weeklyLimit === 1);
    const page = await openPopup(h);
    await expect.poll(() => page.locator('.week').textContent()).toMatch(/1 of 1 crisis exceptions/);
    await page.getByRole('button', { name: 'Crisis exception…' }).click();
    await expect
      .poll(() => page.locator('.limit').textContent())
      .toBe('This will be your 2nd crisis exception this week. Your weekly limit is 1, so this one goes over it. It still opens: your client comes first.');
    expect(await page.locator('.question').textContent()).toMatch(/^Open all work sites until/);
    await shoot(page, 'over-limit-light');
    await page.getByRole('button', { name: /^Yes, open until/ }).click();
    await untilGuard(h, (s) => Array.isArray(s.exceptions) && s.exceptions.length === 1);
    await expect.poll(() => page.locator('.week').textContent()).toMatch(/2 of 1 crisis exceptions, over your limit/);
    await page.getByRole('button', { name: 'End now' }).click();
    await untilGuard(h, (s) => Array.isArray(s.exceptions) && s.exceptions.length === 0);
    await page.close();
  });

  test('"Take today off" during work hours blocks work sites at once, and undo opens them again', async () => {
    // Clocked in since a while, with a break earlier and work until a few hours from now.
    const now = nextMinuteBoundary(0) - MINUTE;
    await h.setSettings(
      settingsWith({
        week: weekWithRanges([
          [now - 4 * HOUR, now - 2 * HOUR],
          [now - HOUR, now + 3 * HOUR],
        ]),
      }),
    );
    await untilBlocking(h, false);
    const page = await openPopup(h);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Clocked in until/);
    await shoot(page, 'work-light');

    await page.getByRole('button', { name: 'Take today off' }).click();
    await untilBlocking(h, true, 3000);
    h.server.reset();
    const site = await h.openPage('https://secure.simplepractice.com/calendar');
    expect(site.url()).toContain('blocked.html?site=simplepractice');
    expect(h.server.count('secure.simplepractice.com')).toBe(0);
    await site.close();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Day off/);
    const stored = await h.evalInWorker(async (chrome) => (await chrome.storage.sync.get('settings')).settings as { timeOff: unknown[] });
    expect(stored.timeOff).toEqual([{ from: localDate(Date.now()), to: localDate(Date.now()), label: 'Taken from the popup' }]);
    await page.close();
    await shootBoth(h, 'day-off');

    const again = await openPopup(h);
    await again.getByRole('button', { name: /^Undo/ }).click();
    await untilBlocking(h, false, 3000);
    await expect.poll(() => again.locator('h1').textContent()).toMatch(/^Clocked in until/);
    await again.close();
    await shootBoth(h, 'work');
  });

  test('works from the keyboard alone, with the focus always visible', async () => {
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
    await untilBlocking(h, true);
    // Last week's review would be due (this week's work has not begun): reviewed already, so the
    // walk is the popup's own controls (the review's are tested in tests/e2e/balance.test.ts).
    await h.setLocal({ reviewedWeek: weekBounds(Date.now(), systemTimeZone(), 1).week });
    const page = await openPopup(h);
    // "Take today off" is offered only while today still has work in it, which depends on the hour.
    const dayOff = (await page.getByRole('button', { name: 'Take today off' }).count()) > 0 ? ['Take today off'] : [];
    const stops: Array<{ name: string; ring: boolean }> = [];
    while (stops.length < 6 && stops.at(-1)?.name !== 'Open settings') {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    expect(stops.map((s) => s.name)).toEqual(['Crisis exception…', ...dayOff, 'Open settings']);
    expect(stops.filter((s) => !s.ring)).toEqual([]);

    // All EHRs, for 60 minutes, started and ended with keys only.
    for (let i = 1; i < stops.length; i++) await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).name).toBe('Crisis exception…');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toEqual({ name: 'What should open?', ring: true });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ name: '30 min', ring: true });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toEqual({ name: expect.stringMatching(/^Yes, open until/), ring: true });
    expect(await page.locator('.question').textContent()).toMatch(/^Open all EHRs until .* \(60 minutes\)\?/);
    await shoot(page, 'keyboard-confirm-light');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Crisis exception — (59 min|1 h) left$/);
    const scope = await h.getLocal<Array<{ scope: unknown }>>('exceptions');
    expect(scope?.map((e) => e.scope)).toEqual([{ type: 'category', category: 'ehr' }]);
    await page.getByRole('button', { name: 'End now' }).focus();
    await page.keyboard.press('Enter');
    await untilGuard(h, (s) => Array.isArray(s.exceptions) && s.exceptions.length === 0);
    await page.close();
  });

  test.skipIf(!existsSync(`${EXTENSION_DIR}/options.html`))('"Open settings" opens the options page', async () => {
    const page = await openPopup(h);
    const [options] = await Promise.all([h.context.waitForEvent('page'), page.getByRole('button', { name: 'Open settings' }).click()]);
    await options.waitForLoadState();
    expect(options.url()).toBe(h.extensionUrl('options.html'));
    await options.close();
  });

  test('has no serious or critical accessibility violations, in light and dark, in each state', async () => {
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
    await untilBlocking(h, true);
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openPopup(h, scheme);
      found.push(...(await seriousViolations(page)).map((v) => `${scheme}, off hours: ${v}`));
      await page.getByRole('button', { name: 'Crisis exception…' }).click();
      found.push(...(await seriousViolations(page)).map((v) => `${scheme}, confirming: ${v}`));
      await page.getByRole('button', { name: /^Yes, open until/ }).click();
      await page.getByRole('timer').waitFor();
      found.push(...(await seriousViolations(page)).map((v) => `${scheme}, running: ${v}`));
      await page.getByRole('button', { name: 'End now' }).click();
      await untilGuard(h, (s) => Array.isArray(s.exceptions) && s.exceptions.length === 0);
      await page.close();
    }
    expect(found).toEqual([]);
  });
});
