// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOCK_24H } from './clocks';
import { StatusLine } from '../../components/StatusLine';
import { decide } from '../../utils/policy';
import type { Settings } from '../../utils/settings';
import type { Exception } from '../../utils/types';
import { MINUTE } from '../../utils/zoned-time';
import { at, settingsWith, WEEK, ZONE } from './popup-fixtures';

afterEach(cleanup);

async function heading(settings: Settings, now: number, timeZone = ZONE, exceptions: Exception[] = []) {
  render(<StatusLine decision={decide(settings, now, timeZone, { exceptions })} now={now} timeZone={timeZone} clock={CLOCK_24H} />);
  return (await screen.findByRole('heading', { level: 1 })).textContent;
}

const crisis = (now: number, minutes: number): Exception => ({
  id: 'c',
  kind: 'crisis',
  scope: { type: 'all' },
  startedAt: now - MINUTE,
  endsAt: now + minutes * MINUTE,
});

// Monday 2026-11-30 … Sunday 2026-12-06 in Chicago.
describe('the status line', () => {
  const week = settingsWith({ week: WEEK });

  it.each([
    ['clocked in', '2026-11-30 10:00', 'Clocked in until 12:30'],
    ['on a break', '2026-11-30 12:45', 'On a break until 13:30'],
    ['clocked out for the evening', '2026-11-30 18:00', 'Clocked out — back tomorrow 09:00'],
    ['clocked out for the weekend', '2026-12-04 16:00', 'Clocked out — back Mon 09:00'],
    ['before work in the morning', '2026-12-01 07:30', 'Clocked out — back 09:00'],
  ])('%s: at %s it reads "%s"', async (_name, now, words) => {
    expect(await heading(week, at(now))).toBe(words);
  });

  it('says "Day off" and when work is back on a day off', async () => {
    const settings = settingsWith({ week: WEEK, timeOff: [{ from: '2026-11-30', to: '2026-11-30', label: '' }] });
    expect(await heading(settings, at('2026-11-30 10:00'))).toBe('Day off — back tomorrow 09:00');
  });

  it('counts down a crisis exception after hours, and a wrap-up', async () => {
    const now = at('2026-11-30 20:00');
    expect(await heading(week, now, ZONE, [crisis(now, 23)])).toBe('Crisis exception — 23 min left');
    cleanup();
    expect(await heading(week, now, ZONE, [{ ...crisis(now, 4), kind: 'wrapUp' }])).toBe('Wrapping up — 4 min left');
  });

  it('follows an overnight shift past midnight', async () => {
    const nights = settingsWith({ week: { mon: [['22:00', '06:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    expect(await heading(nights, at('2026-11-30 23:00'))).toBe('Clocked in until tomorrow 06:00');
    cleanup();
    expect(await heading(nights, at('2026-12-01 02:00'))).toBe('Clocked in until 06:00');
    cleanup();
    expect(await heading(nights, at('2026-12-01 07:00'))).toBe('Clocked out — back Mon 22:00');
  });

  it('stops an overnight shift at the midnight that begins a day off', async () => {
    const nights = settingsWith({ week: { mon: [['22:00', '06:00']], tue: [['22:00', '06:00']] }, timeOff: [{ from: '2026-12-01', to: '2026-12-01' }] });
    expect(await heading(nights, at('2026-11-30 23:00'))).toBe('Clocked in until tomorrow 00:00');
    cleanup();
    expect(await heading(nights, at('2026-12-01 02:00'))).toBe('Day off — back Mon 22:00');
  });

  it("reads the clock of the settings' time zone, not the computer's", async () => {
    const tokyo = settingsWith({ week: WEEK }, 'Asia/Tokyo');
    // 10:00 in Chicago on Monday is 01:00 on Tuesday in Tokyo: clocked out there until 09:00.
    expect(await heading(tokyo, at('2026-11-30 10:00'), 'Asia/Tokyo')).toBe('Clocked out — back 09:00');
  });

  it('says winding down in the last minutes of work, in words as well as colour', async () => {
    const settings = settingsWith({ week: WEEK, windDownMinutes: 10 });
    render(<StatusLine decision={decide(settings, at('2026-11-30 16:55'), ZONE)} now={at('2026-11-30 16:55')} timeZone={ZONE} clock={CLOCK_24H} />);
    expect(await screen.findByText(/Winding down/)).toBeTruthy();
  });
});
