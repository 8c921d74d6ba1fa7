// Requests from several pages at once are all applied, none overwriting another; a framed page of ours gets nothing.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Request, Response } from '../../utils/messages';
import type { Exception } from '../../utils/types';
import { clickGuardButton, historyEvents, untilBlocking, untilCover } from './guard-helpers';
import { HOUR, launch, MINUTE, nextMinuteBoundary, NON_WORK_HOST, settingsWith, workFrom, type Harness } from './harness';

/** `chrome.runtime.sendMessage(request)` from an extension page (or frame), as its own code would send it. */
const send = (target: Page | Frame, request: Request | Record<string, unknown>) =>
  target.evaluate(
    (r) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Response> } } }).chrome.runtime.sendMessage(r),
    request,
  );

const minutesOf = (e: Exception) => Math.round((e.endsAt - e.startedAt) / MINUTE);
const sorted = <T>(list: T[]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const SCOPES = [
  { type: 'all' },
  { type: 'category', category: 'telehealth' },
  { type: 'site', siteId: 'simplepractice' },
  { type: 'site', siteId: 'jane' },
] as const;
/** What the history files each scope under: [site, category]. */
const FILED = [
  [null, null],
  [null, 'telehealth'],
  ['simplepractice', 'ehr'],
  ['jane', 'ehr'],
];

describe('requests from several pages at once', () => {
  let h: Harness;
  let pages: Page[];
  beforeAll(async () => {
    h = await launch();
    pages = [];
    for (let i = 0; i < 3; i++) pages.push(await h.openPage(h.extensionUrl('popup.html')));
  });
  afterAll(async () => {
    await h?.close();
  });

  test('20 exceptions started from three tabs at once are all kept, and extended and ended at once too', async () => {
    // Exception i lasts 30 + i minutes, so each is known again by its length.
    const started = await Promise.all(range(0, 19).map((i) => send(pages[i % 3] as Page, { type: 'startException', scope: SCOPES[i % 4], minutes: 30 + i })));
    expect(started).toEqual(range(0, 19).map(() => ({ ok: true })));
    const stored = (await h.getLocal<Exception[]>('exceptions')) ?? [];
    expect(stored.map(minutesOf).sort((a, b) => a - b)).toEqual(range(30, 49));
    // Every answer came after a snapshot showing its change: the last one shows them all.
    expect((await h.getLocal<{ exceptions: Exception[] }>('guard'))?.exceptions).toHaveLength(20);

    // The five shortest get an hour more, the five longest end — ten requests at once.
    const idOf = (minutes: number) => stored.find((e) => minutesOf(e) === minutes)?.id ?? 'missing';
    const changes: Request[] = [
      ...range(30, 34).map((m): Request => ({ type: 'extendException', id: idOf(m), minutes: 60 })),
      ...range(45, 49).map((m): Request => ({ type: 'endException', id: idOf(m) })),
    ];
    const changed = await Promise.all(changes.map((request, i) => send(pages[i % 3] as Page, request)));
    expect(changed).toEqual(changes.map(() => ({ ok: true })));
    const after = (await h.getLocal<Exception[]>('exceptions')) ?? [];
    expect(after.map(minutesOf).sort((a, b) => a - b)).toEqual([...range(35, 44), ...range(90, 94)]);
    expect(sorted(((await h.getLocal<{ exceptions: Exception[] }>('guard'))?.exceptions ?? []).map((e) => e.id))).toEqual(sorted(after.map((e) => e.id)));

    // The history has each start and each end exactly once.
    const events = await historyEvents(pages[0] as Page);
    expect(
      events
        .filter((e) => e.kind === 'exceptionStarted')
        .map((e) => e.minutes)
        .sort((a, b) => a - b),
    ).toEqual(range(30, 49));
    expect(sorted(events.filter((e) => e.kind === 'exceptionEnded').map((e) => [e.site, e.category]))).toEqual(sorted(range(15, 19).map((i) => FILED[i % 4])));
    expect(events).toHaveLength(25);
  });

  test('a malformed request is refused, naming the field, and changes nothing', async () => {
    const before = await h.getLocal<Exception[]>('exceptions');
    expect(await send(pages[1] as Page, { type: 'startException', scope: { type: 'category', category: 'billing' }, minutes: 30 })).toEqual({
      ok: false,
      error: expect.stringContaining('scope.category: "billing" is not a category'),
    });
    expect(await send(pages[2] as Page, { type: 'endException', id: '' })).toEqual({ ok: false, error: expect.stringContaining('id is empty') });
    expect(await h.getLocal<Exception[]>('exceptions')).toEqual(before);
  });

  test('the blocked page framed by a web page can ask for nothing', async () => {
    const before = await h.getLocal<Exception[]>('exceptions');
    const page = await h.openPage(`https://${NON_WORK_HOST}/story`);
    const src = h.extensionUrl('blocked.html?site=simplepractice');
    // What any site may do: blocked.html is web-accessible, so it can be framed.
    await page.evaluate((url) => {
      const frame = document.createElement('iframe');
      frame.src = url;
      document.body.append(frame);
    }, src);
    await expect.poll(() => page.frames().some((f) => f.url() === src), { timeout: 5000 }).toBe(true);
    const framed = page.frames().find((f) => f.url() === src) as Frame;
    await framed.waitForLoadState();
    for (const request of [
      { type: 'startException', scope: { type: 'all' }, minutes: 60 },
      { type: 'startException', scope: { type: 'site', siteId: 'simplepractice' }, minutes: 60 },
      { type: 'wrapUp', siteId: 'simplepractice' },
      { type: 'endException' },
    ] as Request[]) {
      expect(await send(framed, request)).toEqual({ ok: false, error: expect.stringMatching(/inside another page/) });
    }
    expect(await h.getLocal<Exception[]>('exceptions')).toEqual(before);
    await page.close();
  });

  test("a work page's own guard may still wrap up its own site", async () => {
    // The guard's content script is a sender of another kind: a web page, allowed its own site only.
    expect(await send(pages[0] as Page, { type: 'endException' })).toEqual({ ok: true });
    await h.setSettings(settingsWith({ week: workFrom(nextMinuteBoundary() + 3 * HOUR) }));
    await untilBlocking(h, true);
    const page = await h.openPage('https://secure.hushmail.com/inbox');
    await untilCover(page, 'dim', 3000);
    await clickGuardButton(page, /Wrap up/);
    await untilCover(page, 'none', 3000);
    const wrapUps = ((await h.getLocal<Exception[]>('exceptions')) ?? []).filter((e) => e.kind === 'wrapUp');
    expect(wrapUps.map((e) => e.scope)).toEqual([{ type: 'site', siteId: 'hushmail' }]);
    await page.close();
  });
});
