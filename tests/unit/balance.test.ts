import { describe, expect, it } from 'vitest';
import { balanceOf, CLOCK_OUT_LABEL, describeBalance, minutesInWords, scheduledMinutes, type Balance } from '../../utils/balance';
import type { HistoryEvent } from '../../utils/history-events';
import { defaultSettings, type Settings } from '../../utils/settings';
import { afterHours, exceptionRecords, minutesByDay, spellsOf } from '../../utils/usage';
import { MINUTE, toInstant } from '../../utils/zoned-time';
import { translator } from '../../utils/i18n';
import french from '../../locales/fr/messages.json';
import spanish from '../../locales/es/messages.json';
import { en } from './english';

// Los Angeles: daylight-saving time starts on Sunday 2026-03-08 at 02:00 (clocks jump to 03:00).
const ZONE = 'America/Los_Angeles';
const at = (date: string, time = '20:00') => toInstant(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)), ZONE);
const ev = (kind: HistoryEvent['kind'], when: number, minutes = 0, site: string | null = 'simplepractice'): HistoryEvent => ({
  at: when,
  kind,
  site,
  category: site === null ? null : 'ehr',
  minutes,
});
const use = (date: string, time: string, minutes: number, site = 'simplepractice') => ev('usage', at(date, time), minutes, site);
// Mon–Fri 09:00–17:00 (480 minutes a day), nothing else.
const SETTINGS: Settings = { ...defaultSettings(), timeZone: ZONE };
// Friday 2026-03-13, 20:00: this week began on Monday 03-09, the 8 weeks on Monday 01-19.
const NOW = at('2026-03-13');
// An event 9 weeks back, so that the history is older than the window and no block is credited for lack of it.
const OLD = ev('blockedVisit', at('2026-01-05', '10:00'));

const thisWeek = (b: Balance) => b.weeks[b.weeks.length - 1]!;
const day = (b: Balance, date: string) => b.weeks.flatMap((w) => w.days).find((d) => d.date === date)?.afterHoursMinutes;

describe('honest after-hours minutes', () => {
  it('counts a dimmed site used for 12 minutes in two spells as 12 minutes', () => {
    const b = balanceOf([OLD, use('2026-03-10', '20:00', 5), use('2026-03-10', '21:30', 7, 'gmail')], SETTINGS, { now: NOW, timeZone: ZONE });
    expect(thisWeek(b).afterHoursMinutes).toBe(12);
    expect(day(b, '2026-03-10')).toBe(12);
    expect(minutesByDay(spellsOf([use('2026-03-10', '20:00', 5), use('2026-03-10', '21:30', 7, 'gmail')]), ZONE).get('2026-03-10')).toEqual(
      new Map([
        ['simplepractice', 5],
        ['gmail', 7],
      ]),
    );
  });

  it('keeps an exception ended early apart: 30 planned, 5 actual, 4 used, and only the 4 count', () => {
    const events = [
      OLD,
      ev('exceptionStarted', at('2026-03-10', '20:00'), 30),
      use('2026-03-10', '20:00', 4),
      ev('exceptionEnded', at('2026-03-10', '20:05'), 5),
    ];
    const [record] = exceptionRecords(events, NOW);
    expect(record).toMatchObject({ kind: 'crisis', plannedMinutes: 30, actualMinutes: 5, usedMinutes: 4, endedAt: at('2026-03-10', '20:05') });
    const b = balanceOf(events, SETTINGS, { now: NOW, timeZone: ZONE });
    expect(thisWeek(b).afterHoursMinutes).toBe(4);
    expect(thisWeek(b).exceptions).toHaveLength(1);
  });

  it('splits an exception across midnight between the two days', () => {
    const events = [
      OLD,
      ev('exceptionStarted', at('2026-03-11', '23:40'), 30),
      use('2026-03-11', '23:50', 20),
      ev('exceptionEnded', at('2026-03-12', '00:10'), 30),
    ];
    const b = balanceOf(events, SETTINGS, { now: NOW, timeZone: ZONE });
    expect([day(b, '2026-03-11'), day(b, '2026-03-12')]).toEqual([10, 10]);
    expect(exceptionRecords(events, NOW)[0]).toMatchObject({ plannedMinutes: 30, actualMinutes: 30, usedMinutes: 20 });
  });

  it('counts a wrap-up from the end of work only, not the minutes before it', () => {
    const events = [OLD, ev('wrapUp', at('2026-03-09', '17:00'), 5), use('2026-03-09', '16:55', 10)];
    // The worker records the part after hours (afterHours, by the settings then); the balance adds up what was recorded.
    expect(afterHours(spellsOf(events), SETTINGS, ZONE).map((s) => [s.start, s.end])).toEqual([[at('2026-03-09', '17:00'), at('2026-03-09', '17:05')]]);
    const recorded = [OLD, ev('wrapUp', at('2026-03-09', '17:00'), 5), use('2026-03-09', '17:00', 5)];
    const b = balanceOf(recorded, SETTINGS, { now: NOW, timeZone: ZONE });
    expect(thisWeek(b).afterHoursMinutes).toBe(5);
    expect(thisWeek(b).wrapUps).toBe(1);
    // A running wrap-up's actual length is up to now.
    expect(exceptionRecords(events, at('2026-03-09', '17:03'))[0]).toMatchObject({ kind: 'wrapUp', plannedMinutes: 5, actualMinutes: 3, usedMinutes: 3 });
  });

  it('counts a week across the daylight-saving change by the real minutes, each in its local day and week', () => {
    // Sunday 01:30 for 60 real minutes ends at 03:30 local; Sunday 23:30 for 60 ends Monday 00:30, in the next week.
    const events = [OLD, use('2026-03-08', '01:30', 60), use('2026-03-08', '23:30', 60)];
    const b = balanceOf(events, SETTINGS, { now: NOW, timeZone: ZONE });
    const week = b.weeks.find((w) => w.week === '2026-03-02')!;
    expect(week.to - week.from).toBe((7 * 24 - 1) * 60 * MINUTE);
    expect(week.afterHoursMinutes).toBe(90);
    expect(day(b, '2026-03-08')).toBe(90);
    expect(thisWeek(b).afterHoursMinutes).toBe(30);
    expect(day(b, '2026-03-09')).toBe(30);
  });
});

describe('what is owed', () => {
  it('is paid back by a day off: its scheduled hours, once it has begun', () => {
    // 10 hours after hours this week, Friday taken off: 600 − 480.
    const events = [OLD, use('2026-03-09', '18:00', 300), use('2026-03-10', '18:00', 300), ev('dayOff', at('2026-03-13', '07:00'), 0, null)];
    const settings = { ...SETTINGS, timeOff: [{ from: '2026-03-13', to: '2026-03-13', label: 'Taken from the popup' }] };
    const b = balanceOf(events, settings, { now: NOW, timeZone: ZONE });
    expect(thisWeek(b)).toMatchObject({ afterHoursMinutes: 600, paidBackMinutes: 480, owedMinutes: 120 });
    expect(b.owedMinutes).toBe(120);
    // On Thursday the day off is still ahead: nothing paid back yet.
    expect(balanceOf(events, settings, { now: at('2026-03-12', '21:00'), timeZone: ZONE }).owedMinutes).toBe(600);
    expect(scheduledMinutes(settings, '2026-03-13', ZONE)).toBe(480);
  });

  it('is paid back by "Clock out now" with the work it gave up, not as a day off', () => {
    const settings = { ...SETTINGS, timeOff: [{ from: '2026-03-12', to: '2026-03-12', label: CLOCK_OUT_LABEL }] };
    const events = [OLD, use('2026-03-10', '19:00', 90), ev('clockedOut', at('2026-03-12', '16:00'), 60, null)];
    expect(thisWeek(balanceOf(events, settings, { now: NOW, timeZone: ZONE }))).toMatchObject({
      paidBack: { daysOff: 0, blocks: 0, clockedOut: 60 },
      owedMinutes: 30,
    });
  });

  it('is paid back by a self-care block kept, not by one worked through, nor before the history began', () => {
    const plan = [{ days: ['mon' as const, 'wed' as const], from: '12:00', to: '12:45', label: 'Walk' }];
    const settings = { ...SETTINGS, selfCare: { ...SETTINGS.selfCare, plan } };
    // Monday's walk was kept; on Wednesday the EHR was open by an exception during it.
    const events = [OLD, use('2026-03-09', '19:00', 100), use('2026-03-11', '12:10', 10)];
    const week = thisWeek(balanceOf(events, settings, { now: NOW, timeZone: ZONE }));
    expect(week).toMatchObject({ afterHoursMinutes: 110, paidBack: { blocks: 45 }, owedMinutes: 65 });
    // A history that begins this Thursday credits neither block of the week: both came before it.
    const fresh = [use('2026-03-12', '19:00', 50)];
    expect(thisWeek(balanceOf(fresh, settings, { now: NOW, timeZone: ZONE })).paidBack.blocks).toBe(0);
  });

  it('runs over the weeks without banking personal time, and forgets what is older than 8 weeks', () => {
    const events = [
      use('2026-01-16', '20:00', 500), // Friday before the window: out of it
      use('2026-01-19', '00:00', 100), // Monday 00:00, the window's first instant
      ev('dayOff', at('2026-01-30', '08:00'), 0, null), // a Friday off: 480 back, more than owed
      use('2026-02-02', '20:00', 60),
    ];
    const b = balanceOf(events, SETTINGS, { now: NOW, timeZone: ZONE });
    expect(b.weeks).toHaveLength(8);
    expect(b.weeks[0]!.week).toBe('2026-01-19');
    expect(b.weeks.map((w) => w.owedMinutes)).toEqual([100, 0, 60, 60, 60, 60, 60, 60]);
    expect(b.owedMinutes).toBe(60);
    // A week later the 100 minutes of 01-19 have left the window; what was paid back with them too.
    expect(balanceOf(events, SETTINGS, { now: NOW + 7 * 24 * 60 * MINUTE, timeZone: ZONE }).weeks[0]!.week).toBe('2026-01-26');
  });

  it('calls a week heavy above the threshold the clinician set, or past the exception limit', () => {
    const events = [OLD, use('2026-03-10', '18:00', 130)];
    expect(balanceOf(events, SETTINGS, { now: NOW, timeZone: ZONE }).heavy).toBe(true);
    const lenient = { ...SETTINGS, exceptions: { ...SETTINGS.exceptions, heavyWeekMinutes: 200 } };
    expect(balanceOf(events, lenient, { now: NOW, timeZone: ZONE }).heavy).toBe(false);
    const six = Array.from({ length: 6 }, (_, i) => ev('exceptionStarted', at('2026-03-10', `2${i}:00`), 15));
    expect(balanceOf([OLD, ...six], lenient, { now: NOW, timeZone: ZONE }).heavy).toBe(true);
  });

  it('says a day off is due after 8 weeks without one taken or planned, and not for a new install', () => {
    expect(balanceOf([OLD], SETTINGS, { now: NOW, timeZone: ZONE }).dayOffDue).toBe(true);
    expect(balanceOf([use('2026-03-10', '18:00', 5)], SETTINGS, { now: NOW, timeZone: ZONE }).dayOffDue).toBe(false);
    const planned = { ...SETTINGS, timeOff: [{ from: '2026-04-03', to: '2026-04-03', label: '' }] };
    expect(balanceOf([OLD], planned, { now: NOW, timeZone: ZONE }).dayOffDue).toBe(false);
    expect(balanceOf([OLD, ev('dayOff', at('2026-02-20', '08:00'), 0, null)], SETTINGS, { now: NOW, timeZone: ZONE }).dayOffDue).toBe(false);
  });
});

describe('the week in words', () => {
  it.each([
    ['This week: no after-hours work · 0 of 5 crisis exceptions · nothing owed', [] as HistoryEvent[]],
    [
      'This week: 1 h 20 min after hours · 1 of 5 crisis exceptions · 1 h 20 min owed to you',
      [ev('exceptionStarted', at('2026-03-10', '20:00'), 30), use('2026-03-10', '20:00', 80)],
    ],
  ])('reads "%s"', (words, events) => {
    expect(describeBalance(en, balanceOf([OLD, ...events], SETTINGS, { now: NOW, timeZone: ZONE }))).toBe(words);
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

  it('reads the week in Spanish and French too', () => {
    const balance = balanceOf([OLD, ev('exceptionStarted', at('2026-03-10', '20:00'), 30), use('2026-03-10', '20:00', 80)], SETTINGS, {
      now: NOW,
      timeZone: ZONE,
    });
    expect(describeBalance(translator(spanish), balance)).toBe(
      'Esta semana: 1 h 20 min fuera de horario · 1 de 5 excepciones por crisis · se te deben 1 h 20 min',
    );
    expect(describeBalance(translator(french), balance)).toBe(
      'Cette semaine : 1 h 20 min hors des heures · 1 sur 5 exceptions de crise · on vous doit 1 h 20 min',
    );
  });
});
