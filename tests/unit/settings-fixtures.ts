/** The frozen settings fixtures (tests/fixtures/settings/v<N>.json) and the README example as it parses. */
import { readFileSync } from 'node:fs';
import { defaultSettings, type Settings } from '../../utils/settings';

export const SETTINGS_FIXTURES = new URL('../fixtures/settings/', import.meta.url);

/** The document of version `version` exactly as that version wrote it (never edited: utils/settings/migrations.ts). */
export const settingsFixture = (version: number): unknown => JSON.parse(readFileSync(new URL(`v${version}.json`, SETTINGS_FIXTURES), 'utf8'));

/** The example of README "The settings document" (the version 1 fixture), as it reads once parsed. */
export const README_EXAMPLE: Settings = {
  format: 'clocked-out/settings',
  version: 1,
  timeZone: 'system',
  week: {
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
  },
  timeOff: [{ from: '2026-12-24', to: '2027-01-01', label: 'Holidays' }],
  actions: { ehr: 'block', practice: 'block', telehealth: 'dim', email: 'dim' },
  sites: { catalogue: { gmail: true, zoom: false }, custom: [{ host: 'ehr.example-clinic.org', category: 'ehr' }] },
  exceptions: { defaultMinutes: 30, weeklyLimit: 5, wrapUpMinutes: 5, heavyWeekMinutes: 120 },
  windDownMinutes: 10,
  // Fields the example leaves out take their defaults.
  selfCare: { categories: { boundaries: true, basics: true, tech: true, timeOff: true, support: true }, prompts: [], plan: [] },
  afterHoursMessage: defaultSettings().afterHoursMessage,
  muteNotifications: false,
};
