/** Settings and instants shared by the popup's component tests. */
import type { Settings, SettingsInput } from '../../utils/settings';
import { DESIGN_WEEK, localAt, parsedSettings } from './settings-fixtures';

export const ZONE = 'America/Chicago';

export const settingsWith = (doc: Partial<SettingsInput> = {}, timeZone = ZONE): Settings => parsedSettings({ timeZone, windDownMinutes: 0, ...doc });

/** `YYYY-MM-DD HH:MM` local time in `timeZone` as an instant. */
export const at = (local: string, timeZone = ZONE) => localAt(local, timeZone);

/** The design's example week: a lunch break on Monday, Friday short, weekends off. */
export const WEEK: SettingsInput['week'] = DESIGN_WEEK;
