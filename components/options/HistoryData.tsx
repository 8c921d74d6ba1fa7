/** The local after-hours history: export it as CSV, or clear it (with a confirmation). */
import { useState } from 'preact/hooks';
import type { HistoryEvent } from '@/utils/history-events';
import { CSV_COLUMNS, historyCsv } from '@/utils/history-csv';

export interface HistoryDataProps {
  /** Every event kept, oldest first. */
  readAll(): Promise<HistoryEvent[]>;
  clear(): Promise<void>;
  download(filename: string, text: string, type: string): void;
  today: string;
  timeZone: string;
}

export function HistoryData({ readAll, clear, download, today, timeZone }: HistoryDataProps) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const fail = (what: string) => (error: unknown) => setMessage(`${what} (${error instanceof Error ? error.message : String(error)}).`);

  const exportCsv = () =>
    readAll().then((events) => {
      download(`clocked-out-history-${today}.csv`, historyCsv(events, timeZone, Date.now()), 'text/csv');
      setMessage(events.length === 1 ? 'Exported 1 event.' : `Exported ${events.length} events.`);
    }, fail('The history could not be read'));

  return (
    <div class="history-data">
      <h3>After-hours history</h3>
      <p class="hint">
        Kept on this computer only, for a year: when exceptions started and ended, visits turned away, days off, the minutes a work site was in the foreground
        after hours — site names, never addresses.
      </p>
      <details>
        <summary>What each column of the CSV file holds</summary>
        <dl class="csv-columns">
          {CSV_COLUMNS.map(([name, meaning]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </details>
      <div class="data-actions">
        <button type="button" class="quiet" onClick={() => void exportCsv()}>
          Export history (CSV)
        </button>
        {!confirming && (
          <button type="button" class="warn" onClick={() => setConfirming(true)}>
            Clear history…
          </button>
        )}
      </div>
      {confirming && (
        <div class="confirm" role="group" aria-label="Confirm clearing the history">
          <p>Delete the whole after-hours history on this computer? This cannot be undone; your settings stay.</p>
          <button
            type="button"
            class="warn"
            autoFocus
            onClick={() => {
              setConfirming(false);
              void clear().then(() => setMessage('The history is cleared.'), fail('The history could not be cleared'));
            }}
          >
            Clear history
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      <p class="status" role="status">
        {message}
      </p>
    </div>
  );
}
