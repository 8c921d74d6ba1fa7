/** The local after-hours history: export it as CSV, or clear it (with a confirmation). */
import { plural, type MessageKey } from '@/utils/i18n';
import { t } from '@/stores/i18n';
import { useState } from 'preact/hooks';
import type { HistoryEvent } from '@/utils/history-events';
import { historyCsv } from '@/utils/history-csv';

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
      download(`clocked-out-history-${today}.csv`, historyCsv(events, timeZone), 'text/csv');
      setMessage(plural(t, events.length, 'exported_one', 'exported_other'));
    }, fail('historyUnreadable'));

  return (
    <div class="history-data">
      <h3>{t('historyTitle')}</h3>
      <p class="hint">{t('historyHint')}</p>
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
