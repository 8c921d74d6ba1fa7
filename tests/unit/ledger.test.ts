import { describe, expect, it } from 'vitest';
import { weekBounds, weekStart } from '../../utils/ledger';
import { toInstant } from '../../utils/zoned-time';

const ZONE = 'America/Los_Angeles';
const at = (date: string, time = '20:00') => toInstant(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)), ZONE);
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
