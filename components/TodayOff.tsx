import { t } from '@/stores/i18n';
import { ErrorAlert, useAction } from './Action';

export interface TodayOffProps {
  /** `take` offers "Take today off", `undo` offers to give the day back. */
  choice: 'take' | 'undo';
  /** Each resolves to an error message, or null when done. */
  onTake(): Promise<string | null>;
  onUndo(): Promise<string | null>;
}

/** One change to today that applies at once, so no confirmation is asked, and its undo. */
export function TakeOrUndo({ choice, onTake, onUndo, take, undo }: TodayOffProps & { take: string; undo: string }) {
  const { busy, error, run } = useAction();
  return (
    <div class="today-off">
      <button type="button" disabled={busy} onClick={() => run(choice === 'take' ? onTake : onUndo)}>
        {choice === 'take' ? take : undo}
      </button>
      <ErrorAlert message={error} />
    </div>
  );
}

/** "Take today off" and its undo. */
export const TodayOff = (props: TodayOffProps) => <TakeOrUndo {...props} take={t('takeToday')} undo={t('undoToday')} />;

/** "Clock out now" and its undo: the rest of today's work given back, at once, like "Take today off". */
export const ClockOut = (props: TodayOffProps) => <TakeOrUndo {...props} take={t('clockOutNow')} undo={t('clockOutUndo')} />;
