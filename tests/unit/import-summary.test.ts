import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clockOf } from '@/utils/clock';
import { CLOCK_24H } from './clocks';
import { dayWords, daysOffWords, planWords, rangeWords, summarizeChanges } from '../../utils/import-summary';
import { translator } from '../../utils/i18n';
import spanish from '../../locales/es/messages.json';
import french from '../../locales/fr/messages.json';
import { defaultSettings, parseSettings, type Settings } from '../../utils/settings';
import { en } from './english';

function parsed(doc: object): Settings {
  const result = parseSettings(en, { format: 'clocked-out/settings', version: 1, ...doc });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.settings;
}

describe('summarizeChanges', () => {
  it('says nothing changes when the document matches', () => {
    expect(summarizeChanges(en, defaultSettings(), defaultSettings(), CLOCK_24H)).toEqual([]);
  });

  it('reads the v1 fixture against the defaults, one line per change, in the order of the page', () => {
    const fixture = parsed(JSON.parse(readFileSync(new URL('../fixtures/settings/v1.json', import.meta.url), 'utf8')));
    expect(summarizeChanges(en, defaultSettings(), fixture, CLOCK_24H)).toEqual([
      'Mon: 09:00–17:00 → 09:00–12:30, 13:30–17:00',
      'Fri: 09:00–17:00 → 09:00–15:00',
      'Days off added: 24 Dec 2026 – 1 Jan 2027 (Holidays)',
      'Switched on: Gmail',
      'Custom sites added: ehr.example-clinic.org (EHR)',
    ]);
  });

  it('writes the hours in the clinician’s clock and names a change of clock', () => {
    const after = parsed({
      week: { mon: [['08:00', '16:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
      clock: '12h',
    });
    expect(summarizeChanges(en, defaultSettings(), after, clockOf('12h', 'en-US'))).toEqual([
      'Mon: 9:00 AM–5:00 PM → 8:00 AM–4:00 PM',
      "Clock: the browser language's → 12-hour",
    ]);
    const to24 = { ...defaultSettings(), clock: '24h' as const };
    expect(summarizeChanges(translator(spanish), defaultSettings(), to24, CLOCK_24H)).toEqual(['Formato de hora: el del idioma del navegador → 24 horas']);
    expect(summarizeChanges(translator(french), defaultSettings(), to24, CLOCK_24H)).toEqual([
      'Format de l’heure : celui de la langue du navigateur → 24 heures',
    ]);
  });

  it('names zone, actions, limits, self-care and the message', () => {
    const after = parsed({
      timeZone: 'Europe/Berlin',
      week: { mon: [], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['22:00', '02:00']], sat: [], sun: [] },
      actions: { email: 'block', telehealth: 'allow' },
      sites: { catalogue: { simplepractice: false } },
      exceptions: { defaultMinutes: 45, weeklyLimit: 3 },
      windDownMinutes: 0,
      selfCare: { categories: { support: false }, prompts: ['Call Sam'], plan: [{ days: ['fri', 'mon', 'wed'], from: '12:00', to: '12:45', label: 'walk' }] },
      afterHoursMessage: 'Away until {next}.',
      muteNotifications: true,
    });
    expect(summarizeChanges(en, defaultSettings(), after, CLOCK_24H)).toEqual([
      'Mon: 09:00–17:00 → off',
      'Fri: 09:00–17:00 → 22:00–02:00 (past midnight)',
      "Time zone: the computer's zone → Europe/Berlin",
      'Telehealth: dimmed → left open',
      'Email and secure messaging: dimmed → blocked',
      'Switched off: SimplePractice',
      'Crisis exception length: 30 min → 45 min',
      'Exceptions a week: 5 → 3',
      'Wind-down warning: 10 min → 0 min',
      'Self-care prompts switched off: Support network',
      'Own prompts added: "Call Sam"',
      'Self-care plan added: Mon/Wed/Fri 12:00–12:45 walk',
      'After-hours message changed',
      'Do not disturb: off → on',
    ]);
  });

  it('reads the way back (Undo) as the reverse', () => {
    const after = parsed({
      timeOff: [{ from: '2026-03-03', to: '2026-03-03' }],
      sites: { custom: [{ host: 'ehr.example.org', category: 'practice', action: 'dim' }] },
    });
    expect(summarizeChanges(en, after, defaultSettings(), CLOCK_24H)).toEqual([
      'Days off removed: 3 Mar 2026',
      'Custom sites removed: ehr.example.org (Practice management and billing, dimmed)',
    ]);
  });
});

describe('words for settings', () => {
  it.each([
    [['09:00', '17:00'], '09:00–17:00'],
    [['22:00', '02:00'], '22:00–02:00 (past midnight)'],
    [['18:00', '00:00'], '18:00–00:00'],
    [['18:00', '24:00'], '18:00–24:00'],
    [['08:00', '08:00'], '08:00–08:00 (24 hours)'],
  ] as const)('range %j reads %s', (range, words) => {
    expect(rangeWords(en, range, CLOCK_24H)).toBe(words);
  });

  it('reads a day without hours as off, and a day off with or without its label', () => {
    expect(dayWords(en, [], CLOCK_24H)).toBe('off');
    expect(daysOffWords(en, { from: '2026-12-24', to: '2027-01-01', label: 'Holidays' })).toBe('24 Dec 2026 – 1 Jan 2027 (Holidays)');
    expect(daysOffWords(en, { from: '2026-03-03', to: '2026-03-03', label: '' })).toBe('3 Mar 2026');
  });

  it('reads a self-care block by its weekdays, and a one-off block by its date, in the clinician’s clock', () => {
    expect(planWords(en, { days: ['mon', 'wed'], from: '12:00', to: '12:45', label: 'walk' }, clockOf('12h', 'en-US'))).toBe('Mon/Wed 12:00 PM–12:45 PM walk');
    const friday = { days: ['fri' as const], from: '13:00', to: '17:00', label: '', date: '2026-01-09' };
    expect(planWords(en, friday, CLOCK_24H)).toBe('On 9 Jan 13:00–17:00');
  });
});
