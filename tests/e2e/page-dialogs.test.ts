// A work page's own modal dialogs and full screen (docs/ARCHITECTURE.md, "The page guard"): left
// alone in work hours; after hours a dimmed page keeps them usable but dimmed, with the bar on top
// where a person and assistive technology reach it, and leaves full screen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alwaysWork, isBrightRed, launch, neverWork, recordFrames, settingsWith, type Harness } from './harness';
import { accessibleNodes, coverOf, untilBlocking, untilCover } from './guard-helpers';

const BLOCKED = 'secure.simplepractice.com';
const DIMMED = 'secure.hushmail.com';

/**
 * Opens a bright red modal dialog `id` with a labelled field, in the page's own world; resolves in
 * the next animation frame (before it is painted) with whether the guard's bar is inside it.
 */
function openDialog(page: Page, id: string): Promise<boolean> {
  return page.evaluate(
    (id) =>
      new Promise<boolean>((resolve) => {
        const d = document.createElement('dialog');
        d.id = id;
        d.style.cssText = 'width:80vw;height:80vh;max-width:none;max-height:none;padding:0;border:0;background:#e00000';
        const field = document.createElement('input');
        field.setAttribute('aria-label', `Field ${id}`);
        d.append(field);
        document.body.append(d);
        d.showModal();
        requestAnimationFrame(() => resolve(!!d.querySelector(':scope > [data-clocked-out]')));
      }),
    id,
  );
}

const closeDialog = (page: Page, id: string) => page.evaluate((id) => (document.getElementById(id) as HTMLDialogElement).close(), id);

/** The ids of the page's dialogs that hold one of the guard's hosts. */
const dialogsWithBar = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('dialog')].filter((d) => d.querySelector('[data-clocked-out]')).map((d) => d.id));

/** What assistive technology reaches: the bar's text (how many times) and the page's fields. */
async function reachable(page: Page): Promise<{ bars: number; fields: string[] }> {
  const nodes = await accessibleNodes(page);
  return {
    bars: nodes.filter((n) => n.role === 'StaticText' && /^After hours — /.test(n.name)).length,
    fields: nodes.filter((n) => n.role === 'textbox' && n.name.startsWith('Field ')).map((n) => n.name),
  };
}

/** Types into the dialog's field as a person would, and returns what the field holds. */
async function typeInto(page: Page, id: string, text: string): Promise<string> {
  const field = page.locator(`#${id} input`);
  await field.click();
  await page.keyboard.type(text);
  return field.inputValue();
}

describe("a work page's own modal dialogs and full screen", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch({ hosts: [BLOCKED, DIMMED] });
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilBlocking(h, false);
  });
  afterAll(async () => {
    await h?.close();
  });

  test.each([BLOCKED, DIMMED])('are left alone in work hours on %s', async (host) => {
    const page = await h.openPage(`https://${host}/inbox`);
    await page.bringToFront();
    let inside = true;
    const frames = await recordFrames(page, async () => (inside = await openDialog(page, 'a')), { settleMs: 300 });
    expect(inside).toBe(false);
    expect(isBrightRed(frames.at(-1)!)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('#a')!.matches(':modal'))).toBe(true);
    expect(await reachable(page)).toEqual({ bars: 0, fields: ['Field a'] });
    expect(await typeInto(page, 'a', 'notes')).toBe('notes');
    await closeDialog(page, 'a');

    expect(await page.evaluate(() => document.body.requestFullscreen().then(() => 'full screen', String))).toBe('full screen');
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.evaluate(() => document.fullscreenElement === document.body)).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    expect(await coverOf(page)).toBe('none');
    await page.close();
  });

  describe('after hours, on a dimmed page', () => {
    let atBoundary: Page;

    beforeAll(async () => {
      // Open in work hours with a dialog half filled in; then the day ends.
      atBoundary = await h.openPage(`https://${DIMMED}/compose`);
      await openDialog(atBoundary, 'draft');
      expect(await typeInto(atBoundary, 'draft', 'half a note')).toBe('half a note');
      await h.setSettings(settingsWith({ week: neverWork() }));
      await untilBlocking(h, true);
    });

    test('a modal dialog open when the day ends is dimmed, keeps what was typed, and gets the bar', async () => {
      await untilCover(atBoundary, 'dim', 5000);
      expect(await dialogsWithBar(atBoundary)).toEqual(['draft']);
      expect(await atBoundary.evaluate(() => document.querySelector('#draft')!.matches(':modal'))).toBe(true);
      expect(await reachable(atBoundary)).toEqual({ bars: 1, fields: ['Field draft'] });
      expect(await typeInto(atBoundary, 'draft', ', finished')).toBe('half a note, finished');
      await atBoundary.close();
    });

    test('its own modal dialogs stay usable and dimmed, with the bar in the topmost one from the first frame', async () => {
      const page = await h.openPage(`https://${DIMMED}/inbox`);
      await untilCover(page, 'dim', 5000);
      await page.bringToFront();
      let inside = false;
      const frames = await recordFrames(page, async () => (inside = await openDialog(page, 'a')), { settleMs: 300 });
      expect(frames.length).toBeGreaterThan(0);
      expect(frames.filter((f) => isBrightRed(f))).toHaveLength(0);
      expect(inside).toBe(true);
      expect(await coverOf(page)).toBe('dim');
      expect(await reachable(page)).toEqual({ bars: 1, fields: ['Field a'] });
      expect(await typeInto(page, 'a', 'reply')).toBe('reply');
      // The page re-rendering its dialog without the bar: the bar is back before the next frame.
      const back = await page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const a = document.getElementById('a')!;
            a.replaceChildren(...a.querySelectorAll('input'));
            requestAnimationFrame(() => resolve(!!a.querySelector(':scope > [data-clocked-out]')));
          }),
      );
      expect(back).toBe(true);

      // A second dialog over the first takes the bar; closing it gives the bar back.
      expect(await openDialog(page, 'b')).toBe(true);
      expect(await dialogsWithBar(page)).toEqual(['b']);
      expect(await reachable(page)).toEqual({ bars: 1, fields: ['Field b'] });
      await closeDialog(page, 'b');
      await expect.poll(() => dialogsWithBar(page)).toEqual(['a']);
      expect(await reachable(page)).toEqual({ bars: 1, fields: ['Field a'] });

      // With no dialog open, the veil's own bar is the one reached.
      await closeDialog(page, 'a');
      await expect.poll(() => dialogsWithBar(page)).toEqual([]);
      expect(await reachable(page)).toEqual({ bars: 1, fields: [] });
      expect(await coverOf(page)).toBe('dim');
      await page.close();
    });

    test('full screen is left, and the bar stays reachable', async () => {
      const page = await h.openPage(`https://${DIMMED}/inbox`);
      await untilCover(page, 'dim', 5000);
      await page.bringToFront();
      const frames = await recordFrames(page, () => page.evaluate(() => document.body.requestFullscreen().catch(() => undefined)), { settleMs: 300 });
      expect(frames.filter((f) => isBrightRed(f))).toHaveLength(0);
      await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
      expect(await coverOf(page)).toBe('dim');
      expect((await reachable(page)).bars).toBe(1);
      await page.close();
    });
  });
});
