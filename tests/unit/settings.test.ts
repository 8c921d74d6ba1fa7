import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings, SETTINGS_FORMAT, SETTINGS_VERSION, type Settings } from '../../utils/settings';
import { README_EXAMPLE, settingsFixture } from './settings-fixtures';
import { en } from './english';

const doc = (fields: Record<string, unknown> = {}) => ({ format: SETTINGS_FORMAT, version: SETTINGS_VERSION, ...fields });

function errorsOf(input: unknown): string[] {
  const result = parseSettings(en, input);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.errors;
}

function settingsOf(input: unknown): Settings {
  const result = parseSettings(en, input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.settings;
}

const NINE_TO_FIVE = [['09:00', '17:00']];

describe('defaultSettings', () => {
  it('works Monday to Friday, 09:00 to 17:00, in the system time zone', () => {
    const settings = defaultSettings();
    expect(settings.timeZone).toBe('system');
    expect(settings.week).toEqual({ mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE, sat: [], sun: [] });
  });

  it('blocks EHR and practice tools and dims telehealth and email', () => {
    expect(defaultSettings().actions).toEqual({ ehr: 'block', practice: 'block', telehealth: 'dim', email: 'dim' });
  });

  it('starts with no days off, no switches, no custom sites', () => {
    const settings = defaultSettings();
    expect(settings.timeOff).toEqual([]);
    expect(settings.sites).toEqual({ catalogue: {}, custom: [] });
    expect(settings.exceptions).toEqual({ defaultMinutes: 30, weeklyLimit: 5, wrapUpMinutes: 5, heavyWeekMinutes: 120 });
    expect(settings.windDownMinutes).toBe(10);
  });

  it('shows every self-care prompt area, mutes nothing, and has an after-hours message naming the next opening', () => {
    const settings = defaultSettings();
    expect(Object.values(settings.selfCare.categories).every(Boolean)).toBe(true);
    expect(settings.muteNotifications).toBe(false);
    expect(settings.afterHoursMessage).toContain('{next}');
    expect(settings.afterHoursMessage).toContain('988');
  });

  it('writes times in the browser language’s clock', () => {
    expect(defaultSettings().clock).toBe('locale');
  });

  it('is what a document of just format and version reads as', () => {
    expect(settingsOf(doc())).toEqual(defaultSettings());
  });
});

describe('parseSettings reads valid documents', () => {
  it('reads the README example (the frozen version 1 fixture)', () => {
    expect(settingsOf(settingsFixture(1))).toEqual(README_EXAMPLE);
  });

  it('ignores unknown fields at every level', () => {
    const settings = settingsOf(doc({ mood: 'tired', week: { mon: [['08:00', '12:00']], holiday: [] }, actions: { ehr: 'dim', billing: 'block' } }));
    expect(settings).not.toHaveProperty('mood');
    expect(settings.week).not.toHaveProperty('holiday');
    expect(settings.week.mon).toEqual([['08:00', '12:00']]);
    expect(settings.actions).toEqual({ ehr: 'dim', practice: 'block', telehealth: 'dim', email: 'dim' });
  });

  it.each([
    ['an overnight range', [['22:00', '06:00']]],
    ['a range ending at 24:00', [['18:00', '24:00']]],
    ['a full 24 hours (start equals end)', [['08:00', '08:00']]],
    [
      'overlapping ranges (they merge later)',
      [
        ['09:00', '12:00'],
        ['11:00', '13:00'],
      ],
    ],
  ])('accepts %s', (_, day) => {
    expect(settingsOf(doc({ week: { sat: day } })).week.sat).toEqual(day);
  });

  it('reads catalogue switches into a fresh object, leaving out a key that would reach its prototype', () => {
    const input: unknown = JSON.parse(
      '{"format":"clocked-out/settings","version":1,"sites":{"catalogue":{"gmail":true,"__proto__":{"zoom":true},"constructor":false}}}',
    );
    const { catalogue } = settingsOf(input).sites;
    expect(catalogue).toEqual({ gmail: true });
    expect(Object.getPrototypeOf(catalogue)).toBe(Object.prototype);
  });

  it('accepts an IANA time zone', () => {
    expect(settingsOf(doc({ timeZone: 'America/New_York' })).timeZone).toBe('America/New_York');
  });

  it('keeps only the host of a custom site given as a URL', () => {
    const settings = settingsOf(doc({ sites: { custom: [{ host: 'https://EHR.Example-Clinic.org/clients/12?x=1', category: 'ehr', action: 'dim' }] } }));
    expect(settings.sites.custom).toEqual([{ host: 'ehr.example-clinic.org', category: 'ehr', action: 'dim' }]);
  });

  it('accepts a single day off (from equals to)', () => {
    expect(settingsOf(doc({ timeOff: [{ from: '2026-07-03', to: '2026-07-03' }] })).timeOff).toEqual([{ from: '2026-07-03', to: '2026-07-03', label: '' }]);
  });

  it('accepts 29 February in a leap year', () => {
    expect(settingsOf(doc({ timeOff: [{ from: '2028-02-29', to: '2028-02-29' }] })).timeOff).toHaveLength(1);
  });
});

describe('parseSettings rejects, naming the field', () => {
  it.each([
    [
      'an end time past 24:00',
      {
        week: {
          tue: [
            ['09:00', '12:00'],
            ['13:00', '25:00'],
          ],
        },
      },
      'week.tue[1]: end "25:00" is not a time (HH:MM, or 24:00)',
    ],
    ['a start time without its leading zero', { week: { mon: [['9:00', '17:00']] } }, 'week.mon[0]: start "9:00" is not a time (HH:MM)'],
    ['24:00 as a start', { week: { mon: [['24:00', '08:00']] } }, 'week.mon[0]: start "24:00" is not a time (HH:MM)'],
    ['a range with one time', { week: { wed: [['09:00']] } }, 'week.wed[0]: ["09:00"] is not a range: expected ["HH:MM", "HH:MM"]'],
    ['a range of numbers', { week: { wed: [[9, 17]] } }, 'week.wed[0]: [9,17] is not a range: expected ["HH:MM", "HH:MM"]'],
    ['a day that is not a list', { week: { thu: '09:00-17:00' } }, 'week.thu: "09:00-17:00" is not a list of ranges'],
    ['a week that is a list', { week: [] }, 'week: [] is not an object of weekdays (mon … sun)'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone: "Mars/Olympus_Mons" is not a time zone (e.g. "America/New_York", or "system")'],
    ['a time zone that is not text', { timeZone: 5 }, 'timeZone: 5 is not a time zone (e.g. "America/New_York", or "system")'],
    ['an unknown action', { actions: { ehr: 'hide' } }, 'actions.ehr: "hide" is not an action (block, dim or allow)'],
    ['actions that are a list', { actions: ['block'] }, 'actions: ["block"] is not an object of category → action'],
    [
      'a custom site over a public suffix',
      { sites: { custom: [{ host: '*.co.uk', category: 'ehr' }] } },
      'sites.custom[0].host: "*.co.uk" covers the public suffix "co.uk": it would match every site under it — enter your practice\'s own address',
    ],
    [
      'a custom site with a non-web scheme',
      { sites: { custom: [{ host: 'ftp://files.example.org', category: 'ehr' }] } },
      'sites.custom[0].host: "ftp://files.example.org" uses "ftp:": only http and https sites can be guarded',
    ],
    ['a custom site matching every site', { sites: { custom: [{ host: '*', category: 'ehr' }] } }, 'sites.custom[0].host: "*" would match every site'],
    ['a custom site without a category', { sites: { custom: [{ host: 'ehr.example.org' }] } }, 'sites.custom[0].category: is missing'],
    [
      'a custom site with an unknown category',
      { sites: { custom: [{ host: 'ehr.example.org', category: 'lab' }] } },
      'sites.custom[0].category: "lab" is not a category (ehr, practice, telehealth, email)',
    ],
    ['a custom site that is text', { sites: { custom: ['ehr.example.org'] } }, 'sites.custom[0]: "ehr.example.org" is not a custom site {host, category}'],
    ['a catalogue switch that is not true or false', { sites: { catalogue: { gmail: 'yes' } } }, 'sites.catalogue.gmail: "yes" is not true or false'],
    ['catalogue switches that are a list', { sites: { catalogue: ['gmail'] } }, 'sites.catalogue: ["gmail"] is not an object of site id → true/false'],
    [
      'a day-off range that ends before it starts',
      { timeOff: [{ from: '2026-03-02', to: '2026-03-01' }] },
      'timeOff[0]: to "2026-03-01" is before from "2026-03-02"',
    ],
    ['30 February', { timeOff: [{ from: '2026-02-30', to: '2026-03-01' }] }, 'timeOff[0].from: "2026-02-30" is not a day of the calendar'],
    ['29 February outside a leap year', { timeOff: [{ from: '2026-02-01', to: '2026-02-29' }] }, 'timeOff[0].to: "2026-02-29" is not a day of the calendar'],
    ['a date written with slashes', { timeOff: [{ from: '2026/02/01', to: '2026-03-01' }] }, 'timeOff[0].from: "2026/02/01" is not a date (YYYY-MM-DD)'],
    ['a date written day first', { timeOff: [{ from: '24-12-2026', to: '2026-12-31' }] }, 'timeOff[0].from: "24-12-2026" is not a date (YYYY-MM-DD)'],
    ['a day-off range without its end', { timeOff: [{ from: '2026-02-01' }] }, 'timeOff[0].to: is missing'],
    ['a label that is not text', { timeOff: [{ from: '2026-02-01', to: '2026-02-01', label: 5 }] }, 'timeOff[0].label: must be text'],
    ['a fractional weekly limit', { exceptions: { weeklyLimit: 2.5 } }, 'exceptions.weeklyLimit: 2.5 is not a whole number of exceptions from 0 to 100'],
    ['minutes given as words', { exceptions: { defaultMinutes: 'ten' } }, 'exceptions.defaultMinutes: "ten" is not a number of minutes'],
    ['a wind-down longer than allowed', { windDownMinutes: 500 }, 'windDownMinutes: 500 is not a whole number of minutes from 0 to 120'],
    ['a clock written as a number of hours', { clock: 12 }, 'clock: 12 is not a clock ("locale", "12h" or "24h")'],
    ['a clock spelled as people say it', { clock: '24-hour' }, 'clock: "24-hour" is not a clock ("locale", "12h" or "24h")'],
  ])('%s', (_, fields, message) => {
    expect(errorsOf(doc(fields))).toContain(message);
  });

  it('reports a bad date once, not also as a reversed range', () => {
    expect(errorsOf(doc({ timeOff: [{ from: '2026/02/01', to: '2026-03-01' }] }))).toHaveLength(1);
  });

  it('reports every bad field, not just the first', () => {
    expect(errorsOf(doc({ timeZone: 'Nowhere', actions: { email: 'mute' }, windDownMinutes: -1 }))).toHaveLength(3);
  });
});

describe('the clock field', () => {
  it.each(['locale', '12h', '24h'] as const)('reads "%s"', (clock) => {
    expect(settingsOf(doc({ clock })).clock).toBe(clock);
  });
});

describe('the self-care fields', () => {
  it('reads a plan of protected personal blocks', () => {
    const plan = [{ days: ['mon', 'wed', 'fri'], from: '12:00', to: '12:45', label: 'walk' }];
    expect(settingsOf(doc({ selfCare: { plan } })).selfCare.plan).toEqual(plan);
  });

  it.each([
    [{ plan: [{ days: ['someday'], from: '12:00', to: '12:45' }] }, 'selfCare.plan[0].days[0]: "someday" is not a weekday'],
    [{ plan: [{ days: [], from: '12:00', to: '12:45' }] }, 'selfCare.plan[0].days: names no weekday'],
    [{ plan: [{ days: ['mon'], from: '12:00', to: '25:00' }] }, 'selfCare.plan[0].to: end "25:00" is not a time'],
    [{ prompts: ['  '] }, 'selfCare.prompts[0]: is empty'],
    [{ categories: { support: 'yes' } }, 'selfCare.categories.support: "yes" is not true or false'],
  ])('names the field of a bad self-care value %j', (selfCare, message) => {
    expect(errorsOf(doc({ selfCare })).join('\n')).toContain(message);
  });
});
