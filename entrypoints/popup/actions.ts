/** What the popup asks of the worker and of storage; each resolves to an error message, or null. */
import { t } from '@/stores/i18n';
import { browser } from 'wxt/browser';
import { history } from '@/stores/history';
import type { Settings } from '@/utils/settings';
import type { LocalDate } from '@/utils/types';
import { toInstant } from '@/utils/zoned-time';
import { withoutTodayOff, withTodayOff } from '@/utils/today-off';
import { withClockOut, withoutClockOut, withoutReviewDayOff, withReviewDayOff, workLeftToday } from '@/utils/review';

/** Asks the worker; one function for every page (components/worker.ts). */
export { askWorker as send } from '@/components/worker';

export async function changeSettings(change: (current: Settings) => Settings): Promise<string | null> {
  try {
    // Loaded on use: the validator (and the public-suffix list it checks hosts with) is most of the
    // popup's code, and opening the popup needs none of it.
    const { updateSettings } = await import('@/stores/storage');
    const result = await updateSettings(change);
    return result.ok ? null : t('notChanged', result.errors.join('; '));
  } catch (error) {
    return t('notChangedWhy', String(error));
  }
}

/** Makes today a day off; the worker sees the settings change and applies it at once. */
export async function takeTodayOff(date: LocalDate, now = Date.now()): Promise<string | null> {
  const error = await changeSettings((s) => withTodayOff(s, date));
  if (!error) await history.record({ at: now, kind: 'dayOff', site: null, category: null, minutes: 0 }).catch(() => undefined);
  return error;
}

/** Gives today back to work, and takes the day off out of the history. */
export async function undoTodayOff(date: LocalDate, timeZone: string): Promise<string | null> {
  const error = await changeSettings((s) => withoutTodayOff(s, date));
  if (!error) await history.forget('dayOff', toInstant(date, 0, timeZone), toInstant(date, 24 * 60, timeZone)).catch(() => undefined);
  return error;
}

/**
 * "Clock out now": the rest of today off, and the work it gives back in the history (what the
 * balance pays back with). Undone like "Take today off".
 */
export async function clockOutNow(settings: Settings, date: LocalDate, timeZone: string, now = Date.now()): Promise<string | null> {
  const minutes = workLeftToday(settings, now, timeZone);
  const error = await changeSettings((s) => withClockOut(s, date));
  if (!error) await history.record({ at: now, kind: 'clockedOut', site: null, category: null, minutes }).catch(() => undefined);
  return error;
}

export async function undoClockOut(date: LocalDate, timeZone: string): Promise<string | null> {
  const error = await changeSettings((s) => withoutClockOut(s, date));
  if (!error) await history.forget('clockedOut', toInstant(date, 0, timeZone), toInstant(date, 24 * 60, timeZone)).catch(() => undefined);
  return error;
}

/** The weekly review's day off on `date`: refused with a message, and nothing changed, for a past day or one already off. */
export async function addReviewDayOff(date: LocalDate, today: LocalDate): Promise<string | null> {
  let refused: string | null = null;
  const error = await changeSettings((s) => {
    const result = withReviewDayOff(t, s, date, today);
    if (result.ok) return result.settings;
    refused = result.error;
    return s;
  });
  return refused ?? error;
}

export const undoReviewDayOff = (date: LocalDate) => changeSettings((s) => withoutReviewDayOff(s, date));

export async function openSettings(): Promise<string | null> {
  try {
    await browser.runtime.openOptionsPage();
    window.close();
    return null;
  } catch (error) {
    return t('settingsNotOpened', String(error));
  }
}
