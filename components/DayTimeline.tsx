import type { Settings } from '@/utils/settings';
import type { Exception } from '@/utils/types';
import { dayShape } from '@/utils/day-shape';
import { t } from '@/stores/i18n';
import './time-scale.css';
import { pageClock } from './clock';

export interface DayTimelineProps {
  settings: Settings;
  now: number;
  timeZone: string;
  exceptions?: readonly Exception[];
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/**
 * Today on a 24-hour bar: work ranges (and the tail of last night's), running crisis exceptions,
 * and a now marker. The bar is a picture; the sentence under it says the same in words.
 */
export function DayTimeline({ settings, now, timeZone, exceptions = [] }: DayTimelineProps) {
  const day = dayShape(t, settings, now, timeZone, pageClock(settings.clock), exceptions);
  return (
    <section class="timeline" aria-label={t('today')}>
      <div class="timeline-bar" aria-hidden="true">
        {day.work.map((s) => (
          <span key={`w${s.from}`} class="timeline-work" style={{ left: percent(s.from), width: percent(s.to - s.from) }} />
        ))}
        {day.exceptions.map((s) => (
          <span key={`e${s.from}`} class="timeline-exception" style={{ left: percent(s.from), width: percent(s.to - s.from) }} />
        ))}
        <span class="timeline-now" style={{ left: percent(day.now) }} />
      </div>
      <div class="timeline-ticks time-scale" aria-hidden="true">
        {day.ticks.map((tick) => (
          <span key={tick.label} style={{ left: percent(tick.at) }}>
            {tick.label}
          </span>
        ))}
      </div>
      <p class="timeline-text">{day.text}</p>
    </section>
  );
}
