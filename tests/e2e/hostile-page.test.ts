// A work page's own scripts try to lift the guard's overlay or dimming. Each attack runs in the
// page's main world (as a third-party script on an EHR would) while the tab is recorded frame by
// frame: no frame may show the page (bright red) uncovered or undimmed, and the cover must still be
// there afterwards.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alwaysWork, isBrightRed, launch, neverWork, recordFrames, settingsWith, type Harness } from './harness';
import { accessibleNodes, coverOf, guardButtons, untilBlocking, untilCover } from './guard-helpers';

const BLOCKED = 'secure.simplepractice.com';
const DIMMED = 'secure.hushmail.com';

/** Attacks on both kinds of cover: each is a page script, given the extension's (public, fixed) id. */
const ATTACKS: Record<string, (extensionId: string) => void> = {
  "sending WXT's 'content script started' event": (id) => {
    const type = `${id}:guard:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'guard', messageId: 'page' } }));
    window.postMessage({ type, contentScriptName: 'guard', messageId: 'page' }, '*');
  },
  'removing every element the page did not make': () => {
    for (const el of [...document.documentElement.children]) if (el !== document.head && el !== document.body) el.remove();
    document.querySelectorAll('clocked-out-overlay, clocked-out-bar, [data-clocked-out]').forEach((el) => el.remove());
  },
  'closing and removing the dialogs and popovers it can reach': () => {
    for (const el of document.querySelectorAll('*')) {
      const root = el.shadowRoot;
      root?.querySelectorAll('dialog').forEach((d) => (d.close(), d.remove()));
      root?.querySelectorAll('[popover]').forEach((p) => ((p as HTMLElement).hidePopover(), p.remove()));
    }
    document.querySelectorAll('dialog').forEach((d) => d.close());
  },
  'opening its own modal dialog on top': () => {
    const d = document.createElement('dialog');
    d.style.cssText = 'width:100vw;height:100vh;max-width:none;max-height:none;margin:0;padding:0;border:0;background:#e00000';
    document.body.append(d);
    d.showModal();
  },
  'opening its own popover on top': () => {
    const p = document.createElement('div');
    p.popover = 'manual';
    p.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;background:#e00000';
    document.body.append(p);
    p.showPopover();
  },
  'making the guard inert': () => {
    document.documentElement.inert = true;
    for (const el of document.documentElement.children) (el as HTMLElement).inert = true;
  },
  'hiding the guard with its own styles': () => {
    const style = document.createElement('style');
    style.textContent =
      'html > :not(head):not(body), [data-clocked-out], clocked-out-overlay, clocked-out-bar { display: none !important; visibility: hidden !important; }';
    document.head.append(style);
    for (const el of document.documentElement.children) {
      if (el !== document.head && el !== document.body) (el as HTMLElement).style.setProperty('display', 'none', 'important');
    }
  },
  'lifting the dim stylesheet and removing injected styles': () => {
    document.documentElement.setAttribute('data-clocked-out-lift', '');
    document.documentElement.style.setProperty('filter', 'none', 'important');
    for (const el of [...document.documentElement.children]) if (el.tagName === 'STYLE') el.remove();
  },
  'going full screen': () => {
    const big = document.createElement('div');
    big.style.cssText = 'background:#e00000;width:100%;height:100%';
    document.body.append(big);
    void big.requestFullscreen().catch(() => undefined);
  },
  'rewriting the whole document': () => {
    document.open();
    document.write(
      '<!doctype html><html><head><style>html,body{margin:0;min-height:100vh;background:#e00000}</style></head><body><h1>replaced</h1></body></html>',
    );
    document.close();
  },
};

/** Runs `attack` in the page's own world while recording; returns the frames that showed the red page. */
async function underAttack(page: Page, attack: (id: string) => void, extensionId: string): Promise<number> {
  await page.bringToFront();
  const frames = await recordFrames(page, () => page.evaluate(attack, extensionId), { settleMs: 400 });
  return frames.filter((f) => isBrightRed(f)).length;
}

describe('a hostile work page', () => {
  let h: Harness;
  const blocked = new Map<string, Page>();
  const dimmed = new Map<string, Page>();

  beforeAll(async () => {
    h = await launch({ hosts: [BLOCKED, DIMMED, 'www.therapynotes.com', 'acme.eclinicalweb.com'] });
    await h.setSettings(settingsWith({ week: alwaysWork() }));
    await untilBlocking(h, false);
    // Open in work hours, one tab per attack and kind; then the day ends over all of them.
    for (const name of Object.keys(ATTACKS)) {
      blocked.set(name, await h.openPage(`https://${BLOCKED}/clients/1/notes`));
      dimmed.set(name, await h.openPage(`https://${DIMMED}/inbox`));
    }
    await h.setSettings(settingsWith({ week: neverWork() }));
    await untilBlocking(h, true);
    for (const page of blocked.values()) await untilCover(page, 'overlay', 5000);
    for (const page of dimmed.values()) await untilCover(page, 'dim', 5000);
  });
  afterAll(async () => {
    await h?.close();
  });

  describe.each(Object.keys(ATTACKS))('%s', (name) => {
    test('leaves a blocked site covered', async () => {
      const page = blocked.get(name)!;
      expect(await underAttack(page, ATTACKS[name]!, h.extensionId)).toBe(0);
      expect(await coverOf(page)).toBe('overlay');
      // Still a working overlay: its buttons are there for a person.
      expect(await guardButtons(page)).toEqual(expect.arrayContaining([expect.stringMatching(/Crisis exception/)]));
    });

    test('leaves a dimmed site dimmed', async () => {
      const page = dimmed.get(name)!;
      expect(await underAttack(page, ATTACKS[name]!, h.extensionId)).toBe(0);
      expect(await coverOf(page)).toBe('dim');
      expect((await accessibleNodes(page)).some((n) => /^After hours — /.test(n.name))).toBe(true);
    });
  });

  test("a dimmed page loaded after hours cannot lift the first-frame stylesheet before the guard's veil is up", async () => {
    const page = await h.context.newPage();
    // The attack is in the page itself, in its first script, at the earliest moment a page can act.
    await page.addInitScript(() => {
      document.documentElement.setAttribute('data-clocked-out-lift', '');
    });
    const frames = await recordFrames(page, () => page.goto(`https://${DIMMED}/inbox`));
    expect(frames.filter((f) => isBrightRed(f))).toHaveLength(0);
    expect(await coverOf(page)).toBe('dim');
    await page.close();
  });

  test('a synthetic click on the guard starts no wrap-up or exception and writes no history', async () => {
    const open = [...blocked.values()][0]!;
    const clicked = await open.evaluate(() => {
      let n = 0;
      for (const el of document.querySelectorAll('*')) {
        for (const button of el.shadowRoot?.querySelectorAll('button') ?? []) {
          button.click();
          button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          n++;
        }
      }
      return n;
    });
    expect(clicked).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect((await h.getLocal<unknown[]>('exceptions')) ?? []).toEqual([]);
    expect((await h.getLocal<Record<string, number>>('wrapUps')) ?? {}).toEqual({});
    expect(await coverOf(open)).toBe('overlay');
  });

  test.each([
    ['www.therapynotes.com', '/pricing/', '/app/patients/1'],
    ['acme.eclinicalweb.com', '/', '/mobiledoc/jsp/webemr/index.jsp'],
  ])('a single-page app on %s moving from %s into %s is covered at once, and uncovered on the way back', async (host, from, into) => {
    const page = await h.openPage(`https://${host}${from}`);
    expect(await coverOf(page)).toBe('none');
    await page.bringToFront();
    let movedAt = 0;
    const frames = await recordFrames(
      page,
      async () => {
        movedAt = await page.evaluate((path) => (history.pushState({}, '', path), performance.timeOrigin + performance.now()), into);
      },
      { settleMs: 300 },
    );
    // Frames drawn before the move show the public page; none drawn two frames after it may. (An idle
    // page may send no frame before the move, so the count of frames alone proves nothing.)
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.filter((f) => f.timestamp > movedAt + 34 && isBrightRed(f))).toHaveLength(0);
    expect(isBrightRed(frames.at(-1)!)).toBe(false);
    expect(await coverOf(page)).toBe('overlay');
    await page.evaluate((path) => history.pushState({}, '', path), from);
    await untilCover(page, 'none', 1000);
    await page.close();
  });
});

describe('after the attacks, the guard still follows the hours', () => {
  test("a page that sent WXT's 'started' event is still guarded at the next change", async () => {
    const h = await launch({ hosts: [BLOCKED] });
    try {
      await h.setSettings(settingsWith({ week: alwaysWork() }));
      await untilBlocking(h, false);
      const page = await h.openPage(`https://${BLOCKED}/clients/3`);
      await page.evaluate(ATTACKS["sending WXT's 'content script started' event"]!, h.extensionId);
      await h.setSettings(settingsWith({ week: neverWork() }));
      await untilCover(page, 'overlay', 5000);
      await page.evaluate(ATTACKS["sending WXT's 'content script started' event"]!, h.extensionId);
      await h.setSettings(settingsWith({ week: alwaysWork() }));
      await untilCover(page, 'none', 5000);
    } finally {
      await h.close();
    }
  });
});
