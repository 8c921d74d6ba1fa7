import { describe, expect, it } from 'vitest';
import { decide, type Decision } from '../../utils/policy';
import type { Settings } from '../../utils/settings';
import { DESIGN_WEEK, localAt, parsedSettings } from './settings-fixtures';
import type { Exception } from '../../utils/types';
import { localParts } from '../../utils/zoned-time';

const LONDON = 'Europe/London';
const empty = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
// The example week of README "The settings document": Monday has a lunch break, Friday ends at 15:00.
const designWeek = DESIGN_WEEK;

const settingsWith = (doc: object): Settings => parsedSettings(doc);

// `2026-01-05 09:00` in `zone` as an instant.
const at = (local: string, zone = LONDON): number => localAt(local, zone);

// An instant as `2026-01-05 09:00` in `zone`, or null.
function local(instant: number | null, zone = LONDON): string | null {
  if (instant === null) return null;
  const p = localParts(instant, zone);
  return `${p.date} ${String(Math.floor(p.minutes / 60)).padStart(2, '0')}:${String(p.minutes % 60).padStart(2, '0')}`;
}

function summary(d: Decision, zone = LONDON) {
  return { state: d.state, startedAt: local(d.stateStartedAt, zone), endsAt: local(d.stateEndsAt, zone), nextWorkAt: local(d.nextWorkAt, zone) };
}

// Week of Mon 2026-01-05 (winter in London: UTC+0).
describe('decide: states and boundaries', () => {
  it.each([
    [
      'a Friday overnight shift: Saturday 01:00 is work that began on Friday',
      { week: { ...empty, fri: [['22:00', '02:00']] } },
      '2026-01-10 01:00',
      { state: 'work', startedAt: '2026-01-09 22:00', endsAt: '2026-01-10 02:00', nextWorkAt: '2026-01-16 22:00' },
    ],
    [
      'the Friday shift is over at 02:00 on Saturday',
      { week: { ...empty, fri: [['22:00', '02:00']] } },
      '2026-01-10 02:00',
      { state: 'off', startedAt: '2026-01-10 02:00', endsAt: '2026-01-16 22:00', nextWorkAt: '2026-01-16 22:00' },
    ],
    [
      'the lunch break is a break until 13:30',
      { week: designWeek },
      '2026-01-05 12:45',
      { state: 'break', startedAt: '2026-01-05 12:30', endsAt: '2026-01-05 13:30', nextWorkAt: '2026-01-05 13:30' },
    ],
    [
      'during work, nextWorkAt is the start after this interval',
      { week: designWeek },
      '2026-01-05 10:00',
      { state: 'work', startedAt: '2026-01-05 09:00', endsAt: '2026-01-05 12:30', nextWorkAt: '2026-01-05 13:30' },
    ],
    [
      'the evening is off, not a break',
      { week: designWeek },
      '2026-01-05 18:00',
      { state: 'off', startedAt: '2026-01-05 17:00', endsAt: '2026-01-06 09:00', nextWorkAt: '2026-01-06 09:00' },
    ],
    [
      'the early morning is off, not a break',
      { week: designWeek },
      '2026-01-06 08:00',
      { state: 'off', startedAt: '2026-01-05 17:00', endsAt: '2026-01-06 09:00', nextWorkAt: '2026-01-06 09:00' },
    ],
    [
      'the weekend runs from Friday 15:00 to Monday 09:00',
      { week: designWeek },
      '2026-01-10 12:00',
      { state: 'off', startedAt: '2026-01-09 15:00', endsAt: '2026-01-12 09:00', nextWorkAt: '2026-01-12 09:00' },
    ],
    [
      'a day off in mid-week is time off from midnight to midnight',
      { week: designWeek, timeOff: [{ from: '2026-01-07', to: '2026-01-07' }] },
      '2026-01-07 10:00',
      { state: 'timeOff', startedAt: '2026-01-07 00:00', endsAt: '2026-01-08 00:00', nextWorkAt: '2026-01-08 09:00' },
    ],
    [
      'the evening before a day off ends at its midnight',
      { week: designWeek, timeOff: [{ from: '2026-01-07', to: '2026-01-07' }] },
      '2026-01-06 20:00',
      { state: 'off', startedAt: '2026-01-06 17:00', endsAt: '2026-01-07 00:00', nextWorkAt: '2026-01-08 09:00' },
    ],
    [
      'the morning after a day off began at its end',
      { week: designWeek, timeOff: [{ from: '2026-01-07', to: '2026-01-07' }] },
      '2026-01-08 05:00',
      { state: 'off', startedAt: '2026-01-08 00:00', endsAt: '2026-01-08 09:00', nextWorkAt: '2026-01-08 09:00' },
    ],
    [
      'Tuesday off cuts Monday’s overnight range at midnight',
      { week: { ...empty, mon: [['20:00', '04:00']] }, timeOff: [{ from: '2026-01-06', to: '2026-01-06' }] },
      '2026-01-05 23:00',
      { state: 'work', startedAt: '2026-01-05 20:00', endsAt: '2026-01-06 00:00', nextWorkAt: '2026-01-12 20:00' },
    ],
    [
      'a range starting on a day off is dropped, tail included',
      { week: { ...empty, wed: [['22:00', '06:00']] }, timeOff: [{ from: '2026-01-07', to: '2026-01-07' }] },
      '2026-01-08 01:00',
      { state: 'off', startedAt: '2026-01-08 00:00', endsAt: '2026-01-14 22:00', nextWorkAt: '2026-01-14 22:00' },
    ],
    [
      '24:00 ends at midnight',
      { week: { ...empty, wed: [['18:00', '24:00']] } },
      '2026-01-07 23:59',
      { state: 'work', startedAt: '2026-01-07 18:00', endsAt: '2026-01-08 00:00', nextWorkAt: '2026-01-14 18:00' },
    ],
    [
      '24:00 followed by a range from 00:00 has no boundary at midnight',
      { week: { ...empty, wed: [['18:00', '24:00']], thu: [['00:00', '02:00']] } },
      '2026-01-07 23:00',
      { state: 'work', startedAt: '2026-01-07 18:00', endsAt: '2026-01-08 02:00', nextWorkAt: '2026-01-14 18:00' },
    ],
    [
      'end equal to start is 24 hours on call',
      { week: { ...empty, thu: [['08:00', '08:00']] } },
      '2026-01-09 07:59',
      { state: 'work', startedAt: '2026-01-08 08:00', endsAt: '2026-01-09 08:00', nextWorkAt: '2026-01-15 08:00' },
    ],
    [
      'ranges that touch make one interval',
      {
        week: {
          ...empty,
          tue: [
            ['09:00', '12:00'],
            ['12:00', '17:00'],
          ],
        },
      },
      '2026-01-06 11:00',
      { state: 'work', startedAt: '2026-01-06 09:00', endsAt: '2026-01-06 17:00', nextWorkAt: '2026-01-13 09:00' },
    ],
    [
      'a week of on-call days chains into one interval',
      {
        week: {
          mon: [['00:00', '00:00']],
          tue: [['00:00', '00:00']],
          wed: [['00:00', '00:00']],
          thu: [['00:00', '00:00']],
          fri: [['00:00', '17:00']],
          sat: [],
          sun: [],
        },
      },
      '2026-01-07 12:00',
      { state: 'work', startedAt: '2026-01-05 00:00', endsAt: '2026-01-09 17:00', nextWorkAt: '2026-01-12 00:00' },
    ],
    ['no hours at all is off with nothing ahead', { week: empty }, '2026-01-07 12:00', { state: 'off', startedAt: null, endsAt: null, nextWorkAt: null }],
    [
      'time off longer than the look-ahead still knows when it ends',
      { week: designWeek, timeOff: [{ from: '2026-01-05', to: '2027-12-31' }] },
      '2026-01-07 12:00',
      { state: 'timeOff', startedAt: '2026-01-05 00:00', endsAt: '2028-01-01 00:00', nextWorkAt: '2028-01-03 09:00' },
    ],
  ])('%s', (_name, doc, now, expected) => {
    expect(summary(decide(settingsWith(doc), at(now), LONDON))).toEqual(expected);
  });
});

describe('decide: daylight saving and unusual offsets', () => {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString().slice(0, 16));
  it.each([
    [
      'New York springs forward: a 02:30 start begins at 03:00 EDT',
      'America/New_York',
      { sun: [['02:30', '06:00']] },
      '2026-03-08T06:59Z',
      'off',
      '2026-03-08T07:00',
    ],
    ['… and is work from the first instant after the gap', 'America/New_York', { sun: [['02:30', '06:00']] }, '2026-03-08T07:00Z', 'work', '2026-03-08T10:00'],
    [
      'London falls back: a 01:30 start means the first 01:30 (BST)',
      'Europe/London',
      { sun: [['01:30', '03:00']] },
      '2026-10-25T00:30Z',
      'work',
      '2026-10-25T03:00',
    ],
    ['… so the second 01:00–01:30 (GMT) is work as well', 'Europe/London', { sun: [['01:30', '03:00']] }, '2026-10-25T01:15Z', 'work', '2026-10-25T03:00'],
    [
      'London falls back: a range ending 01:30 ends at the first 01:30',
      'Europe/London',
      { sun: [['00:00', '01:30']] },
      '2026-10-25T00:29Z',
      'work',
      '2026-10-25T00:30',
    ],
    [
      'Lord Howe’s half-hour gap: a 02:00 start begins at 02:30',
      'Australia/Lord_Howe',
      { sun: [['02:00', '08:00']] },
      '2026-10-03T15:29Z',
      'off',
      '2026-10-03T15:30',
    ],
    [
      'Lord Howe’s repeated half hour: 01:45 starts the first time',
      'Australia/Lord_Howe',
      { sun: [['01:45', '03:00']] },
      '2026-04-04T14:45Z',
      'work',
      '2026-04-04T16:30',
    ],
    ['Kolkata (+05:30) opens at 03:30 UTC', 'Asia/Kolkata', { mon: [['09:00', '17:00']] }, '2026-01-05T03:29Z', 'off', '2026-01-05T03:30'],
    ['Kathmandu (+05:45) opens at 03:15 UTC', 'Asia/Kathmandu', { mon: [['09:00', '17:00']] }, '2026-01-05T03:15Z', 'work', '2026-01-05T11:15'],
    [
      'Santiago skips midnight: a Sunday 00:00 start begins at 01:00',
      'America/Santiago',
      { sun: [['00:00', '02:00']] },
      '2026-09-06T03:59Z',
      'off',
      '2026-09-06T04:00',
    ],
  ])('%s', (_name, zone, days, now, state, endsAt) => {
    const d = decide(settingsWith({ week: { ...empty, ...days } }), Date.parse(now), zone);
    expect([d.state, iso(d.stateEndsAt)]).toEqual([state, endsAt]);
  });
});

const exception = (over: Partial<Exception>): Exception => ({
  id: 'x',
  kind: 'crisis',
  scope: { type: 'all' },
  startedAt: at('2026-01-05 18:00'),
  endsAt: at('2026-01-05 18:30'),
  ...over,
});

describe('decide: site actions and exceptions', () => {
  const settings = settingsWith({ week: designWeek, sites: { custom: [{ host: 'notes.example.org', category: 'ehr', action: 'dim' }] } });
  const evening = at('2026-01-05 18:10');

  it('allows every site during work', () => {
    expect(new Set(Object.values(decide(settings, at('2026-01-05 10:00'), LONDON).siteActions))).toEqual(new Set(['allow']));
  });

  it('applies each category’s action after hours, and a custom site’s own action first', () => {
    const { siteActions } = decide(settings, evening, LONDON);
    expect(siteActions).toMatchObject({ simplepractice: 'block', 'simplepractice-video': 'dim', intakeq: 'block', 'custom:notes.example.org': 'dim' });
  });

  it.each([
    ['all work sites', { type: 'all' } as const, { simplepractice: 'allow', 'simplepractice-video': 'allow', intakeq: 'allow' }],
    [
      'one category',
      { type: 'category', category: 'ehr' } as const,
      { simplepractice: 'allow', 'simplepractice-video': 'dim', intakeq: 'block', 'custom:notes.example.org': 'allow' },
    ],
    ['one site', { type: 'site', siteId: 'intakeq' } as const, { simplepractice: 'block', 'simplepractice-video': 'dim', intakeq: 'allow' }],
  ])('a crisis exception for %s opens just that, and nextChangeAt is its expiry', (_name, scope, actions) => {
    const d = decide(settings, evening, LONDON, { exceptions: [exception({ scope })] });
    expect(d.state).toBe('off');
    expect(d.siteActions).toMatchObject(actions);
    expect(local(d.nextChangeAt)).toBe('2026-01-05 18:30');
  });

  it('names the exception ending last as the active one and ignores finished and future ones', () => {
    const finished = exception({ id: 'finished', endsAt: at('2026-01-05 18:05') });
    const short = exception({ id: 'short', endsAt: at('2026-01-05 18:20') });
    const long = exception({ id: 'long', kind: 'wrapUp', endsAt: at('2026-01-05 18:40') });
    const future = exception({ id: 'future', startedAt: at('2026-01-05 18:15'), endsAt: at('2026-01-05 19:00') });
    const d = decide(settings, evening, LONDON, { exceptions: [finished, short, long, future] });
    expect(d.activeExceptions.map((e) => e.id)).toEqual(['short', 'long']);
    expect(d.activeException?.id).toBe('long');
    expect(local(d.nextChangeAt)).toBe('2026-01-05 18:15');
  });

  it('goes back to the category’s action when the exception expires', () => {
    const d = decide(settings, at('2026-01-05 18:30'), LONDON, { exceptions: [exception({})] });
    expect([d.activeException, d.siteActions.simplepractice, local(d.nextChangeAt)]).toEqual([null, 'block', '2026-01-06 09:00']);
  });
});

describe('decide: wind-down', () => {
  const settings = settingsWith({
    week: {
      ...designWeek,
      tue: [
        ['09:00', '12:00'],
        ['12:00', '17:00'],
      ],
    },
    windDownMinutes: 10,
  });
  it.each([
    ['not yet: the next change is the wind-down’s start', '2026-01-05 16:49', null, '2026-01-05 16:50'],
    ['in the last ten minutes of the day', '2026-01-05 16:50', '2026-01-05 17:00', '2026-01-05 17:00'],
    ['before a lunch break too', '2026-01-05 12:25', '2026-01-05 12:30', '2026-01-05 12:30'],
    ['not where two ranges touch', '2026-01-06 11:55', null, '2026-01-06 16:50'],
    ['not after hours', '2026-01-05 17:05', null, '2026-01-06 09:00'],
  ])('%s', (_name, now, endsAt, next) => {
    const d = decide(settings, at(now), LONDON);
    expect([d.windDown && local(d.windDown.endsAt), local(d.nextChangeAt)]).toEqual([endsAt, next]);
  });

  it('is off when windDownMinutes is 0', () => {
    const d = decide(settingsWith({ week: designWeek, windDownMinutes: 0 }), at('2026-01-05 16:55'), LONDON);
    expect([d.windDown, local(d.nextChangeAt)]).toEqual([null, '2026-01-05 17:00']);
  });
});
