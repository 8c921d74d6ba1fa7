// The harness itself: if these fail, no other e2e result means anything.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isBrightRed, launch, NON_WORK_HOST, recordFrames, settingsWith, systemTimeZone, type Harness } from './harness';

describe('the e2e harness', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('loads the extension and starts its worker', async () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    expect(await h.workerRunning()).toBe(true);
    // The schedule helpers assume the browser keeps the same zone as Node.
    expect(await h.evalInWorker(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(systemTimeZone());
  });

  test('opens the blocked page', async () => {
    const page = await h.openPage(h.extensionUrl('blocked.html'));
    expect(page.url()).toBe(`chrome-extension://${h.extensionId}/blocked.html`);
    expect(await page.title()).not.toBe('');
    await page.close();
  });

  test('maps a real hostname to the test server, which counts the visit and shows it red', async () => {
    h.server.reset();
    const page = await h.context.newPage();
    const frames = await recordFrames(page, () => page.goto(`https://${NON_WORK_HOST}/news/today`));
    expect(await page.title()).toContain(NON_WORK_HOST);
    expect(h.server.count(NON_WORK_HOST)).toBe(1);
    // The positive control for the dimming tests: an undimmed page is seen as bright red.
    expect(frames.some((f) => isBrightRed(f))).toBe(true);
    await page.close();
  });

  test('settings written from the worker read back from sync storage, and local storage round-trips', async () => {
    const doc = settingsWith({ windDownMinutes: 5 });
    await h.setSettings(doc);
    expect(await h.evalInWorker(async (chrome) => (await chrome.storage.sync.get('settings')).settings)).toEqual(doc);
    await h.setLocal({ probe: { n: 1 } });
    expect(await h.getLocal('probe')).toEqual({ n: 1 });
  });

  test('stops the worker and brings it back with a fresh global scope', async () => {
    await h.evalInWorker(() => {
      (globalThis as { probe?: number }).probe = 42;
    });
    await h.stopWorkers();
    expect(await h.workerRunning()).toBe(false);
    await h.reviveWorker();
    expect(await h.workerRunning()).toBe(true);
    expect(await h.evalInWorker(() => (globalThis as { probe?: number }).probe ?? 'fresh')).toBe('fresh');
    // evalInWorker wakes a stopped worker by itself.
    await h.stopWorkers();
    expect(await h.evalInWorker(() => 'awake')).toBe('awake');
  });

  test('sees the stopped worker start by itself when an extension event arrives', async () => {
    await h.stopWorkers();
    const page = await h.openPage(h.extensionUrl('blocked.html'));
    // A message wakes the worker, as an alarm or a navigation would.
    await page.evaluate('chrome.runtime.sendMessage({ type: "harness-probe" }).catch(() => null)');
    expect(await h.waitForWorkerStart(5_000)).toBe(true);
    await page.close();
  });

  test('restarts the browser on the same profile', async () => {
    await h.setLocal({ kept: 'yes' });
    h = await h.restart();
    expect(await h.getLocal('kept')).toBe('yes');
  });
});
