/**
 * The store screenshots (1280×800, both stores' size), taken from the real extension in Chromium:
 * `npm run build && node scripts/store-screenshots.ts` writes docs/store/*.png. The clinician's
 * evening is real: the settings use a time zone where it is about 8 pm now.
 */
import '../bench/resolve-ts.ts';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Harness } from '../tests/e2e/harness.ts';

// The harness imports without extensions, as the bundler resolves them: the hook first.
const { launch, settingsWith } = await import('../tests/e2e/harness.ts');
const { untilBlocking, untilGuard } = await import('../tests/e2e/guard-helpers.ts');

const OUT = fileURLToPath(new URL('../docs/store/', import.meta.url));
const SIZE = { width: 1280, height: 800 };
const EXTENSION = fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));

/** A time zone where the local hour is now between 19 and 21. */
function eveningZone(): string {
  const hourIn = (zone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(Date.now()));
  const zone = Intl.supportedValuesOf('timeZone').find((z) => [19, 20].includes(hourIn(z)) && !/^(Etc|UTC)/.test(z));
  if (!zone) throw new Error('no time zone has an evening now');
  return zone;
}

const day: Array<[string, string]> = [['09:00', '17:00']];
const settings = settingsWith({
  timeZone: eveningZone(),
  week: { mon: day, tue: day, wed: day, thu: day, fri: [['09:00', '13:00']], sat: [], sun: [] },
  exceptions: { defaultMinutes: 30, weeklyLimit: 3 },
});

/** An extension page shown as the toolbar would show it, on a quiet backdrop at the store's size. */
async function framedPopup(h: Harness, name: string, prepare?: (page: Page) => Promise<void>): Promise<void> {
  const page = await h.context.newPage();
  await page.setViewportSize(SIZE);
  await page.goto(h.extensionUrl('popup.html'));
  await page.locator('h1').waitFor();
  await prepare?.(page);
  await page.addStyleTag({
    content: `html { background: linear-gradient(160deg, #dfe7f1, #b9c8dc); min-height: 100%; }
      body { width: 360px; margin: 56px auto; border-radius: 12px; box-shadow: 0 18px 48px rgb(0 0 0 / 0.28); overflow: hidden; }`,
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}${name}.png` });
  await page.close();
}

async function shoot(h: Harness, url: string, name: string, prepare?: (page: Page) => Promise<void>): Promise<void> {
  const page = await h.context.newPage();
  await page.setViewportSize(SIZE);
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  await prepare?.(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}${name}.png` });
  await page.close();
}

mkdirSync(OUT, { recursive: true });
const h = await launch({ extensionDir: EXTENSION });
try {
  await h.setSettings(settings);
  await untilBlocking(h, true);
  await shoot(h, 'https://secure.simplepractice.com/calendar', '1-blocked-page');
  await framedPopup(h, '2-popup-clocked-out');
  await framedPopup(h, '3-popup-crisis-exception', async (page) => {
    await page.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        type: 'startException',
        scope: { type: 'site', siteId: 'simplepractice' },
        minutes: 30,
      }),
    );
    await untilGuard(h, (s) => Array.isArray(s.exceptions) && s.exceptions.length === 1);
    await page.reload();
    await page.locator('[role="timer"]').waitFor();
  });
  await shoot(h, h.extensionUrl('options.html#hours'), '4-options-work-hours');
  console.log(`store screenshots (${SIZE.width}×${SIZE.height}) in docs/store/`);
} finally {
  await h.close();
}
