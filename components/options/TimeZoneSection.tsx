/** Follow the computer's time zone (the default) or a chosen one, searchable by name. */
import { t } from '@/stores/i18n';
import { useEffect, useState } from 'preact/hooks';
import { errorsFor, FieldError, isLocked, LockedNote, type SectionProps } from './shared';

export interface TimeZoneProps extends SectionProps {
  /** The zone the browser reports for the computer. */
  systemTimeZone: string;
  /** IANA names to search (Intl.supportedValuesOf('timeZone')). */
  zones: readonly string[];
}

const isUtc = (zone: string) => /^(?:Etc\/)?(?:UTC|UCT|GMT|Universal|Zulu)(?:[+-]0)?$/i.test(zone);

/** Whether `zone` is a time zone the browser knows. */
function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function TimeZoneSection({ settings, update, locked, systemTimeZone, zones }: TimeZoneProps) {
  const [errors, setErrors] = useState<string[]>([]);
  const [choosing, setChoosing] = useState(settings.timeZone !== 'system');
  // A change made elsewhere (another options page, another computer) resets the choice shown here.
  useEffect(() => setChoosing(settings.timeZone !== 'system'), [settings.timeZone]);
  const followsSystem = settings.timeZone === 'system' && !choosing;
  const disabled = isLocked(locked, 'timeZone');

  const choose = async (zone: string) => {
    const name = zone.trim();
    if (!name) return setErrors([t('tzEnter')]);
    const match = zones.find((z) => z.toLowerCase() === name.toLowerCase()) ?? (knownZone(name) ? name : null);
    if (!match) return setErrors([t('tzUnknown', name)]);
    setErrors(errorsFor(await update((s) => ({ ...s, timeZone: match })), 'timeZone'));
  };

  const chosen = settings.timeZone === 'system' ? '' : settings.timeZone;
  return (
    <fieldset class="timezone" disabled={disabled}>
      <legend>{t('tzLegend')}</legend>
      {disabled && <LockedNote />}
      <label class="choice">
        <input
          type="radio"
          name="tz-mode"
          checked={followsSystem}
          onChange={() => {
            setChoosing(false);
            setErrors([]);
            void update((s) => ({ ...s, timeZone: 'system' }));
          }}
        />
        {t('tzFollow')} <span class="hint">{t('tzNow', systemTimeZone)}</span>
      </label>
      <label class="choice">
        <input type="radio" name="tz-mode" checked={!followsSystem} onChange={() => setChoosing(true)} />
        {t('tzAlways')}
      </label>
      {!followsSystem && (
        <div class="field">
          <label for="tz-input">{t('tzField')}</label>
          <input
            id="tz-input"
            list="tz-list"
            key={chosen}
            defaultValue={chosen}
            placeholder={t('tzPlaceholder')}
            autoComplete="off"
            aria-invalid={errors.length > 0 || undefined}
            aria-describedby={errors.length ? 'tz-error' : undefined}
            onChange={(e) => void choose(e.currentTarget.value)}
          />
          <datalist id="tz-list">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <FieldError id="tz-error" messages={errors} />
        </div>
      )}
      {isUtc(systemTimeZone) && !(settings.timeZone !== 'system' && isUtc(settings.timeZone)) && (
        <p class="warning" role="note">
          {settings.timeZone === 'system' ? t('utcSystem') : t('utcChosen', settings.timeZone)}
        </p>
      )}
    </fieldset>
  );
}
