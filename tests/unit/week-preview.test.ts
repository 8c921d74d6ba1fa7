import { describe, expect, it } from 'vitest';
import { clockOf } from '@/utils/clock';
import { CLOCK_24H } from './clocks';
import { parseSettings, type Settings } from '../../utils/settings';
import { describeDailyRange, describeRange, weekGrid, weekPreview } from '../../utils/week-preview';
import { toInstant } from '../../utils/zoned-time';
import { en } from './english';

const ZONE = 'Europe/Berlin';
const at = (local: string, zone = ZONE) => toInstant(local.slice(0, 10), Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)), zone);

function settingsWith(doc: object): Settings {
  const result = parseSettings(en, { format: 'clocked-out/settings', version: 1, timeZone: ZONE, ...doc });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.settings;
}
const texts = (settings: Settings, now: string, zone = ZONE) => weekPreview(en, settings, at(now, zone), zone, CLOCK_24H).map((line) => line.text);
const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('weekPreview', () => {
  it('reads the default week from a Sunday evening: work by day, off overnight and at the weekend', () => {
    const lines = texts(settingsWith({}), '2026-01-04 20:00');
    expect(lines).toEqual([
      'Off: now → Mon 09:00',
      'Work: Mon 09:00 → 17:00',
      'Off: Mon 17:00 → Tue 09:00',
      'Work: Tue 09:00 → 17:00',
      'Off: Tue 17:00 → Wed 09:00',
      'Work: Wed 09:00 → 17:00',
      'Off: Wed 17:00 → Thu 09:00',
      'Work: Thu 09:00 → 17:00',
      'Off: Thu 17:00 → Fri 09:00',
      'Work: Fri 09:00 → 17:00',
      'Off: Fri 17:00 → Mon 12 Jan 09:00',
    ]);
  });

  it('calls a gap between two ranges of the same day a break', () => {
    const lines = texts(
      settingsWith({
        week: {
          ...none,
          mon: [
            ['09:00', '12:30'],
            ['13:30', '17:00'],
          ],
        },
      }),
      '2026-01-05 10:00',
    );
    expect(lines.slice(0, 3)).toEqual(['Work: now → Mon 12:30', 'Break: Mon 12:30 → 13:30', 'Work: Mon 13:30 → 17:00']);
  });

  it('shows a range past midnight as such', () => {
    const lines = texts(settingsWith({ week: { ...none, fri: [['22:00', '02:00']] } }), '2026-01-05 10:00');
    expect(lines).toEqual(['Off: now → Fri 22:00', 'Work: Fri 22:00 → Sat 02:00', 'Off: Sat 02:00 → Fri 16 Jan 22:00']);
  });

  it('ends the last off period at the next work start, however far, and dates what is a week or more ahead', () => {
    // Saturday 10 January: next Saturday is written with its date, so it is not read as today.
    const lines = texts(settingsWith({ week: { ...none, fri: [['22:00', '02:00']] } }), '2026-01-10 03:00');
    expect(lines).toEqual(['Off: now → Fri 22:00', 'Work: Fri 22:00 → Sat 17 Jan 02:00', 'Off: Sat 17 Jan 02:00 → Fri 23 Jan 22:00']);
    const far = texts(settingsWith({ week: none, timeOff: [] }), '2026-01-10 03:00');
    expect(far).toHaveLength(1);
  });

  it('names the days off inside an off period', () => {
    const settings = settingsWith({ timeOff: [{ from: '2026-01-07', to: '2026-01-08', label: 'Conference' }] });
    const lines = texts(settings, '2026-01-05 20:00');
    expect(lines).toContain('Off: Tue 17:00 → Fri 09:00 (days off: Conference)');
  });

  it('says a range ending at midnight ends at 24:00', () => {
    const lines = texts(settingsWith({ week: { ...none, tue: [['18:00', '24:00']] } }), '2026-01-05 10:00');
    expect(lines[1]).toBe('Work: Tue 18:00 → 24:00');
  });

  it('has one line when there are no work hours, and one when work never stops', () => {
    expect(texts(settingsWith({ week: none }), '2026-01-05 10:00')).toEqual(['Off: now → no change in the next 8 weeks']);
    const always = Object.fromEntries(Object.keys(none).map((d) => [d, [['00:00', '24:00']]]));
    expect(texts(settingsWith({ week: always }), '2026-01-05 10:00')).toEqual(['Work: now → no change in the next 8 weeks']);
  });

  it('follows the zone: the same instant reads in New York time', () => {
    const settings = settingsWith({ timeZone: 'America/New_York' });
    const lines = weekPreview(en, settings, at('2026-01-05 20:00'), 'America/New_York', CLOCK_24H).map((l) => l.text);
    expect(lines[0]).toBe('Work: now → Mon 17:00');
  });

  it('keeps the wall clock across a daylight-saving change', () => {
    // Europe/Berlin springs forward on Sunday 29 March 2026.
    const lines = texts(settingsWith({}), '2026-03-27 20:00');
    expect(lines).toContain('Work: Mon 09:00 → 17:00');
    expect(lines[0]).toBe('Off: now → Mon 09:00');
  });
});

describe('describeRange', () => {
  it.each([
    ['fri', ['22:00', '02:00'], 'Past midnight: Fri 22:00 → Sat 02:00'],
    ['sun', ['23:00', '07:00'], 'Past midnight: Sun 23:00 → Mon 07:00'],
    ['mon', ['18:00', '24:00'], 'Mon 18:00 → midnight'],
    ['mon', ['18:00', '00:00'], 'Mon 18:00 → midnight'],
    ['sat', ['08:00', '08:00'], '24 hours: Sat 08:00 → Sun 08:00'],
    ['sat', ['00:00', '24:00'], 'All day Sat'],
    ['sun', ['00:00', '00:00'], 'All day Sun'],
    ['mon', ['09:00', '17:00'], null],
  ] as const)('%s %j reads %j', (day, range, words) => {
    expect(describeRange(en, day, range, CLOCK_24H)).toBe(words);
  });
});

describe('ranges in a 12-hour clock', () => {
  const us = clockOf('locale', 'en-US');
  it('says past midnight, to midnight and 24 hours in the clock the clinician reads', () => {
    expect(describeRange(en, 'fri', ['22:00', '02:00'], us)).toBe('Past midnight: Fri 10:00 PM → Sat 2:00 AM');
    expect(describeRange(en, 'fri', ['18:00', '24:00'], us)).toBe('Fri 6:00 PM → midnight');
    expect(describeRange(en, 'fri', ['08:00', '08:00'], us)).toBe('24 hours: Fri 8:00 AM → Sat 8:00 AM');
    expect(describeDailyRange(en, ['12:00', '00:30'], us)).toBe('Past midnight: 12:00 PM → 12:30 AM the next day');
  });
});

describe('describeDailyRange', () => {
  it.each([
    [['22:00', '02:00'], 'Past midnight: 22:00 → 02:00 the next day'],
    [['18:00', '24:00'], '18:00 → midnight'],
    [['08:00', '08:00'], '24 hours from 08:00'],
    [['00:00', '24:00'], 'All day'],
    [['09:00', '17:00'], null],
  ] as const)('%j reads %j', (range, words) => {
    expect(describeDailyRange(en, range, CLOCK_24H)).toBe(words);
  });
});

describe('weekGrid', () => {
  it('gives seven days from today with work as fractions of the day and the days off named', () => {
    const settings = settingsWith({
      week: {
        ...none,
        mon: [
          ['09:00', '12:00'],
          ['13:00', '18:00'],
        ],
        thu: [['22:00', '06:00']],
      },
      timeOff: [{ from: '2026-01-09', to: '2026-01-09', label: '' }],
    });
    const grid = weekGrid(en, settings, at('2026-01-05 12:00'), ZONE);
    expect(grid.map((d) => d.label)).toEqual(['Mon 5 Jan', 'Tue 6 Jan', 'Wed 7 Jan', 'Thu 8 Jan', 'Fri 9 Jan', 'Sat 10 Jan', 'Sun 11 Jan']);
    expect(grid[0]?.spans).toEqual([
      { from: 9 / 24, to: 12 / 24 },
      { from: 13 / 24, to: 18 / 24 },
    ]);
    expect(grid[0]?.now).toBe(0.5);
    expect(grid[1]?.now).toBeNull();
    // Thursday night stops at the midnight that begins Friday's day off.
    expect(grid[3]?.spans).toEqual([{ from: 22 / 24, to: 1 }]);
    expect(grid[4]).toMatchObject({ dayOff: 'Day off', spans: [] });
  });

  it('measures a 23-hour day by its own length', () => {
    const grid = weekGrid(en, settingsWith({ week: { ...none, sun: [['12:00', '13:00']] } }), at('2026-03-29 00:30'), ZONE);
    // 12:00 local is 11 real hours into a day of 23.
    expect(grid[0]?.spans).toEqual([{ from: 11 / 23, to: 12 / 23 }]);
  });
});
