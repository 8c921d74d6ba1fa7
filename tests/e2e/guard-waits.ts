/**
 * Waiting on the worker, the same in every browser: its snapshot and its redirect rules, through
 * whatever the harness reads them with (Chromium: the service worker; Firefox: an extension page).
 * Each browser's guard-helpers.ts binds these to its harness.
 */

/** What these waits need of a harness: the extension's local storage. */
export interface SnapshotReader {
  getLocal<T = unknown>(key: string): Promise<T | undefined>;
}

/** Resolves once the worker has applied settings: its snapshot holds `predicate`'s truth. */
export async function untilGuard(h: SnapshotReader, predicate: (snapshot: Record<string, unknown>) => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const snapshot = await h.getLocal<Record<string, unknown>>('guard');
    if (snapshot && predicate(snapshot)) return;
    if (Date.now() - start > timeoutMs) throw new Error(`the guard did not settle within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves once the worker has applied a document with this week: rules, styles and snapshot. */
export function untilApplied(h: SnapshotReader, doc: { week?: Record<string, unknown> }, timeoutMs = 5000): Promise<void> {
  // Storage hands objects back with their keys sorted: compare day by day.
  const days = Object.entries(doc.week ?? {});
  return untilGuard(
    h,
    (s) => {
      const week = (s.settings as { week?: Record<string, unknown> } | undefined)?.week ?? {};
      return days.every(([day, ranges]) => JSON.stringify(week[day]) === JSON.stringify(ranges));
    },
    timeoutMs,
  );
}

/** Resolves once `redirectRules()` (the number of redirect rules in force) says blocking is `on`, or is not. */
export async function untilRedirects(redirectRules: () => Promise<number>, on: boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while ((await redirectRules()) > 0 !== on) {
    if (Date.now() - start > timeoutMs) throw new Error(`blocking did not turn ${on ? 'on' : 'off'} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
