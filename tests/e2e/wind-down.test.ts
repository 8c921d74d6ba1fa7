// The wind-down: a notice and a badge countdown before the work day ends, from the worker's alarm.
import { expect, test } from 'vitest';
import { launch, MINUTE, nextMinuteBoundary, settingsWith, waitUntil, workUntil } from './harness';
import { untilGuard } from './guard-helpers';

test('one minute before the day ends, a notification says so and the badge counts down', async () => {
  const h = await launch();
  try {
    const windDown = nextMinuteBoundary(10_000);
    const end = windDown + MINUTE;
    await h.setSettings(settingsWith({ week: workUntil(end), windDownMinutes: 1 }));
    await untilGuard(h, (s) => (s.settings as { windDownMinutes?: number }).windDownMinutes === 1);
    expect(await h.evalInWorker((chrome) => chrome.action.getBadgeText({}))).toBe('');
    await h.stopWorkers();

    await waitUntil(windDown);
    expect(await h.waitForWorkerStart(3000)).toBe(true);
    await expect.poll(() => h.evalInWorker((chrome) => chrome.action.getBadgeText({})), { timeout: 3000 }).toBe('1m');
    // The badge and the notice are separate effects of the same wake-up.
    await expect
      .poll(() => h.evalInWorker(async (chrome) => Object.keys(await chrome.notifications.getAll())), { timeout: 3000 })
      .toEqual([`wind-down-${end}`]);
  } finally {
    await h.close();
  }
});
