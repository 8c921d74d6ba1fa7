import { t } from '@/stores/i18n';
import { ErrorAlert, useAction } from './Action';

export interface TodayOffProps {
  /** `take` offers "Take today off", `undo` offers to give the day back. */
  choice: 'take' | 'undo';
  /** Each resolves to an error message, or null when done. */
  onTake(): Promise<string | null>;
  onUndo(): Promise<string | null>;
}

/** "Take today off" and its undo: the change applies at once, so no confirmation is asked. */
export function TodayOff({ choice, onTake, onUndo }: TodayOffProps) {
  const { busy, error, run } = useAction();
  return (
    <div class="today-off">
      {choice === 'take' ? (
        <button type="button" disabled={busy} onClick={() => run(onTake)}>
          {t('takeToday')}
        </button>
      ) : (
        <button type="button" disabled={busy} onClick={() => run(onUndo)}>
          {t('undoToday')}
        </button>
      )}
      <ErrorAlert message={error} />
    </div>
  );
}
