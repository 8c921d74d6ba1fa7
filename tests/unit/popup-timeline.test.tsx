// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOCK_24H } from './clocks';
import { dayShape } from '../../utils/day-shape';
import { DayTimeline } from '../../components/DayTimeline';
import type { Exception } from '../../utils/types';
import { MINUTE } from '../../utils/zoned-time';
import { at, settingsWith, WEEK, ZONE } from './popup-fixtures';
import { en } from './english';

// A clinician who chose the 24-hour clock (the browser of these tests, like Node, says en-US).
const settings24h = (doc: Parameters<typeof settingsWith>[0] = {}) => settingsWith({ clock: '24h', ...doc });

afterEach(cleanup);

const spans = (container: Element, kind: string) =>
  [...container.querySelectorAll<HTMLElement>(`.timeline-${kind}`)].map((el) => [el.style.left, el.style.width]);

describe('the day timeline', () => {
  it("draws today's ranges on a 24-hour bar with a now marker, and says the same in words", async () => {
    const { container } = render(<DayTimeline settings={settings24h({ week: WEEK })} now={at('2026-11-30 12:45')} timeZone={ZONE} />);
    expect(await screen.findByText('Work today, Mon 30 Nov: 09:00–12:30 and 13:30–17:00. Now 12:45.')).toBeTruthy();
    expect(spans(container, 'work')).toEqual([
      ['37.500%', '14.583%'],
      ['56.250%', '14.583%'],
    ]);
    expect(container.querySelector<HTMLElement>('.timeline-now')?.style.left).toBe('53.125%');
    // The picture is hidden from screen readers; the sentence is what they read.
    expect(container.querySelector('.timeline-bar')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('writes its times and its scale in the browser language’s clock, 12-hour in US English', async () => {
    const { container } = render(<DayTimeline settings={settingsWith({ week: WEEK })} now={at('2026-11-30 12:45')} timeZone={ZONE} />);
    expect(await screen.findByText('Work today, Mon 30 Nov: 9:00 AM–12:30 PM and 1:30 PM–5:00 PM. Now 12:45 PM.')).toBeTruthy();
    expect([...container.querySelectorAll('.timeline-ticks span')].map((t) => t.textContent)).toEqual(['12 AM', '6 AM', '12 PM', '6 PM', '12 AM']);
  });

  it("shows the tail of last night's overnight range, and where tonight's runs to", async () => {
    const nights = settings24h({ week: { mon: [['22:00', '06:00']], tue: [['22:00', '06:00']], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    const { container } = render(<DayTimeline settings={nights} now={at('2026-12-01 08:00')} timeZone={ZONE} />);
    expect(await screen.findByText('Work today, Tue 1 Dec: 00:00–06:00 (from last night) and 22:00–24:00 (until tomorrow 06:00). Now 08:00.')).toBeTruthy();
    expect(spans(container, 'work')).toEqual([
      ['0.000%', '25.000%'],
      ['91.667%', '8.333%'],
    ]);
  });

  it('says so on a day off and on a day without work', async () => {
    const off = settings24h({ week: WEEK, timeOff: [{ from: '2026-11-30', to: '2026-11-30' }] });
    const { container } = render(<DayTimeline settings={off} now={at('2026-11-30 10:00')} timeZone={ZONE} />);
    expect(await screen.findByText('Today, Mon 30 Nov, is a day off. Now 10:00.')).toBeTruthy();
    expect(spans(container, 'work')).toEqual([]);
    cleanup();
    render(<DayTimeline settings={settings24h({ week: WEEK })} now={at('2026-12-05 10:00')} timeZone={ZONE} />);
    expect(await screen.findByText('No work hours today, Sat 5 Dec. Now 10:00.')).toBeTruthy();
  });

  it('marks a running crisis exception, in the picture and in words', async () => {
    const now = at('2026-11-30 20:00');
    const exception: Exception = { id: 'c', kind: 'crisis', scope: { type: 'all' }, startedAt: now - 10 * MINUTE, endsAt: now + 20 * MINUTE };
    const { container } = render(<DayTimeline settings={settings24h({ week: WEEK })} now={now} timeZone={ZONE} exceptions={[exception]} />);
    expect(await screen.findByText(/Crisis exception 19:50–20:20\. Now 20:00\.$/)).toBeTruthy();
    expect(spans(container, 'exception')).toHaveLength(1);
  });

  it('spaces the day by its real length on a daylight-saving day (23 hours in spring)', () => {
    // Chicago springs forward on Sunday 2026-03-08 at 02:00.
    const day = dayShape(en, settings24h({ week: { sun: [['09:00', '17:00']] } }), at('2026-03-08 12:00'), ZONE, CLOCK_24H);
    expect(day.work[0]?.from).toBeCloseTo(8 / 23);
    expect(day.ticks.map((t) => t.at.toFixed(3))).toEqual([0, 5 / 23, 11 / 23, 17 / 23, 1].map((f) => f.toFixed(3)));
    expect(day.text).toBe('Work today, Sun 8 Mar: 09:00–17:00. Now 12:00.');
  });
});
