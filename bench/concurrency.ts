/**
 * Requests at once in real Chromium: 20 crisis exceptions started together from three extension
 * tabs, counted in storage and in the history, with the time until the last one answered.
 */
import type { Page } from 'playwright-core';
import { launch } from '../tests/e2e/harness.ts';

const REQUESTS = 20;
const TABS = 3;

export async function concurrencyFigures(log: (line: string) => void) {
  const h = await launch();
  try {
    const pages: Page[] = [];
    for (let i = 0; i < TABS; i++) pages.push(await h.openPage(h.extensionUrl('popup.html')));
    // Timed in one page's clock: all requests leave together, the figure is when the last answers.
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        (pages[i % TABS] as Page).evaluate(
          (minutes) =>
            (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage({
              type: 'startException',
              scope: { type: 'all' },
              minutes,
            }),
          30 + i,
        ),
      ),
    );
    const elapsed = Date.now() - started;
    const stored = ((await h.getLocal<unknown[]>('exceptions')) ?? []).length;
    const inHistory = await (pages[0] as Page).evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('clocked-out-history');
          open.onupgradeneeded = () => open.transaction?.abort();
          open.onerror = () => (open.error?.name === 'AbortError' ? resolve(0) : reject(open.error));
          open.onsuccess = () => {
            const count = open.result.transaction('events').objectStore('events').count();
            count.onsuccess = () => {
              open.result.close();
              resolve(count.result);
            };
          };
        }),
    );
    const ok = answers.filter((a) => a?.ok).length;
    log(`${REQUESTS} concurrent start requests: ${stored} recorded, ${inHistory} in history, ${ok} answered ok (${elapsed} ms until the last answer)`);
  } finally {
    await h.close();
  }
}
