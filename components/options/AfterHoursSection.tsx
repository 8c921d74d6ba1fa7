/** The after-hours auto-reply or voicemail script, with the next opening filled in and a copy button. */
import { t } from '@/stores/i18n';
import { useState } from 'preact/hooks';
import { fillAfterHoursMessage, NEXT_PLACEHOLDER, templateIn } from '@/utils/after-hours-message';
import { pageClock } from '../clock';
import { FieldError, isLocked, LockedNote, type SectionProps } from './shared';

export interface AfterHoursProps extends SectionProps {
  /** The next opening (epoch ms), or null when no work lies ahead. */
  nextOpening: number | null;
  now: number;
  timeZone: string;
  /** Puts text on the clipboard. */
  copy(text: string): Promise<void>;
}

export function AfterHoursSection({ settings, update, locked, nextOpening, now, timeZone, copy }: AfterHoursProps) {
  const [errors, setErrors] = useState<string[]>([]);
  const [copied, setCopied] = useState('');
  const disabled = isLocked(locked, 'afterHoursMessage');
  // The default template reads in the browser's language; edited, it is the clinician's own.
  const template = templateIn(t, settings.afterHoursMessage);
  const filled = fillAfterHoursMessage(t, template, nextOpening, now, timeZone, pageClock(settings.clock));

  const save = async (text: string) => {
    if (text === template) return;
    const result = await update((s) => ({ ...s, afterHoursMessage: text }));
    setErrors(result.map((m) => (m.startsWith('afterHoursMessage: ') ? t('theMessage', m.slice('afterHoursMessage: '.length)) : m)));
  };
  const copyIt = async () => {
    try {
      await copy(filled);
      setCopied(t('copied'));
    } catch (error) {
      setCopied(t('notCopied', error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <div class="afterhours">
      <div class="field">
        <label for="ahm-template">
          {t('ahmTemplate')} <span class="hint">{t('ahmPlaceholder', NEXT_PLACEHOLDER)}</span>
        </label>
        <textarea
          id="ahm-template"
          rows={4}
          maxLength={2000}
          key={template}
          defaultValue={template}
          disabled={disabled}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={errors.length ? 'ahm-error' : undefined}
          onBlur={(e) => void save(e.currentTarget.value)}
        />
        {disabled && <LockedNote />}
        <FieldError id="ahm-error" messages={errors} />
      </div>
      <h3 id="ahm-filled-title">{t('ahmNow')}</h3>
      <blockquote class="filled" id="ahm-filled" aria-labelledby="ahm-filled-title">
        {filled}
      </blockquote>
      <button type="button" onClick={() => void copyIt()}>
        {t('ahmCopy')}
      </button>
      <p class="status" role="status">
        {copied}
      </p>
    </div>
  );
}
