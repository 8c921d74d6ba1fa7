/** The coming week as the guard will see it: in words, and as a grid of days. */
import { t } from '@/stores/i18n';
import { clockHour } from '@/utils/clock';
import { pageClock } from '../clock';
import type { Settings } from '@/utils/settings';
import { weekGrid, weekPreview } from '@/utils/week-preview';
import '@/components/time-scale.css';

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;
const HOURS = [0, 6, 12, 18, 24];

export interface WeekPreviewProps {
  settings: Settings;
  now: number;
  /** The resolved IANA zone (never "system"). */
  timeZone: string;
}

export function WeekPreview({ settings, now, timeZone }: WeekPreviewProps) {
  const clock = pageClock(settings.clock);
  const lines = weekPreview(t, settings, now, timeZone, clock);
  const grid = weekGrid(t, settings, now, timeZone);
  return (
    <div class="preview">
      <h3 id="preview-words">{t('comingWeek')}</h3>
      <ul class="preview-lines" aria-labelledby="preview-words" aria-live="polite">
        {lines.map((line) => (
          <li key={line.start} class={`line-${line.kind}`}>
            {line.text}
          </li>
        ))}
      </ul>
      {/* The grid repeats the words above for the eye; assistive technology reads the list. */}
      <div class="grid" aria-hidden="true">
        <div class="grid-scale time-scale">
          {HOURS.map((h) => (
            <span key={h} style={{ left: percent(h / 24) }}>
              {clockHour(h, clock)}
            </span>
          ))}
        </div>
        {grid.map((day) => (
          <div class="grid-row" key={day.date}>
            <span class="grid-day">{day.label}</span>
            <span class="grid-track" title={day.dayOff ?? undefined}>
              {day.dayOff && <span class="grid-dayoff">{day.dayOff}</span>}
              {day.spans.map((span) => (
                <span key={span.from} class="grid-work" style={{ left: percent(span.from), width: percent(span.to - span.from) }} />
              ))}
              {day.now !== null && <span class="grid-now" style={{ left: percent(day.now) }} />}
            </span>
          </div>
        ))}
        <p class="grid-legend">
          <span class="swatch work" /> {t('lgWork')} <span class="swatch off" /> {t('lgOff')} <span class="swatch now" /> {t('lgNow')}
        </p>
      </div>
    </div>
  );
}
