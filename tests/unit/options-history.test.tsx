// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { historyCsv } from '../../utils/history-csv';
import { HistoryData, type HistoryDataProps } from '../../components/options/HistoryData';
import type { HistoryEvent } from '../../utils/history-events';
import { toInstant } from '../../utils/zoned-time';

afterEach(cleanup);

const ZONE = 'America/Chicago';
const at = (date: string, hh: number, mm = 0) => toInstant(date, hh * 60 + mm, ZONE);
const EVENTS: HistoryEvent[] = [
  { at: at('2026-11-24', 21, 5), kind: 'exceptionEnded', site: 'simplepractice', category: 'ehr', minutes: 15 },
  { at: at('2026-11-24', 20, 50), kind: 'exceptionStarted', site: 'simplepractice', category: 'ehr', minutes: 30 },
  // Used for 4.345 minutes from 21:01, the last 20 s of them after it ended (the site blocked again).
  { at: at('2026-11-24', 21, 1), kind: 'usage', site: 'simplepractice', category: 'ehr', minutes: 4.345 },
  { at: at('2026-11-25', 19, 0), kind: 'blockedVisit', site: 'custom:ehr.example-clinic.org', category: 'ehr', minutes: 0 },
  { at: at('2026-11-26', 0, 0), kind: 'dayOff', site: null, category: null, minutes: 0 },
];

describe('historyCsv', () => {
  it('writes one line per event, oldest first, in local time, with site names only', () => {
    expect(historyCsv(EVENTS, ZONE).split('\r\n')).toEqual([
      'date,time,event,site,category,minutes,planned minutes,actual minutes,minutes used',
      '2026-11-24,20:50,exception started,simplepractice,ehr,30,30,15,4',
      '2026-11-24,21:01,foreground use,simplepractice,ehr,4.3,,,',
      '2026-11-24,21:05,exception ended,simplepractice,ehr,15,,,',
      '2026-11-25,19:00,blocked visit,ehr.example-clinic.org,ehr,0,,,',
      '2026-11-26,00:00,day off,all work sites,,0,,,',
      '',
    ]);
  });

  it('quotes and defuses what a spreadsheet would misread', () => {
    const odd: HistoryEvent = { at: at('2026-11-24', 9), kind: 'blockedVisit', site: '=cmd,"x"', category: 'ehr', minutes: 0 };
    expect(historyCsv([odd], ZONE).split('\r\n')[1]).toBe(`2026-11-24,09:00,blocked visit,"'=cmd,""x""",ehr,0,,,`);
  });
});

describe('the history buttons', () => {
  function view() {
    const props: HistoryDataProps = {
      readAll: vi.fn(async () => EVENTS),
      clear: vi.fn(async () => undefined),
      download: vi.fn(),
      today: '2026-11-26',
      timeZone: ZONE,
    };
    render(<HistoryData {...props} />);
    return props;
  }

  it('exports the history as a dated CSV file', async () => {
    const props = view();
    fireEvent.click(await screen.findByRole('button', { name: 'Export history (CSV)' }));
    expect(await screen.findByText('Exported 5 events.')).toBeTruthy();
    expect(props.download).toHaveBeenCalledWith('clocked-out-history-2026-11-26.csv', historyCsv(EVENTS, ZONE, Date.now()), 'text/csv');
  });

  it('clears only after a confirmation', async () => {
    const props = view();
    fireEvent.click(await screen.findByRole('button', { name: 'Clear history…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(props.clear).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Clear history…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    expect(await screen.findByText('The history is cleared.')).toBeTruthy();
    expect(props.clear).toHaveBeenCalledTimes(1);
  });
});
