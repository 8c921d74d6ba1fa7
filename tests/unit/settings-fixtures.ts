/**
 * The frozen settings fixtures (tests/fixtures/settings/v<N>.json), the README example as it
 * parses, and what the engine's and the pages' tests build their settings from.
 */
import { readFileSync } from 'node:fs';
import { defaultSettings, parseSettings, type Settings, type SettingsInput } from '../../utils/settings';
import { toInstant } from '../../utils/zoned-time';
import { en } from './english';

/** A document as entered (the fields it leaves out take their defaults), parsed; throws what it refuses. */
export function parsedSettings(doc: Partial<SettingsInput>): Settings {
  const result = parseSettings(en, { format: 'clocked-out/settings', version: 1, ...doc });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.settings;
}

/** `YYYY-MM-DD HH:MM` local time in `timeZone` as an instant. */
export const localAt = (local: string, timeZone: string) =>
  toInstant(local.slice(0, 10), Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)), timeZone);

/** The example week of README "The settings document": a lunch break on Monday, Friday short, weekends off. */
export const DESIGN_WEEK = {
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
} satisfies SettingsInput['week'] & Settings['week'];

export const SETTINGS_FIXTURES = new URL('../fixtures/settings/', import.meta.url);

/** The document of version `version` exactly as that version wrote it (never edited: utils/settings/migrations.ts). */
export const settingsFixture = (version: number): unknown => JSON.parse(readFileSync(new URL(`v${version}.json`, SETTINGS_FIXTURES), 'utf8'));

/** The example of README "The settings document" (the version 1 fixture), as it reads once parsed. */
export const README_EXAMPLE: Settings = {
  format: 'clocked-out/settings',
  version: 1,
  timeZone: 'system',
  week: DESIGN_WEEK,
  timeOff: [{ from: '2026-12-24', to: '2027-01-01', label: 'Holidays' }],
  actions: { ehr: 'block', practice: 'block', telehealth: 'dim', email: 'dim' },
  sites: { catalogue: { gmail: true, zoom: false }, custom: [{ host: 'ehr.example-clinic.org', category: 'ehr' }] },
  exceptions: { defaultMinutes: 30, weeklyLimit: 5, wrapUpMinutes: 5, heavyWeekMinutes: 120 },
  windDownMinutes: 10,
  // Fields the example leaves out take their defaults.
  selfCare: { categories: { boundaries: true, basics: true, tech: true, timeOff: true, support: true }, prompts: [], plan: [] },
  afterHoursMessage: defaultSettings().afterHoursMessage,
  muteNotifications: false,
  clock: 'locale',
};
