/** "Take today off" as a settings change: a one-day `timeOff` entry for today, and its undo. */
import { isDayOff, workIntervals } from '@/utils/schedule';
import type { Settings } from '@/utils/settings';
import type { LocalDate } from '@/utils/types';
import { toInstant } from '@/utils/zoned-time';

/** The label of the entry the popup adds, so that undo removes that one and no other. */
export const TODAY_OFF_LABEL = 'Taken from the popup';

const isOurs = (date: LocalDate) => (r: Settings['timeOff'][number]) => r.from === date && r.to === date && r.label === TODAY_OFF_LABEL;

/**
 * What the button offers: `take` on a day with work in it, `undo` when the popup made today a day
 * off, and nothing when today has no work or is off by the clinician's own plan.
 */
export function todayOffChoice(settings: Settings, date: LocalDate, timeZone: string): 'take' | 'undo' | null {
  if (settings.timeOff.some(isOurs(date))) return 'undo';
  if (isDayOff(settings, date)) return null;
  return workIntervals(settings, toInstant(date, 0, timeZone), toInstant(date, 24 * 60, timeZone), timeZone).length > 0 ? 'take' : null;
}

export function withTodayOff(settings: Settings, date: LocalDate): Settings {
  if (settings.timeOff.some(isOurs(date))) return settings;
  return { ...settings, timeOff: [...settings.timeOff, { from: date, to: date, label: TODAY_OFF_LABEL }] };
}

export function withoutTodayOff(settings: Settings, date: LocalDate): Settings {
  return { ...settings, timeOff: settings.timeOff.filter((r) => !isOurs(date)(r)) };
}
