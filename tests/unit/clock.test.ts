import { describe, expect, it } from 'vitest';
import { clockHour, clockOf, clockTime, hhmm, isHour12, minutesOfClock, pad2, parseClockTime, shortDate } from '@/utils/clock';
import { CLOCK_24H } from './clocks';
import { en } from './english';
import spanish from '../../locales/es/messages.json';
import french from '../../locales/fr/messages.json';
import { translator } from '../../utils/i18n';

// Some ICU versions write a narrow no-break space before AM/PM: compare as a reader sees it.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const at = (h: number, m = 0) => h * 60 + m;

describe('the settings document’s HH:MM', () => {
  it('writes minutes after midnight as HH:MM', () => {
    expect(hhmm(0)).toBe('00:00');
    expect(hhmm(at(7, 5))).toBe('07:05');
    expect(hhmm(at(23, 59))).toBe('23:59');
    // A range's end may be the end of the day.
    expect(hhmm(1440)).toBe('24:00');
  });

  it('reads HH:MM back to the same minutes', () => {
    for (const m of [0, 1, 59, 60, 450, 1439, 1440]) expect(minutesOfClock(hhmm(m))).toBe(m);
  });

  it('pads to two digits and writes a short date', () => {
    expect(pad2(7)).toBe('07');
    expect(pad2(12)).toBe('12');
    expect(shortDate(en, '2026-01-05')).toBe('5 Jan');
    expect(shortDate(en, '2026-12-31')).toBe('31 Dec');
  });

  it("writes the month of a short date in the browser's language", () => {
    expect(shortDate(translator(spanish), '2026-08-05')).toBe('5 ago');
    expect(shortDate(translator(french), '2026-12-31')).toBe('31 déc.');
  });
});

describe('the one formatter, in the clinician’s clock', () => {
  const write = (minutes: number, choice: 'locale' | '12h' | '24h', locale: string) => plain(clockTime(minutes, clockOf(choice, locale)));

  it('follows the browser language when the clock is left to it', () => {
    expect(write(at(17), 'locale', 'en-US')).toBe('5:00 PM');
    expect(write(at(17), 'locale', 'en-GB')).toBe('17:00');
    expect(write(at(17), 'locale', 'fr')).toBe('17:00');
    expect(write(at(17), 'locale', 'fr-CA')).toBe('17 h 00');
    expect(write(at(7, 5), 'locale', 'en-US')).toBe('7:05 AM');
    expect(write(at(7, 5), 'locale', 'en-GB')).toBe('07:05');
    expect(isHour12(clockOf('locale', 'en-US'))).toBe(true);
    expect(isHour12(clockOf('locale', 'en-GB'))).toBe(false);
    expect(isHour12(clockOf('locale', 'fr'))).toBe(false);
  });

  it('writes 24 hours when the clinician chooses it, whatever the language', () => {
    expect(write(at(17), '24h', 'en-US')).toBe('17:00');
    expect(write(at(7, 5), '24h', 'en-US')).toBe('07:05');
    expect(write(at(17), '24h', 'en-GB')).toBe('17:00');
    expect(write(at(17), '24h', 'fr')).toBe('17:00');
    expect(isHour12(clockOf('24h', 'en-US'))).toBe(false);
  });

  it('writes 12 hours when the clinician chooses it, in the language’s words', () => {
    expect(write(at(17), '12h', 'en-US')).toBe('5:00 PM');
    expect(write(at(17), '12h', 'en-GB')).toBe('5:00 pm');
    expect(write(at(9, 30), '12h', 'en-GB')).toBe('9:30 am');
    expect(write(at(17), '12h', 'fr')).toMatch(/^5:00 PM$/i);
    expect(isHour12(clockOf('12h', 'fr'))).toBe(true);
  });

  it('writes midnight and noon', () => {
    expect(write(0, 'locale', 'en-US')).toBe('12:00 AM');
    expect(write(at(12), 'locale', 'en-US')).toBe('12:00 PM');
    expect(write(0, '24h', 'en-US')).toBe('00:00');
    expect(write(at(12), '24h', 'en-US')).toBe('12:00');
    expect(write(0, 'locale', 'en-GB')).toBe('00:00');
    expect(write(at(12), 'locale', 'fr')).toBe('12:00');
  });

  it('writes a range ending at midnight as 24:00 on a 24-hour clock and 12:00 AM on a 12-hour one', () => {
    expect(write(1440, 'locale', 'en-GB')).toBe('24:00');
    expect(write(1440, '24h', 'en-US')).toBe('24:00');
    expect(write(1440, 'locale', 'fr')).toBe('24:00');
    expect(write(1440, 'locale', 'fr-CA')).toBe('24 h 00');
    expect(write(1440, 'locale', 'en-US')).toBe('12:00 AM');
  });

  it('writes both ends of an overnight range', () => {
    const range = (choice: 'locale' | '24h', locale: string) => `${write(at(22), choice, locale)}–${write(at(2, 30), choice, locale)}`;
    expect(range('locale', 'en-US')).toBe('10:00 PM–2:30 AM');
    expect(range('locale', 'en-GB')).toBe('22:00–02:30');
    expect(range('24h', 'en-US')).toBe('22:00–02:30');
  });

  it('writes a scale’s hours in the same clock', () => {
    const us = clockOf('locale', 'en-US');
    expect([0, 6, 12, 18, 24].map((h) => plain(clockHour(h, us)))).toEqual(['12 AM', '6 AM', '12 PM', '6 PM', '12 AM']);
    expect([0, 6, 12, 18, 24].map((h) => clockHour(h, CLOCK_24H))).toEqual(['00', '06', '12', '18', '24']);
  });
});

describe('a time as a person types it', () => {
  const us = clockOf('locale', 'en-US');
  const read = (text: string, clock = us) => parseClockTime(text, clock);

  it('reads 24-hour and 12-hour spellings alike', () => {
    for (const text of ['17:00', '5:00 PM', '5:00pm', '5 pm', '5pm', '5 p.m.', '5:00\u202fPM', '17h00', '17 h 00', '1700', '17.00', '17']) {
      expect(read(text), text).toBe(at(17));
    }
    expect(read('9:30 am')).toBe(at(9, 30));
    expect(read('09:30')).toBe(at(9, 30));
  });

  it('reads midnight, noon and 24:00', () => {
    expect(read('12:00 AM')).toBe(0);
    expect(read('12 pm')).toBe(at(12));
    expect(read('00:00')).toBe(0);
    expect(read('24:00')).toBe(1440);
  });

  it('reads the language’s own words for morning and afternoon', () => {
    expect(read('5 h 00 p.m.', clockOf('locale', 'fr-CA'))).toBe(at(17));
    expect(read('午後5:00', clockOf('12h', 'ja'))).toBe(at(17));
  });

  it('refuses what is no time of day', () => {
    for (const text of ['', 'five', '25:00', '24:30', '17:60', '13 pm', '0 am', '5:0', '17:00:00', 'pm']) expect(read(text), text).toBeNull();
  });

  it('reads back whatever the formatter writes, in every clock', () => {
    for (const locale of ['en-US', 'en-GB', 'fr', 'fr-CA', 'es']) {
      for (const choice of ['locale', '12h', '24h'] as const) {
        const clock = clockOf(choice, locale);
        for (const m of [0, 1, at(9, 5), at(12), at(12, 30), at(17), at(23, 59)])
          expect(parseClockTime(clockTime(m, clock), clock), `${locale} ${choice} ${m}`).toBe(m);
      }
    }
  });
});
