import { describe, expect, it } from 'vitest';
import { decide, type Decision } from '../../utils/policy';
import { workIntervals } from '../../utils/schedule';
import { parseSettings, type Settings } from '../../utils/settings';
import { localParts, toInstant } from '../../utils/zoned-time';
import { en } from './english';

const LONDON = 'Europe/London';
const empty = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const nineToFive = {
  ...empty,
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
};
const walk = { days: ['mon', 'wed', 'fri'], from: '12:00', to: '12:45', label: 'walk' };

function settingsWith(doc: object): Settings {
  const result = parseSettings(en, { format: 'clocked-out/settings', version: 1, windDownMinutes: 0, ...doc });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.settings;
}
const withPlan = (week: object, ...plan: object[]) => settingsWith({ week, selfCare: { plan } });

// `2026-01-05 09:00` (a Monday) in `zone` as an instant, and back.
const at = (local: string, zone = LONDON) => toInstant(local.slice(0, 10), Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)), zone);
function local(instant: number | null, zone = LONDON): string | null {
  if (instant === null) return null;
  const p = localParts(instant, zone);
  return `${p.date} ${String(Math.floor(p.minutes / 60)).padStart(2, '0')}:${String(p.minutes % 60).padStart(2, '0')}`;
}
const summary = (d: Decision) => ({ state: d.state, startedAt: local(d.stateStartedAt), endsAt: local(d.stateEndsAt), nextWorkAt: local(d.nextWorkAt) });

describe('the self-care plan: blocks inside work hours are breaks', () => {
  it.each([
    [
      'the Monday walk is a break',
      withPlan(nineToFive, walk),
      '2026-01-05 12:10',
      { state: 'break', startedAt: '2026-01-05 12:00', endsAt: '2026-01-05 12:45', nextWorkAt: '2026-01-05 12:45' },
    ],
    [
      'the morning before the walk is work that ends when the walk begins',
      withPlan(nineToFive, walk),
      '2026-01-05 11:00',
      { state: 'work', startedAt: '2026-01-05 09:00', endsAt: '2026-01-05 12:00', nextWorkAt: '2026-01-05 12:45' },
    ],
    [
      'work resumes exactly at the end of the walk',
      withPlan(nineToFive, walk),
      '2026-01-05 12:45',
      { state: 'work', startedAt: '2026-01-05 12:45', endsAt: '2026-01-05 17:00', nextWorkAt: '2026-01-06 09:00' },
    ],
    [
      'Tuesday has no walk',
      withPlan(nineToFive, walk),
      '2026-01-06 12:10',
      { state: 'work', startedAt: '2026-01-06 09:00', endsAt: '2026-01-06 17:00', nextWorkAt: '2026-01-07 09:00' },
    ],
    [
      'a block over the end of the day is a break until the hours end, then off',
      withPlan(nineToFive, { days: ['mon'], from: '16:30', to: '17:30' }),
      '2026-01-05 16:45',
      { state: 'break', startedAt: '2026-01-05 16:30', endsAt: '2026-01-05 17:00', nextWorkAt: '2026-01-06 09:00' },
    ],
    [
      'it never extends work: after the hours it is plain off',
      withPlan(nineToFive, { days: ['mon'], from: '16:30', to: '17:30' }),
      '2026-01-05 17:15',
      { state: 'off', startedAt: '2026-01-05 17:00', endsAt: '2026-01-06 09:00', nextWorkAt: '2026-01-06 09:00' },
    ],
    [
      'a block over the start of the day: off until the hours begin',
      withPlan(nineToFive, { days: ['mon'], from: '08:30', to: '09:30' }),
      '2026-01-05 08:45',
      { state: 'off', startedAt: '2026-01-02 17:00', endsAt: '2026-01-05 09:00', nextWorkAt: '2026-01-05 09:30' },
    ],
    [
      '… then a break until the block ends',
      withPlan(nineToFive, { days: ['mon'], from: '08:30', to: '09:30' }),
      '2026-01-05 09:10',
      { state: 'break', startedAt: '2026-01-05 09:00', endsAt: '2026-01-05 09:30', nextWorkAt: '2026-01-05 09:30' },
    ],
    [
      'a block in the evening changes nothing',
      withPlan(nineToFive, { days: ['mon'], from: '19:00', to: '20:00' }),
      '2026-01-05 19:30',
      { state: 'off', startedAt: '2026-01-05 17:00', endsAt: '2026-01-06 09:00', nextWorkAt: '2026-01-06 09:00' },
    ],
    [
      'a block next to a lunch gap makes one break',
      withPlan(
        {
          ...empty,
          mon: [
            ['09:00', '12:00'],
            ['13:00', '17:00'],
          ],
        },
        { days: ['mon'], from: '11:30', to: '13:15' },
      ),
      '2026-01-05 12:30',
      { state: 'break', startedAt: '2026-01-05 11:30', endsAt: '2026-01-05 13:15', nextWorkAt: '2026-01-05 13:15' },
    ],
    [
      'a block covering every hour of the week leaves no work at all',
      withPlan({ ...empty, sat: [['10:00', '14:00']] }, { days: ['sat'], from: '09:00', to: '15:00' }),
      '2026-01-10 12:00',
      { state: 'break', startedAt: '2026-01-10 10:00', endsAt: '2026-01-10 14:00', nextWorkAt: null },
    ],
    [
      'a block inside a night shift, on the day after it began',
      withPlan({ ...empty, fri: [['22:00', '06:00']] }, { days: ['sat'], from: '02:00', to: '02:30' }),
      '2026-01-10 02:15',
      { state: 'break', startedAt: '2026-01-10 02:00', endsAt: '2026-01-10 02:30', nextWorkAt: '2026-01-10 02:30' },
    ],
    [
      'a block running past midnight',
      withPlan({ ...empty, mon: [['22:00', '02:00']] }, { days: ['mon'], from: '23:30', to: '00:30' }),
      '2026-01-06 00:15',
      { state: 'break', startedAt: '2026-01-05 23:30', endsAt: '2026-01-06 00:30', nextWorkAt: '2026-01-06 00:30' },
    ],
  ])('%s', (_name, settings, now, expected) => {
    expect(summary(decide(settings, at(now), LONDON))).toEqual(expected);
  });

  it('gives work sites their off-hours action during a block, and an exception still opens them', () => {
    const settings = withPlan(nineToFive, walk);
    expect(decide(settings, at('2026-01-05 12:10'), LONDON).siteActions).toMatchObject({ simplepractice: 'block', hushmail: 'dim' });
    const crisis = { id: 'c', kind: 'crisis' as const, scope: { type: 'all' as const }, startedAt: at('2026-01-05 12:05'), endsAt: at('2026-01-05 12:35') };
    expect(decide(settings, at('2026-01-05 12:10'), LONDON, { exceptions: [crisis] }).siteActions).toMatchObject({ simplepractice: 'allow' });
  });

  it('announces the wind-down before a block, as before any end of work', () => {
    const settings = settingsWith({ week: nineToFive, windDownMinutes: 10, selfCare: { plan: [walk] } });
    expect(decide(settings, at('2026-01-05 11:55'), LONDON).windDown).toEqual({ endsAt: at('2026-01-05 12:00') });
    expect(decide(settings, at('2026-01-05 11:40'), LONDON).nextChangeAt).toBe(at('2026-01-05 11:50'));
  });

  it('leaves the block out of the day drawn as work', () => {
    const intervals = workIntervals(withPlan(nineToFive, walk), at('2026-01-05 00:00'), at('2026-01-06 00:00'), LONDON);
    expect(intervals.map((i) => [local(i.start), local(i.end)])).toEqual([
      ['2026-01-05 09:00', '2026-01-05 12:00'],
      ['2026-01-05 12:45', '2026-01-05 17:00'],
    ]);
  });
});

describe('the self-care plan across daylight-saving changes', () => {
  // London, Sunday 2026-03-29: 01:00 GMT jumps to 02:00 BST. Sunday 2026-10-25: 02:00 BST falls back to 01:00 GMT.
  const sundayNight = { ...empty, sun: [['00:00', '05:00']] };

  it('starts a block whose start the clocks skip at the first instant after the gap', () => {
    const settings = withPlan(sundayNight, { days: ['sun'], from: '01:30', to: '02:30' });
    const d = decide(settings, Date.parse('2026-03-29T00:30:00Z'), LONDON);
    expect(d.state).toBe('work');
    expect(d.stateEndsAt).toBe(Date.parse('2026-03-29T01:00:00Z'));
    expect(d.nextWorkAt).toBe(Date.parse('2026-03-29T01:30:00Z'));
  });

  it('protects a repeated time only in its first occurrence', () => {
    const settings = withPlan(sundayNight, { days: ['sun'], from: '01:15', to: '01:45' });
    expect(decide(settings, Date.parse('2026-10-25T00:20:00Z'), LONDON).state).toBe('break');
    const second = decide(settings, Date.parse('2026-10-25T01:20:00Z'), LONDON);
    expect(second.state).toBe('work');
    expect(second.stateStartedAt).toBe(Date.parse('2026-10-25T00:45:00Z'));
  });
});
