/**
 * How every time is written (the settings' `clock`): as the browser's language writes it, or
 * always 12-hour or 24-hour. Each choice shows an example in its own clock (docs/ARCHITECTURE.md, "Time").
 */
import { useState } from 'preact/hooks';
import { t } from '@/stores/i18n';
import type { MessageKey } from '@/utils/i18n';
import { CLOCK_CHOICES, type ClockChoice, clockTime } from '@/utils/clock';
import { pageClock } from '../clock';
import { errorsFor, FieldError, isLocked, LockedNote, type SectionProps } from './shared';

const LABELS: Record<ClockChoice, MessageKey> = {
  locale: 'ckLocale',
  '12h': 'clockName_12h',
  '24h': 'clockName_24h',
};
// The example: the end of a usual working day.
const EXAMPLE = 17 * 60;

export function ClockSection({ settings, update, locked }: SectionProps) {
  const [errors, setErrors] = useState<string[]>([]);
  const disabled = isLocked(locked, 'clock');
  const choose = async (clock: ClockChoice) => setErrors(errorsFor(await update((s) => ({ ...s, clock })), 'clock'));
  return (
    <fieldset class="clock" disabled={disabled} aria-describedby={errors.length ? 'clock-error' : undefined}>
      <legend>{t('ckLegend')}</legend>
      {disabled && <LockedNote />}
      {CLOCK_CHOICES.map((choice) => (
        <label class="choice" key={choice}>
          <input type="radio" name="clock" value={choice} checked={settings.clock === choice} onChange={() => void choose(choice)} />
          {t(LABELS[choice])} <span class="hint">({clockTime(EXAMPLE, pageClock(choice))})</span>
        </label>
      ))}
      <FieldError id="clock-error" messages={errors} />
    </fieldset>
  );
}
