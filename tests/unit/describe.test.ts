import { describe, expect, it } from 'vitest';
import { clockOf } from '@/utils/clock';
import { CLOCK_24H } from './clocks';
import { describeInstant, opensAgain, statusLine } from '../../utils/describe';
import { decide, type Decision } from '../../utils/policy';
import type { Settings, SettingsInput } from '../../utils/settings';
import type { Exception } from '../../utils/types';
import { en } from './english';
import { DESIGN_WEEK, localAt, parsedSettings } from './settings-fixtures';

const ZONE = 'Asia/Kathmandu';
const at = (local: string, zone = ZONE) => localAt(local, zone);
const settingsWith = (doc: Partial<SettingsInput>): Settings => parsedSettings({ timeZone: ZONE, ...doc });

// Wednesday 2026-01-07, 20:00 local.
const NOW = '2026-01-07 20:00';

describe('describeInstant', () => {
  it.each([
    ['later the same day', '2026-01-07 23:05', '23:05'],
    ['earlier the same day', '2026-01-07 08:00', '08:00'],
    ['just after midnight', '2026-01-08 02:00', 'tomorrow 02:00'],
    ['in two days, by weekday', '2026-01-09 09:00', 'Fri 09:00'],
    ['six days ahead, still by weekday', '2026-01-13 09:00', 'Tue 09:00'],
    ['a week ahead, with the date', '2026-01-14 09:00', 'Wed 14 Jan 09:00'],
    ['next year', '2027-01-04 09:30', 'Mon 4 Jan 09:30'],
    ['yesterday, with the date', '2026-01-06 17:00', 'Tue 6 Jan 17:00'],
  ])('%s: %s reads "%s"', (_name, instant, words) => {
    expect(describeInstant(en, at(instant), at(NOW), ZONE, CLOCK_24H)).toBe(words);
  });

  it('writes the time in the clinician’s clock', () => {
    const us = clockOf('locale', 'en-US');
    expect(describeInstant(en, at('2026-01-07 23:05'), at(NOW), ZONE, us)).toBe('11:05 PM');
    expect(describeInstant(en, at('2026-01-08 00:00'), at(NOW), ZONE, us)).toBe('tomorrow 12:00 AM');
    expect(describeInstant(en, at('2026-01-09 12:00'), at(NOW), ZONE, us)).toBe('Fri 12:00 PM');
    expect(describeInstant(en, at('2026-01-09 09:00'), at(NOW), ZONE, clockOf('locale', 'en-GB'))).toBe('Fri 09:00');
    expect(describeInstant(en, at('2026-01-09 17:00'), at(NOW), ZONE, clockOf('24h', 'en-US'))).toBe('Fri 17:00');
  });

  it('reads the local clock of the zone it is given', () => {
    const instant = Date.parse('2026-01-08T03:15:00Z');
    expect(describeInstant(en, instant, Date.parse('2026-01-07T12:00:00Z'), 'Asia/Kathmandu', CLOCK_24H)).toBe('tomorrow 09:00');
    expect(describeInstant(en, instant, Date.parse('2026-01-07T12:00:00Z'), 'America/New_York', CLOCK_24H)).toBe('22:15');
  });
});

const designWeek = DESIGN_WEEK;
const settings = settingsWith({ week: designWeek, timeOff: [{ from: '2026-01-08', to: '2026-01-08' }] });
const exception = (kind: Exception['kind'], from: string, to: string): Exception => ({
  id: kind,
  kind,
  scope: { type: 'all' },
  startedAt: at(from),
  endsAt: at(to),
});

describe('statusLine', () => {
  it.each([
    ['at work', '2026-01-07 10:00', [], 'Clocked in until 17:00'],
    ['on the lunch break', '2026-01-05 12:40', [], 'On a break until 13:30'],
    ['after hours, with a day off tomorrow', NOW, [], 'Clocked out — back Fri 09:00'],
    ['on the day off', '2026-01-08 11:00', [], 'Day off — back tomorrow 09:00'],
    ['on Friday evening', '2026-01-09 18:00', [], 'Clocked out — back Mon 09:00'],
    ['in a crisis exception after hours', NOW, [exception('crisis', '2026-01-07 19:50', '2026-01-07 20:23')], 'Crisis exception — 23 min left'],
    ['in a long crisis exception', NOW, [exception('crisis', '2026-01-07 19:50', '2026-01-07 21:35')], 'Crisis exception — 1 h 35 min left'],
    ['wrapping up', NOW, [exception('wrapUp', '2026-01-07 19:58', '2026-01-07 20:04')], 'Wrapping up — 4 min left'],
    [
      'wrapping up inside a crisis exception: the crisis is named',
      NOW,
      [exception('wrapUp', '2026-01-07 19:58', '2026-01-07 20:04'), exception('crisis', '2026-01-07 19:50', '2026-01-07 20:03')],
      'Crisis exception — 3 min left',
    ],
    ['when the exception has just ended', NOW, [exception('crisis', '2026-01-07 19:50', '2026-01-07 20:00')], 'Clocked out — back Fri 09:00'],
    [
      'in an exception during work hours: work wins',
      '2026-01-07 16:00',
      [exception('crisis', '2026-01-07 15:50', '2026-01-07 16:20')],
      'Clocked in until 17:00',
    ],
  ])('%s', (_name, now, exceptions, line) => {
    expect(statusLine(en, decide(settings, at(now), ZONE, { exceptions }), at(now), ZONE, CLOCK_24H)).toBe(line);
  });

  it('rounds what is left up, so a running exception never reads 0 min', () => {
    const now = at(NOW) + 59_000;
    const d = decide(settings, now, ZONE, { exceptions: [exception('crisis', '2026-01-07 19:50', '2026-01-07 20:01')] });
    expect(statusLine(en, d, now, ZONE, CLOCK_24H)).toBe('Crisis exception — 1 min left');
  });

  it('says just "Clocked out" or "Day off" when no work lies ahead', () => {
    const none = settingsWith({ week: { ...designWeek, mon: [], tue: [], wed: [], thu: [], fri: [] } });
    expect(statusLine(en, decide(none, at(NOW), ZONE), at(NOW), ZONE, CLOCK_24H)).toBe('Clocked out');
    const off: Decision = { ...decide(none, at(NOW), ZONE), state: 'timeOff' };
    expect(statusLine(en, off, at(NOW), ZONE, CLOCK_24H)).toBe('Day off');
  });
});

describe('opensAgain', () => {
  it.each([
    ['after hours', NOW, 'Opens again Fri 09:00'],
    ['before work the same day', '2026-01-07 06:00', 'Opens again 09:00'],
    ['on the day off', '2026-01-08 11:00', 'Opens again tomorrow 09:00'],
    ['on a lunch break', '2026-01-05 12:40', 'Opens again 13:30'],
    ['during work', '2026-01-07 10:00', 'Open now'],
  ])('%s', (_name, now, words) => {
    expect(opensAgain(en, decide(settings, at(now), ZONE), at(now), ZONE, CLOCK_24H)).toBe(words);
  });

  it('says so when nothing is scheduled', () => {
    const none = settingsWith({ week: { ...designWeek, mon: [], tue: [], wed: [], thu: [], fri: [] } });
    expect(opensAgain(en, decide(none, at(NOW), ZONE), at(NOW), ZONE, CLOCK_24H)).toBe('No work hours scheduled');
  });
});
