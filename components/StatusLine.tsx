import { t } from '@/stores/i18n';
import type { Clock } from '@/utils/clock';
import { statusLine } from '@/utils/describe';
import type { Decision } from '@/utils/policy';

export interface StatusLineProps {
  decision: Decision;
  now: number;
  timeZone: string;
  clock: Clock;
}

/** The kind of status, for styling; the words carry the meaning on their own. */
export function statusKind(decision: Decision): 'work' | 'break' | 'off' | 'timeOff' | 'crisis' | 'wrapUp' {
  if (decision.state !== 'work') {
    if (decision.activeExceptions.some((e) => e.kind === 'crisis')) return 'crisis';
    if (decision.activeExceptions.some((e) => e.kind === 'wrapUp')) return 'wrapUp';
  }
  return decision.state;
}

const SYMBOLS = { work: '●', break: '◐', off: '○', timeOff: '○', crisis: '!', wrapUp: '◔' } as const;

/** "Clocked in until 17:00", "Clocked out — back Mon 09:00" …, the page's heading. */
export function StatusLine({ decision, now, timeZone, clock }: StatusLineProps) {
  const kind = statusKind(decision);
  return (
    <div class={`status status-${kind}`}>
      <span class="status-symbol" aria-hidden="true">
        {SYMBOLS[kind]}
      </span>
      <div>
        <h1>{statusLine(t, decision, now, timeZone, clock)}</h1>
        {decision.windDown && kind === 'work' && <p class="status-note">{t('windingDown')}</p>}
      </div>
    </div>
  );
}
