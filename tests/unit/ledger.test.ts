import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../utils/history-events';
import { describeWeek, isHeavy, minutesInWords, rollUpDays, rollUpWeek, weekBounds, weekStart, type WeekLedger } from '../../utils/ledger';
import type { Exception } from '../../utils/types';
import { MINUTE, toInstant } from '../../utils/zoned-time';
import { en } from './english';

const ZONE = 'America/Los_Angeles';
const at = (date: string, time = '20:00') => toInstant(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)), ZONE);
const ev = (kind: HistoryEvent['kind'], when: number, minutes = 0): HistoryEvent => ({ at: when, kind, site: 'simplepractice', category: 'ehr', minutes });
// Thursday 2026-03-12, 20:00 in Los Angeles; the week began on Monday 03-09 (DST started on Sunday 03-08).
const NOW = at('2026-03-12');

describe('weeks', () => {
  it.each([
    ['2026-03-09', '2026-03-09'],
    ['2026-03-12', '2026-03-09'],
    ['2026-03-15', '2026-03-09'],
    ['2026-03-16', '2026-03-16'],
    ['2027-01-01', '2026-12-28'],
  ])('%s falls in the week of %s', (date, monday) => {
    expect(weekStart(date)).toBe(monday);
  });

  it('runs from local Monday midnight to the next, in the zone given', () => {
    expect(weekBounds(NOW, ZONE)).toEqual({ week: '2026-03-09', from: at('2026-03-09', '00:00'), to: at('2026-03-16', '00:00') });
    // Sunday night in Los Angeles is already Monday in Tokyo.
    expect(weekBounds(at('2026-03-15', '20:00'), 'Asia/Tokyo').week).toBe('2026-03-16');
    expect(weekBounds(NOW, ZONE, 1).week).toBe('2026-03-02');
  });
});

describe('rollUpWeek', () => {
  const events: HistoryEvent[] = [
    ev('exceptionStarted', at('2026-03-08', '23:30'), 30), // last week
    ev('exceptionEnded', at('2026-03-09', '00:00'), 30), // ended this week: counts here
    ev('exceptionStarted', at('2026-03-10'), 30),
    ev('exceptionEnded', at('2026-03-10', '20:20'), 20),
    ev('wrapUp', at('2026-03-10', '17:00'), 5),
    ev('exceptionEnded', at('2026-03-10', '17:05'), 5),
    ev('blockedVisit', at('2026-03-11')),
    ev('dimmedVisit', at('2026-03-11')),
    ev('dayOff', at('2026-03-11', '08:00')),
    ev('exceptionStarted', at('2026-03-16', '09:00'), 15), // next week
  ];

  it('adds up after-hours minutes, exceptions against the limit, wrap-ups, visits and days off', () => {
    expect(rollUpWeek(events, { now: NOW, timeZone: ZONE, weeklyLimit: 5 })).toEqual({
      week: '2026-03-09',
      afterHoursMinutes: 55,
      exceptionsUsed: 1,
      weeklyLimit: 5,
      wrapUps: 1,
      turnedAway: 2,
      daysOff: 1,
    });
  });

  it('counts a running exception up to now', () => {
    const exception: Exception = { id: 'r', kind: 'crisis', scope: { type: 'all' }, startedAt: NOW - 12 * MINUTE, endsAt: NOW + 18 * MINUTE };
    expect(rollUpWeek(events, { now: NOW, timeZone: ZONE, weeklyLimit: 5, running: [exception] }).afterHoursMinutes).toBe(67);
    // One that has ended but is still in a stale list is left to its end event.
    const ended: Exception[] = [{ ...exception, endsAt: NOW - MINUTE }];
    expect(rollUpWeek(events, { now: NOW, timeZone: ZONE, weeklyLimit: 5, running: ended }).afterHoursMinutes).toBe(55);
  });

  it('rolls up an earlier week', () => {
    expect(rollUpWeek(events, { now: NOW, timeZone: ZONE, weeklyLimit: 5, weeksBack: 1 })).toMatchObject({
      week: '2026-03-02',
      exceptionsUsed: 1,
      afterHoursMinutes: 0,
    });
  });
});

describe('rollUpDays', () => {
  it('gives totals per local day, in date order', () => {
    const days = rollUpDays(
      [ev('exceptionEnded', at('2026-03-10', '21:00'), 12.4), ev('blockedVisit', at('2026-03-09')), ev('exceptionEnded', at('2026-03-10', '22:00'), 3)],
      ZONE,
    );
    expect(days.map((d) => [d.date, d.afterHoursMinutes, d.turnedAway])).toEqual([
      ['2026-03-09', 0, 1],
      ['2026-03-10', 15, 0],
    ]);
  });
});

describe('the week in words', () => {
  const week = (over: Partial<WeekLedger>): WeekLedger => ({
    week: '2026-03-09',
    afterHoursMinutes: 0,
    exceptionsUsed: 0,
    weeklyLimit: 5,
    wrapUps: 0,
    turnedAway: 0,
    daysOff: 0,
    ...over,
  });

  it.each([
    [{}, 'This week: no after-hours work · 0 of 5 crisis exceptions'],
    [{ afterHoursMinutes: 80, exceptionsUsed: 2 }, 'This week: 1 h 20 min after hours · 2 of 5 crisis exceptions'],
    [{ afterHoursMinutes: 240, exceptionsUsed: 6 }, 'This week: 4 h after hours · 6 of 5 crisis exceptions, over your limit'],
  ])('%o reads "%s"', (over, words) => {
    expect(describeWeek(en, week(over))).toBe(words);
  });

  it('calls a week heavy from two hours after hours or past the limit', () => {
    expect(isHeavy(week({ afterHoursMinutes: 119 }))).toBe(false);
    expect(isHeavy(week({ afterHoursMinutes: 120 }))).toBe(true);
    expect(isHeavy(week({ exceptionsUsed: 5 }))).toBe(false);
    expect(isHeavy(week({ exceptionsUsed: 6 }))).toBe(true);
  });

  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [60, '1 h'],
    [65, '1 h 5 min'],
    [59.6, '1 h'],
  ])('%s minutes read "%s"', (m, words) => {
    expect(minutesInWords(en, m)).toBe(words);
  });
});
