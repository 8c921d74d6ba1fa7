import { useState } from 'preact/hooks';
import { t } from '@/stores/i18n';

export interface ClockOutProps {
  /** `take` offers "Clock out now", `undo` offers to go back to work. */
  choice: 'take' | 'undo';
  /** Each resolves to an error message, or null when done. */
  onTake(): Promise<string | null>;
  onUndo(): Promise<string | null>;
}

/** "Clock out now" and its undo: the rest of today's work given back, at once, like "Take today off". */
export function ClockOut({ choice, onTake, onUndo }: ClockOutProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(await action());
    setBusy(false);
  };
  return (
    <div class="today-off">
      {choice === 'take' ? (
        <button type="button" disabled={busy} onClick={() => run(onTake)}>
          {t('clockOutNow')}
        </button>
      ) : (
        <button type="button" disabled={busy} onClick={() => run(onUndo)}>
          {t('clockOutUndo')}
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
