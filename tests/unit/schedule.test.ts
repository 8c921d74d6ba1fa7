import { describe, expect, it } from 'vitest';
import { isDayOff, workIntervals } from '../../utils/schedule';
import { parseSettings, type Settings } from '../../utils/settings';
import { toInstant } from '../../utils/zoned-time';
import { en } from './english';

const ZONE = 'Europe/London';

function settingsWith(doc: object): Settings {
  const result = parseSettings(en, { format: 'clocked-out/settings', version: 1, ...doc });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.settings;
}

const empty = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

// Intervals of the local week starting Mon 2026-01-05 as readable `date HH:MM` pairs.
function week(doc: object, zone = ZONE): Array<[string, string, string]> {
  const from = toInstant('2026-01-05', 0, zone);
  const to = toInstant('2026-01-12', 0, zone);
  const local = (t: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(t);
  return workIntervals(settingsWith(doc), from, to, zone).map((i) => [local(i.start), local(i.end), i.days.join(' ')]);
}

describe('workIntervals', () => {
  it.each([
    [
      'a Friday overnight shift belongs to Friday and runs into Saturday',
      { fri: [['22:00', '02:00']] },
      [['2026-01-09 22:00', '2026-01-10 02:00', '2026-01-09']],
    ],
    [
      'a lunch break splits the day in two',
      {
        mon: [
          ['09:00', '12:30'],
          ['13:30', '17:00'],
        ],
      },
      [
        ['2026-01-05 09:00', '2026-01-05 12:30', '2026-01-05'],
        ['2026-01-05 13:30', '2026-01-05 17:00', '2026-01-05'],
      ],
    ],
    [
      'ranges that touch make one interval, with no boundary between',
      {
        tue: [
          ['09:00', '12:00'],
          ['12:00', '17:00'],
        ],
      },
      [['2026-01-06 09:00', '2026-01-06 17:00', '2026-01-06']],
    ],
    [
      'overlapping ranges merge',
      {
        tue: [
          ['09:00', '13:00'],
          ['12:00', '17:00'],
          ['10:00', '11:00'],
        ],
      },
      [['2026-01-06 09:00', '2026-01-06 17:00', '2026-01-06']],
    ],
    ['24:00 ends at midnight', { wed: [['18:00', '24:00']] }, [['2026-01-07 18:00', '2026-01-08 00:00', '2026-01-07']]],
    ['end equal to start is a 24-hour on-call day', { thu: [['08:00', '08:00']] }, [['2026-01-08 08:00', '2026-01-09 08:00', '2026-01-08']]],
    [
      'an overnight range merges with the next day’s morning and names both days',
      { mon: [['20:00', '02:00']], tue: [['01:00', '05:00']] },
      [['2026-01-05 20:00', '2026-01-06 05:00', '2026-01-05 2026-01-06']],
    ],
    [
      'Sunday’s overnight range is clipped at both ends of the week asked for',
      { sun: [['22:00', '06:00']] },
      [
        ['2026-01-05 00:00', '2026-01-05 06:00', '2026-01-04'],
        ['2026-01-11 22:00', '2026-01-12 00:00', '2026-01-11'],
      ],
    ],
  ])('%s', (_name, days, expected) => {
    expect(week({ week: { ...empty, ...days } })).toEqual(expected);
  });

  it('stops Monday’s overnight range at the midnight that begins Tuesday off, and drops Tuesday’s own ranges', () => {
    const doc = {
      week: { ...empty, mon: [['20:00', '04:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']] },
      timeOff: [{ from: '2026-01-06', to: '2026-01-06' }],
    };
    expect(week(doc)).toEqual([
      ['2026-01-05 20:00', '2026-01-06 00:00', '2026-01-05'],
      ['2026-01-07 09:00', '2026-01-07 17:00', '2026-01-07'],
    ]);
  });

  it('drops a range that starts on a day off, its tail past midnight included', () => {
    const doc = { week: { ...empty, wed: [['22:00', '06:00']], thu: [['09:00', '12:00']] }, timeOff: [{ from: '2026-01-07', to: '2026-01-07' }] };
    expect(week(doc)).toEqual([['2026-01-08 09:00', '2026-01-08 12:00', '2026-01-08']]);
  });

  it('starts a 02:30 range at 03:00 on the night New York springs forward', () => {
    const settings = settingsWith({ week: { ...empty, sun: [['02:30', '06:00']] } });
    const zone = 'America/New_York';
    const [interval] = workIntervals(settings, Date.parse('2026-03-08T00:00:00Z'), Date.parse('2026-03-09T00:00:00Z'), zone);
    expect(interval && new Date(interval.start).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(interval && new Date(interval.end).toISOString()).toBe('2026-03-08T10:00:00.000Z');
  });

  it('returns nothing for an empty or backwards window', () => {
    const settings = settingsWith({});
    const t = toInstant('2026-01-05', 600, ZONE);
    expect(workIntervals(settings, t, t, ZONE)).toEqual([]);
    expect(workIntervals(settings, t, t - 1, ZONE)).toEqual([]);
  });
});

describe('isDayOff', () => {
  const settings = settingsWith({
    timeOff: [
      { from: '2026-12-24', to: '2027-01-01' },
      { from: '2026-03-10', to: '2026-03-10' },
    ],
  });
  it.each([
    ['2026-12-23', false],
    ['2026-12-24', true],
    ['2026-12-31', true],
    ['2027-01-01', true],
    ['2027-01-02', false],
    ['2026-03-10', true],
    ['2026-03-11', false],
  ])('%s → %s', (date, off) => {
    expect(isDayOff(settings, date)).toBe(off);
  });
});

describe('a one-off self-care block', () => {
  it('cuts the work of its date only, alongside the weekly blocks', () => {
    const doc = {
      week: { ...empty, thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
      selfCare: {
        plan: [
          { days: ['fri'], from: '13:00', to: '17:00', label: 'Friday afternoon off', date: '2026-01-09' },
          { days: ['thu', 'fri'], from: '12:00', to: '12:30', label: 'Lunch' },
        ],
      },
    };
    expect(week(doc)).toEqual([
      ['2026-01-08 09:00', '2026-01-08 12:00', '2026-01-08'],
      ['2026-01-08 12:30', '2026-01-08 17:00', '2026-01-08'],
      ['2026-01-09 09:00', '2026-01-09 12:00', '2026-01-09'],
      ['2026-01-09 12:30', '2026-01-09 13:00', '2026-01-09'],
    ]);
    // The next Friday works its whole afternoon again.
    const next = workIntervals(settingsWith(doc), toInstant('2026-01-16', 0, ZONE), toInstant('2026-01-17', 0, ZONE), ZONE);
    expect(next.map((i) => [i.start, i.end])).toEqual([
      [toInstant('2026-01-16', 9 * 60, ZONE), toInstant('2026-01-16', 12 * 60, ZONE)],
      [toInstant('2026-01-16', 12 * 60 + 30, ZONE), toInstant('2026-01-16', 17 * 60, ZONE)],
    ]);
  });

  it('refuses a date that is not one', () => {
    const result = parseSettings(en, {
      format: 'clocked-out/settings',
      version: 1,
      selfCare: { plan: [{ days: ['fri'], from: '13:00', to: '17:00', date: '2026-02-30' }] },
    });
    expect(result).toMatchObject({ ok: false, errors: ['selfCare.plan[0].date: "2026-02-30" is not a day of the calendar'] });
  });
});
