import { describe, expect, it } from 'vitest';
import { balanceOf, CLOCK_OUT_LABEL } from '../../utils/balance';
import { decide } from '../../utils/policy';
import {
  clockOutChoice,
  eveningNextWeek,
  fridayAfternoon,
  reviewDue,
  reviewWords,
  withBlock,
  withClockOut,
  withoutBlock,
  withoutClockOut,
  withoutReviewDayOff,
  withReviewDayOff,
  workLeftToday,
} from '../../utils/review';
import { defaultSettings, type Settings } from '../../utils/settings';
import { toInstant } from '../../utils/zoned-time';
import { en } from './english';
import { translator } from '../../utils/i18n';
import es from '../../locales/es/messages.json';

const ZONE = 'America/Chicago';
const at = (date: string, time: string) => toInstant(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)), ZONE);
// Mon–Fri 09:00–17:00.
const SETTINGS: Settings = { ...defaultSettings(), timeZone: ZONE };
// Wednesday 2026-12-02.
const WED = '2026-12-02';

describe('"Clock out now"', () => {
  it('gives back the rest of today: the sites close at once, tomorrow is untouched, and it undoes', () => {
    const now = at(WED, '15:30');
    expect(clockOutChoice(SETTINGS, now, ZONE)).toBe('take');
    expect(workLeftToday(SETTINGS, now, ZONE)).toBe(90);
    const out = withClockOut(SETTINGS, WED);
    expect(decide(out, now, ZONE).siteActions.simplepractice).toBe('block');
    expect(decide(out, at('2026-12-03', '10:00'), ZONE).state).toBe('work');
    expect(clockOutChoice(out, now, ZONE)).toBe('undo');
    expect(withClockOut(out, WED)).toBe(out);
    expect(withoutClockOut(out, WED)).toEqual(SETTINGS);
    expect(decide(withoutClockOut(out, WED), now, ZONE).state).toBe('work');
  });

  it('is not offered before the day’s work has begun, after work, on a day off, or on a day without work', () => {
    expect(clockOutChoice(SETTINGS, at(WED, '08:30'), ZONE)).toBeNull();
    expect(clockOutChoice(SETTINGS, at(WED, '09:01'), ZONE)).toBe('take');
    expect(clockOutChoice(SETTINGS, at(WED, '17:30'), ZONE)).toBeNull();
    expect(clockOutChoice(SETTINGS, at('2026-12-05', '10:00'), ZONE)).toBeNull();
    const off = { ...SETTINGS, timeOff: [{ from: WED, to: WED, label: 'Mine' }] };
    expect(clockOutChoice(off, at(WED, '10:00'), ZONE)).toBeNull();
    // The balance reads it as work given back, not as a day off.
    expect(balanceOf([], withClockOut(SETTINGS, WED), { now: at(WED, '18:00'), timeZone: ZONE }).weeks.at(-1)!.paidBack.daysOff).toBe(0);
    expect(withClockOut(SETTINGS, WED).timeOff).toEqual([{ from: WED, to: WED, label: CLOCK_OUT_LABEL }]);
  });
});

describe("the weekly review's actions", () => {
  it('adds a day off on the chosen date, refuses a past or already-off one, and undoes', () => {
    const added = withReviewDayOff(en, SETTINGS, '2026-12-11', WED);
    if (!added.ok) throw new Error(added.error);
    expect(decide(added.settings, at('2026-12-11', '10:00'), ZONE).siteActions.simplepractice).toBe('block');
    expect(withoutReviewDayOff(added.settings, '2026-12-11')).toEqual(SETTINGS);
    expect(withReviewDayOff(en, SETTINGS, '2026-12-01', WED)).toEqual({ ok: false, error: '1 Dec has passed: choose today or a later day.' });
    expect(withReviewDayOff(en, added.settings, '2026-12-11', WED)).toEqual({ ok: false, error: '11 Dec is already a day off.' });
    expect(withReviewDayOff(en, SETTINGS, '', WED)).toEqual({ ok: false, error: 'Choose a date for the day off.' });
  });

  it('takes the coming Friday afternoon off, that Friday only', () => {
    const block = fridayAfternoon(SETTINGS, WED, ZONE)!;
    expect(block).toMatchObject({ days: ['fri'], from: '13:00', to: '17:00', date: '2026-12-04' });
    const off = withBlock(SETTINGS, block);
    expect(decide(off, at('2026-12-04', '14:00'), ZONE).siteActions.simplepractice).toBe('block');
    expect(decide(off, at('2026-12-04', '11:00'), ZONE).state).toBe('work');
    expect(decide(off, at('2026-12-11', '14:00'), ZONE).state).toBe('work');
    expect(withoutBlock(off, block)).toEqual(SETTINGS);
    // A Friday that ends at noon has no afternoon to give: the one after is chosen… or none.
    expect(fridayAfternoon({ ...SETTINGS, week: { ...SETTINGS.week, fri: [['08:00', '12:00']] } }, WED, ZONE)).toBeNull();
  });

  it('protects an evening next week, from the end of that day’s work', () => {
    const block = eveningNextWeek(SETTINGS, at(WED, '18:00'), ZONE);
    expect(block).toMatchObject({ days: ['mon'], from: '18:00', to: '22:00', date: '2026-12-07' });
    const late = { ...SETTINGS, week: { ...SETTINGS.week, mon: [['10:00', '19:30']] as Settings['week']['mon'] } };
    expect(eveningNextWeek(late, at(WED, '18:00'), ZONE)).toMatchObject({ from: '19:30', date: '2026-12-07' });
  });
});

describe('when the review is due', () => {
  it("is due once the week's last work range has ended, until it is dismissed, and on Monday before work for last week", () => {
    expect(reviewDue(SETTINGS, at('2026-12-04', '16:59'), ZONE, null)).toBeNull();
    expect(reviewDue(SETTINGS, at('2026-12-04', '17:00'), ZONE, null)).toBe('2026-11-30');
    expect(reviewDue(SETTINGS, at('2026-12-06', '12:00'), ZONE, null)).toBe('2026-11-30');
    expect(reviewDue(SETTINGS, at('2026-12-06', '12:00'), ZONE, '2026-11-30')).toBeNull();
    expect(reviewDue(SETTINGS, at('2026-12-07', '08:00'), ZONE, null)).toBe('2026-11-30');
    expect(reviewDue(SETTINGS, at('2026-12-07', '09:30'), ZONE, null)).toBeNull();
  });

  it('turns to recovery and support in a heavy week, and says it is no failure', () => {
    const heavy = balanceOf([{ at: at(WED, '19:00'), kind: 'usage', site: 'simplepractice', category: 'ehr', minutes: 150 }], SETTINGS, {
      now: at('2026-12-04', '17:00'),
      timeZone: ZONE,
    });
    const words = reviewWords(en, heavy, heavy.weeks.at(-1)!);
    expect(words.lines).toEqual([
      'After hours: Wed 2 h 30 min — 2 h 30 min in all.',
      'Crisis exceptions: 0 of 5.',
      'Owed to you: 2 h 30 min of personal time.',
    ]);
    expect(words.advice).toMatch(/heavy week.*not a failure.*peer consultation or supervision/);
    const spanish = reviewWords(translator(es), heavy, heavy.weeks.at(-1)!);
    expect(spanish.lines).toEqual([
      'Fuera de horario: mié 2 h 30 min — 2 h 30 min en total.',
      'Excepciones por crisis: 0 de 5.',
      'Se te deben 2 h 30 min de tiempo personal.',
    ]);
    expect(spanish.advice).toMatch(/^Fue una semana pesada\. .*no es un fracaso/);
  });
});
