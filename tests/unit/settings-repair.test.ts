import { describe, expect, it } from 'vitest';
import { defaultSettings, repairSettings, SETTINGS_FORMAT, SETTINGS_VERSION } from '../../utils/settings';
import { README_EXAMPLE, settingsFixture } from './settings-fixtures';
import { en } from './english';

const doc = (fields: Record<string, unknown> = {}) => ({ format: SETTINGS_FORMAT, version: SETTINGS_VERSION, ...fields });

describe('repairSettings', () => {
  it('passes valid settings through with no errors', () => {
    expect(repairSettings(en, settingsFixture(1))).toEqual({ settings: README_EXAMPLE, errors: [] });
  });

  it('keeps valid fields, puts defaults in place of invalid ones and lists the errors', () => {
    const { settings, errors } = repairSettings(en, doc({ timeZone: 'Nowhere', windDownMinutes: 15, actions: { ehr: 'dim', email: 'mute' } }));
    expect(settings.timeZone).toBe('system');
    expect(settings.windDownMinutes).toBe(15);
    expect(settings.actions).toEqual({ ehr: 'dim', practice: 'block', telehealth: 'dim', email: 'dim' });
    expect(errors).toEqual([
      'timeZone: "Nowhere" is not a time zone (e.g. "America/New_York", or "system")',
      'actions.email: "mute" is not an action (block, dim or allow)',
    ]);
  });

  it('puts the language’s clock in place of a bad clock, says so, and keeps the rest', () => {
    const { settings, errors } = repairSettings(en, doc({ clock: 'military', windDownMinutes: 15, week: { mon: [['08:00', '12:00']] } }));
    expect(settings.clock).toBe('locale');
    expect(settings.windDownMinutes).toBe(15);
    expect(settings.week.mon).toEqual([['08:00', '12:00']]);
    expect(errors).toEqual(['clock: "military" is not a clock ("locale", "12h" or "24h")']);
  });

  it('keeps a valid clock', () => {
    expect(repairSettings(en, doc({ clock: '24h' }))).toMatchObject({ settings: { clock: '24h' }, errors: [] });
  });

  it('drops a bad range but keeps the rest of the day and the week', () => {
    const { settings, errors } = repairSettings(
      en,
      doc({
        week: {
          mon: [
            ['09:00', '25:00'],
            ['10:00', '11:00'],
          ],
          tue: [['09:00', '12:00']],
        },
      }),
    );
    expect(settings.week.mon).toEqual([['10:00', '11:00']]);
    expect(settings.week.tue).toEqual([['09:00', '12:00']]);
    expect(errors).toEqual(['week.mon[0]: end "25:00" is not a time (HH:MM, or 24:00)']);
  });

  it('drops a bad custom site but keeps the others', () => {
    const { settings } = repairSettings(
      en,
      doc({
        sites: {
          catalogue: { gmail: true },
          custom: [
            { host: '*.com', category: 'ehr' },
            { host: 'ehr.example.org', category: 'ehr' },
          ],
        },
      }),
    );
    expect(settings.sites).toEqual({ catalogue: { gmail: true }, custom: [{ host: 'ehr.example.org', category: 'ehr' }] });
  });

  it('drops a stored host whose syntax is bad, says which, and keeps the other sites', () => {
    const { settings, errors } = repairSettings(
      en,
      doc({
        sites: {
          custom: [
            { host: 'ehr!.example.org', category: 'ehr' },
            { host: 'ehr.example.org', category: 'ehr' },
          ],
        },
      }),
    );
    expect(settings.sites.custom).toEqual([{ host: 'ehr.example.org', category: 'ehr' }]);
    expect(errors).toEqual(['sites.custom[0].host: "ehr!.example.org" is not a web address: it contains "!"']);
  });

  it('keeps a stored host under a public suffix: the list is checked when a host is entered, not on every read', () => {
    const custom = [{ host: '*.github.io', category: 'ehr' as const }];
    expect(repairSettings(en, doc({ sites: { custom } }))).toMatchObject({ settings: { sites: { custom } }, errors: [] });
  });

  it('drops a bad day off but keeps the others', () => {
    const { settings } = repairSettings(
      en,
      doc({
        timeOff: [
          { from: '2026-02-30', to: '2026-03-01' },
          { from: '2026-07-03', to: '2026-07-03' },
        ],
      }),
    );
    expect(settings.timeOff).toEqual([{ from: '2026-07-03', to: '2026-07-03', label: '' }]);
  });

  it('puts the default week in place of a week that is not an object', () => {
    expect(repairSettings(en, doc({ week: 'always' })).settings.week).toEqual(defaultSettings().week);
  });

  it('reads what it understands of a document from a newer version', () => {
    const { settings, errors } = repairSettings(en, doc({ version: 2, windDownMinutes: 20 }));
    expect(settings.windDownMinutes).toBe(20);
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(errors[0]).toMatch(/newer Clocked Out/);
  });

  it.each([
    ['null', null],
    ['a list', []],
    ['a number', 42],
  ])('falls back to the defaults for %s', (_, input) => {
    const { settings, errors } = repairSettings(en, input);
    expect(settings).toEqual(defaultSettings());
    expect(errors).toHaveLength(1);
  });

  it('ignores a "__proto__" key rather than letting it reach the prototype', () => {
    const input: unknown = JSON.parse('{"format":"clocked-out/settings","version":1,"actions":{"__proto__":{"ehr":"allow"},"email":"mute"}}');
    const { settings } = repairSettings(en, input);
    expect(settings.actions.ehr).toBe('block');
  });
});
