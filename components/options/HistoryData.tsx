/** The local after-hours history: export it as CSV, or clear it (with a confirmation). */
import { plural, type MessageKey } from '@/utils/i18n';
import { t } from '@/stores/i18n';
import { useState } from 'preact/hooks';
import type { HistoryEvent } from '@/utils/history-events';
import { CSV_COLUMNS, historyCsv } from '@/utils/history-csv';

/** What each CSV column holds, in the browser's language; the column names stay as the file writes them. */
const CSV_MEANINGS: Readonly<Record<string, MessageKey>> = {
  date: 'csvDate',
  time: 'csvTime',
  event: 'csvEvent',
  site: 'csvSite',
  category: 'csvCategory',
  minutes: 'csvMinutes',
  'planned minutes': 'csvPlanned',
  'actual minutes': 'csvActual',
  'minutes used': 'csvUsed',
};

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
  const fail = (what: MessageKey) => (error: unknown) => setMessage(t(what, error instanceof Error ? error.message : String(error)));

  const exportCsv = () =>
    readAll().then((events) => {
      download(`clocked-out-history-${today}.csv`, historyCsv(events, timeZone, Date.now()), 'text/csv');
      setMessage(plural(t, events.length, 'exported_one', 'exported_other'));
    }, fail('historyUnreadable'));

  return (
    <div class="history-data">
      <h3>{t('historyTitle')}</h3>
      <p class="hint">{t('historyHint')}</p>
      <details>
        <summary>{t('csvColumns')}</summary>
        <dl class="csv-columns">
          {CSV_COLUMNS.map(([name, meaning]) => {
            const key = CSV_MEANINGS[name];
            return (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{key ? t(key, t('clockOutNow')) : meaning}</dd>
              </div>
            );
          })}
        </dl>
      </details>
      <div class="data-actions">
        <button type="button" class="quiet" onClick={() => void exportCsv()}>
          {t('exportHistory')}
        </button>
        {!confirming && (
          <button type="button" class="warn" onClick={() => setConfirming(true)}>
            {t('clearHistoryOpen')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="confirm" role="group" aria-label={t('clearConfirmLabel')}>
          <p>{t('clearQuestion')}</p>
          <button
            type="button"
            class="warn"
            autoFocus
            onClick={() => {
              setConfirming(false);
              void clear().then(() => setMessage(t('historyCleared')), fail('historyNotCleared'));
            }}
          >
            {t('clearHistory')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
      <p class="status" role="status">
        {message}
      </p>
    </div>
  );
}
