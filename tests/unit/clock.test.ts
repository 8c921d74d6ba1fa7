import { describe, expect, it } from 'vitest';
import { clockTime, minutesOfClock, pad2, shortDate } from '@/utils/clock';

describe('the one wall-clock formatter', () => {
  it('writes minutes after midnight as HH:MM, the settings document’s form', () => {
    expect(clockTime(0)).toBe('00:00');
    expect(clockTime(7 * 60 + 5)).toBe('07:05');
    expect(clockTime(23 * 60 + 59)).toBe('23:59');
    // A range's end may be the end of the day.
    expect(clockTime(1440)).toBe('24:00');
  });

  it('reads HH:MM back to the same minutes', () => {
    for (const m of [0, 1, 59, 60, 450, 1439, 1440]) expect(minutesOfClock(clockTime(m))).toBe(m);
  });

  it('pads to two digits and writes a short date', () => {
    expect(pad2(7)).toBe('07');
    expect(pad2(12)).toBe('12');
    expect(shortDate('2026-01-05')).toBe('5 Jan');
    expect(shortDate('2026-12-31')).toBe('31 Dec');
  });
});
