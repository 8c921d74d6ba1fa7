import { ErrorAlert, useAction } from './Action';
import { type Clock, pad2 } from '@/utils/clock';
import { describeInstant } from '@/utils/describe';
import type { Exception, Site } from '@/utils/types';
import { SECOND } from '@/utils/zoned-time';
import { scopeWords } from '@/utils/crisis';
import { t } from '@/stores/i18n';
import { plural } from '@/utils/i18n';

export interface CrisisCountdownProps {
  exception: Exception;
  sites: readonly Site[];
  now: number;
  timeZone: string;
  clock: Clock;
  /** Each resolves to an error message, or null when done. */
  onExtend(id: string, minutes: number): Promise<string | null>;
  onEnd(id: string): Promise<string | null>;
}

/** The time left, "29:41" or "1:05:03", and the same in words. */
export function timeLeft(ms: number): { clock: string; words: string } {
  const total = Math.max(0, Math.ceil(ms / SECOND));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const clock = h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
  const words = [
    h && plural(t, h, 'hours_one', 'hours_other'),
    m && plural(t, m, 'minutes_one', 'minutes_other'),
    plural(t, s, 'seconds_one', 'seconds_other'),
  ];
  return { clock, words: t('left', words.filter(Boolean).join(' ')) };
}

/** A running crisis exception: what is open, a live countdown, "Add 15 minutes" and "End now". */
export function CrisisCountdown({ exception, sites, now, timeZone, clock, onExtend, onEnd }: CrisisCountdownProps) {
  const { busy, error, run: act } = useAction();
  const left = timeLeft(exception.endsAt - now);
  return (
    <div class="running" role="group" aria-label={t('crRunning')}>
      <p>
        {t(
          'openUntil',
          scopeWords(t, exception.scope, sites).replace(/^./, (c) => c.toUpperCase()),
          describeInstant(t, exception.endsAt, now, timeZone, clock),
        )}
      </p>
      <p class="countdown" role="timer" aria-label={left.words}>
        {left.clock}
      </p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => act(() => onExtend(exception.id, 15))}>
          {t('add15')}
        </button>
        <button type="button" class="primary" disabled={busy} onClick={() => act(() => onEnd(exception.id))}>
          {t('endNow')}
        </button>
      </div>
      <ErrorAlert message={error} />
    </div>
  );
}
