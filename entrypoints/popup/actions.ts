/** What the popup asks of the worker and of storage; each resolves to an error message, or null. */
import { t } from '@/stores/i18n';
import { browser } from 'wxt/browser';
import { history } from '@/stores/history';
import type { Settings } from '@/utils/settings';
import type { LocalDate } from '@/utils/types';
import { toInstant } from '@/utils/zoned-time';
import { withoutTodayOff, withTodayOff } from '@/utils/today-off';

/** Asks the worker; one function for every page (components/worker.ts). */
export { askWorker as send } from '@/components/worker';

async function changeSettings(change: (current: Settings) => Settings): Promise<string | null> {
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

export async function openSettings(): Promise<string | null> {
  try {
    await browser.runtime.openOptionsPage();
    window.close();
    return null;
  } catch (error) {
    return t('settingsNotOpened', String(error));
  }
}
