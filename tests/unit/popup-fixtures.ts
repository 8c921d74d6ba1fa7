/** Settings and instants shared by the popup's component tests. */
import { parseSettings, type Settings, type SettingsInput } from '../../utils/settings';
import { toInstant } from '../../utils/zoned-time';
import { en } from './english';

export const ZONE = 'America/Chicago';

export function settingsWith(doc: Partial<SettingsInput> = {}, timeZone = ZONE): Settings {
  const result = parseSettings(en, { format: 'clocked-out/settings', version: 1, timeZone, windDownMinutes: 0, ...doc });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.settings;
}

/** `YYYY-MM-DD HH:MM` local time in `timeZone` as an instant. */
export const at = (local: string, timeZone = ZONE) => toInstant(local.slice(0, 10), Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)), timeZone);

/** The design's example week: a lunch break on Monday, Friday short, weekends off. */
export const WEEK: SettingsInput['week'] = {
  mon: [
    ['09:00', '12:30'],
    ['13:30', '17:00'],
  ],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '15:00']],
  sat: [],
  sun: [],
};
