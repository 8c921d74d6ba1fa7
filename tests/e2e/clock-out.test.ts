// "Clock out now" in real Chromium: in the middle of a work day the popup ends it at once — the
// work sites close as they do after hours, with no request reaching them — and its undo gives the
// day back. The balance counts the rest of the day as work given back (tests/unit/balance.test.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, settingsWith, type Harness } from './harness';
import { untilBlocking } from './guard-helpers';

/** A fixed-offset zone in which it is about noon now, so a day's work has begun and some is left. */
function zoneAtNoon(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

describe('Clock out now', () => {
  let h: Harness;
  const week = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['06:00', '20:00']]]));
  beforeAll(async () => {
    h = await launch();
    await h.setSettings(settingsWith({ timeZone: zoneAtNoon(), week }));
    await untilBlocking(h, false);
  });
  afterAll(async () => {
    await h?.close();
  });

  test('ends the work day at once, closing the work sites, and its undo opens them again', async () => {
    const popup = await h.openPage(h.extensionUrl('popup.html'));
    await popup.getByRole('button', { name: 'Clock out now' }).click();
    await untilBlocking(h, true);
    await expect.poll(() => popup.getByRole('button', { name: 'Undo: back to work today' }).count()).toBe(1);

    h.server.reset();
    const work = await h.context.newPage();
    await work.goto('https://secure.simplepractice.com/clients/1');
    expect(work.url()).toContain('blocked.html?site=simplepractice');
    expect(h.server.count('secure.simplepractice.com')).toBe(0);

    await popup.getByRole('button', { name: 'Undo: back to work today' }).click();
    await untilBlocking(h, false);
    await expect.poll(() => popup.getByRole('button', { name: 'Clock out now' }).count()).toBe(1);
    // The blocked tab goes back to its address once the site is open again.
    await work.waitForURL('https://secure.simplepractice.com/clients/1', { timeout: 10_000 });
    expect(h.server.count('secure.simplepractice.com')).toBe(1);
  });
});
