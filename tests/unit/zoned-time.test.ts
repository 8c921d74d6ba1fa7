import { describe, expect, it } from 'vitest';
import { addDays, localParts, resolveTimeZone, toInstant, weekdayOf } from '../../utils/zoned-time';

const utc = (iso: string) => Date.parse(iso);

describe('toInstant', () => {
  it.each([
    ['an ordinary morning in New York', 'America/New_York', '2026-01-05', '09:00', '2026-01-05T14:00:00Z'],
    ['Kolkata at +05:30', 'Asia/Kolkata', '2026-01-05', '09:00', '2026-01-05T03:30:00Z'],
    ['Kathmandu at +05:45', 'Asia/Kathmandu', '2026-01-05', '09:00', '2026-01-05T03:15:00Z'],
    ['St John’s at −03:30', 'America/St_Johns', '2026-01-05', '09:00', '2026-01-05T12:30:00Z'],
    ['Chatham at +13:45', 'Pacific/Chatham', '2026-01-05', '09:00', '2026-01-04T19:15:00Z'],
    ['a time inside New York’s spring-forward gap: the first instant after it, not 03:30', 'America/New_York', '2026-03-08', '02:30', '2026-03-08T07:00:00Z'],
    ['the first minute of the gap', 'America/New_York', '2026-03-08', '02:00', '2026-03-08T07:00:00Z'],
    ['the end of the gap', 'America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00Z'],
    ['the minute before the gap', 'America/New_York', '2026-03-08', '01:59', '2026-03-08T06:59:00Z'],
    ['a time London shows twice: its first occurrence (BST)', 'Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00Z'],
    ['Lord Howe’s 30-minute gap', 'Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:30:00Z'],
    ['Lord Howe’s repeated half hour: its first occurrence', 'Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00Z'],
    ['a Santiago midnight the clocks skip', 'America/Santiago', '2026-09-06', '00:00', '2026-09-06T04:00:00Z'],
    ['Santiago 23:30 on the night it is shown twice', 'America/Santiago', '2026-04-04', '23:30', '2026-04-05T02:30:00Z'],
  ])('%s', (_name, zone, date, time, expected) => {
    const [h, m] = time.split(':').map(Number);
    expect(new Date(toInstant(date, (h ?? 0) * 60 + (m ?? 0), zone)).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('reads minutes 1440 as the next day’s midnight', () => {
    expect(toInstant('2026-01-05', 1440, 'Asia/Kathmandu')).toBe(toInstant('2026-01-06', 0, 'Asia/Kathmandu'));
    expect(toInstant('2026-09-05', 1440, 'America/Santiago')).toBe(utc('2026-09-06T04:00:00Z'));
  });
});

describe('localParts', () => {
  it.each([
    ['New York in winter', '2026-01-05T14:00:00Z', 'America/New_York', { date: '2026-01-05', minutes: 9 * 60, weekday: 'mon' }],
    ['Kathmandu, a day ahead of UTC’s evening', '2026-01-04T20:00:00Z', 'Asia/Kathmandu', { date: '2026-01-05', minutes: 1 * 60 + 45, weekday: 'mon' }],
    ['the first instant after New York’s gap', '2026-03-08T07:00:00Z', 'America/New_York', { date: '2026-03-08', minutes: 3 * 60, weekday: 'sun' }],
    ['the second 01:30 in London', '2026-10-25T01:30:00Z', 'Europe/London', { date: '2026-10-25', minutes: 90, weekday: 'sun' }],
    ['Lord Howe just after its gap', '2026-10-03T15:30:00Z', 'Australia/Lord_Howe', { date: '2026-10-04', minutes: 150, weekday: 'sun' }],
    [
      'Santiago’s repeated hour still belongs to Saturday',
      '2026-04-05T03:30:00Z',
      'America/Santiago',
      { date: '2026-04-04', minutes: 23 * 60 + 30, weekday: 'sat' },
    ],
    ['UTC before 1970', '1969-12-31T23:59:00Z', 'UTC', { date: '1969-12-31', minutes: 1439, weekday: 'wed' }],
  ])('%s', (_name, iso, zone, expected) => {
    expect(localParts(utc(iso), zone)).toEqual(expected);
  });

  it('round-trips every quarter hour of a Lord Howe DST day', () => {
    for (let minutes = 0; minutes < 1440; minutes += 15) {
      const instant = toInstant('2026-04-05', minutes, 'Australia/Lord_Howe');
      expect(localParts(instant, 'Australia/Lord_Howe')).toMatchObject({ date: '2026-04-05', minutes });
    }
  });
});

describe('calendar helpers', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDays(%s, %i) is %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-01-05', 'mon'],
    ['2026-01-10', 'sat'],
    ['2026-01-11', 'sun'],
    ['1970-01-01', 'thu'],
    ['1969-12-29', 'mon'],
  ])('%s is a %s', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it('follows the computer only when the settings say "system"', () => {
    expect(resolveTimeZone('system', 'Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(resolveTimeZone('Europe/London', 'Asia/Kolkata')).toBe('Europe/London');
    expect(resolveTimeZone('system')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
