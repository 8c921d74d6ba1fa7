// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BalanceSection } from '../../components/options/BalanceSection';
import { balanceOf } from '../../utils/balance';
import type { HistoryEvent } from '../../utils/history-events';
import { defaultSettings } from '../../utils/settings';
import { toInstant } from '../../utils/zoned-time';

afterEach(cleanup);

const ZONE = 'America/Chicago';
const at = (date: string, hh: number) => toInstant(date, hh * 60, ZONE);
const ev = (kind: HistoryEvent['kind'], when: number, minutes: number): HistoryEvent => ({ at: when, kind, site: 'simplepractice', category: 'ehr', minutes });

describe('the Balance section', () => {
  it('draws 8 weeks with a table of the same figures, and this week by day', () => {
    const events = [
      ev('exceptionStarted', at('2026-12-01', 20), 30),
      ev('usage', at('2026-12-01', 20), 1),
      ev('exceptionEnded', toInstant('2026-12-01', 20 * 60 + 3, ZONE), 3),
      ev('usage', at('2026-11-24', 19), 45),
    ];
    const balance = balanceOf(events, { ...defaultSettings(), timeZone: ZONE }, { now: at('2026-12-03', 12), timeZone: ZONE });
    const { container } = render(<BalanceSection balance={balance} />);
    expect(screen.getByRole('img', { name: /After-hours minutes and time paid back, the last 8 weeks/ })).toBeTruthy();
    expect(container.querySelectorAll('.bar-after')).toHaveLength(8);
    expect(container.querySelectorAll('.mark-exception')).toHaveLength(1);
    const weeks = screen.getByRole('table', { name: 'The last 8 weeks' });
    const rows = within(weeks)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toHaveLength(9);
    expect(rows.at(-2)).toBe('23 Nov45 min0 of 50 min45 min');
    expect(rows.at(-1)).toBe('30 Nov1 min1 of 50 min46 min');
    const days = within(screen.getByRole('table', { name: 'This week by day' }))
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(days.slice(1, 3)).toEqual(['Mon 30 Nov0 min', 'Tue 1 Dec1 min']);
    expect(screen.getByText(/^Owed to you now: 46 min/)).toBeTruthy();
  });
});
