import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyManaged, isLocked } from '@/utils/managed';
import { parseSettings, SETTINGS_FORMAT, SETTINGS_VERSION, type Settings } from '@/utils/settings';
import { en } from './english';

function settingsOf(fields: Record<string, unknown>): Settings {
  const parsed = parseSettings(en, { format: SETTINGS_FORMAT, version: SETTINGS_VERSION, ...fields });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.settings;
}

const user = settingsOf({
  timeZone: 'Europe/Berlin',
  week: { mon: [['10:00', '18:00']] },
  actions: { email: 'allow', telehealth: 'block' },
  sites: { catalogue: { gmail: true, zoom: true }, custom: [{ host: 'notes.example.org', category: 'practice' }] },
  exceptions: { defaultMinutes: 45, weeklyLimit: 9 },
  selfCare: { categories: { support: false }, prompts: ['Call Sam'] },
});

describe('a practice policy over the clinician settings', () => {
  it('replaces the hours whole: days it leaves out are not worked', () => {
    const { settings, locked } = applyManaged(en, user, { week: { tue: [['08:00', '16:00']] } });
    expect(settings.week).toEqual({ mon: [], tue: [['08:00', '16:00']], wed: [], thu: [], fri: [], sat: [], sun: [] });
    expect(locked).toEqual(['week']);
  });

  it('sets actions per category and catalogue sites per id, leaving the others to the clinician', () => {
    const { settings, locked } = applyManaged(en, user, { actions: { ehr: 'block', email: 'dim' }, sites: { catalogue: { zoom: false } } });
    expect(settings.actions).toEqual({ ehr: 'block', practice: 'block', telehealth: 'block', email: 'dim' });
    expect(settings.sites.catalogue).toEqual({ gmail: true, zoom: false });
    expect(settings.sites.custom).toEqual(user.sites.custom);
    expect(locked).toEqual(['actions.ehr', 'actions.email', 'sites.catalogue.zoom']);
  });

  it("replaces the custom sites with the practice's, normalised like an import", () => {
    const { settings, locked } = applyManaged(en, user, { sites: { custom: [{ host: 'https://EHR.Clinic.example/login', category: 'ehr' }] } });
    expect(settings.sites.custom).toEqual([{ host: 'ehr.clinic.example', category: 'ehr' }]);
    expect(locked).toEqual(['sites.custom']);
  });

  it('sets exception and self-care fields one by one', () => {
    const { settings, locked } = applyManaged(en, user, {
      exceptions: { weeklyLimit: 3 },
      selfCare: { categories: { tech: false }, plan: [{ days: ['mon'], from: '12:00', to: '12:30' }] },
    });
    expect(settings.exceptions).toEqual({ defaultMinutes: 45, weeklyLimit: 3, wrapUpMinutes: 5, heavyWeekMinutes: 120 });
    expect(settings.selfCare.categories).toMatchObject({ support: false, tech: false, basics: true });
    expect(settings.selfCare.prompts).toEqual(['Call Sam']);
    expect(settings.selfCare.plan).toEqual([{ days: ['mon'], from: '12:00', to: '12:30', label: '' }]);
    expect(locked).toEqual(['exceptions.weeklyLimit', 'selfCare.categories.tech', 'selfCare.plan']);
  });

  it('ignores each invalid field alone, naming it, and keeps the valid ones', () => {
    const { settings, locked, errors } = applyManaged(en, user, {
      timeZone: 'UTC',
      windDownMinutes: -5,
      actions: { ehr: 'nuke', practice: 'dim' },
      week: { mon: [['09:00', '25:00']] },
    });
    expect(settings.timeZone).toBe('UTC');
    expect(settings.windDownMinutes).toBe(user.windDownMinutes);
    expect(settings.actions).toMatchObject({ ehr: 'block', practice: 'dim' });
    expect(settings.week).toEqual(user.week);
    expect(locked).toEqual(['actions.practice', 'timeZone']);
    expect(errors).toEqual([
      'windDownMinutes: -5 is not a whole number of minutes from 0 to 120',
      'actions.ehr: "nuke" is not an action (block, dim or allow)',
      'week.mon[0]: end "25:00" is not a time (HH:MM, or 24:00)',
    ]);
  });

  it('sets the clock for every clinician, and ignores a clock it cannot read', () => {
    expect(applyManaged(en, user, { clock: '24h' })).toMatchObject({ settings: { clock: '24h' }, locked: ['clock'], errors: [] });
    expect(applyManaged(en, user, { clock: 'AM/PM' })).toEqual({
      settings: user,
      locked: [],
      errors: ['clock: "AM/PM" is not a clock ("locale", "12h" or "24h")'],
    });
  });

  it('ignores fields it does not know, and its format and version, as an import does', () => {
    const result = applyManaged(en, user, { format: 'something', version: 7, colour: 'blue', actions: { chat: 'block' } });
    expect(result).toEqual({ settings: user, locked: [], errors: [] });
  });

  it('is no policy when there is none, and a notice when it is not an object', () => {
    expect(applyManaged(en, user, null)).toEqual({ settings: user, locked: [], errors: [] });
    expect(applyManaged(en, user, {})).toEqual({ settings: user, locked: [], errors: [] });
    expect(applyManaged(en, user, ['week'])).toEqual({ settings: user, locked: [], errors: ['the policy is not an object of settings fields'] });
  });

  it('reports a field as locked when it or a field containing it is set by the practice', () => {
    const locked = ['week', 'actions.ehr'];
    expect(isLocked(locked, 'week')).toBe(true);
    expect(isLocked(locked, 'week.mon')).toBe(true);
    expect(isLocked(locked, 'actions.ehr')).toBe(true);
    expect(isLocked(locked, 'actions.email')).toBe(false);
    expect(isLocked(locked, 'weekly')).toBe(false);
  });
});

// Chrome keeps only the policy fields its managed-storage schema declares, with the declared type.
interface ChromeSchema {
  type: string;
  properties?: Record<string, ChromeSchema>;
  additionalProperties?: ChromeSchema;
  items?: ChromeSchema;
}
const MANAGED_SCHEMA = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8')) as ChromeSchema;

function undeclared(schema: ChromeSchema | undefined, value: unknown, path: string): string[] {
  if (!schema) return [path];
  const type = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (type !== schema.type && !(schema.type === 'number' && type === 'integer')) return [`${path} (${type}, declared ${schema.type})`];
  if (Array.isArray(value)) return value.flatMap((item, i) => undeclared(schema.items, item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    undeclared(schema.properties?.[key] ?? schema.additionalProperties, item, path ? `${path}.${key}` : key),
  );
}

describe("Chrome's managed-storage schema", () => {
  it('declares every field of a settings document, so that Chrome passes a whole policy on', () => {
    const full = settingsOf({
      timeOff: [{ from: '2026-12-24', to: '2027-01-01', label: 'Holidays' }],
      sites: { catalogue: { gmail: true }, custom: [{ host: 'ehr.example.org', category: 'ehr', action: 'dim' }] },
      selfCare: { prompts: ['Walk'], plan: [{ days: ['mon'], from: '12:00', to: '12:45', label: 'walk' }] },
      muteNotifications: true,
      clock: '12h',
    });
    expect(undeclared(MANAGED_SCHEMA, full, '')).toEqual([]);
  });
});
