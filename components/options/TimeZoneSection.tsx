/** Follow the computer's time zone (the default) or a chosen one, searchable by name. */
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
    if (!name) return setErrors(['Enter a time zone, such as America/New_York.']);
    const match = zones.find((z) => z.toLowerCase() === name.toLowerCase()) ?? (knownZone(name) ? name : null);
    if (!match) return setErrors([`"${name}" is not a time zone: pick one from the list, such as America/New_York.`]);
    setErrors(errorsFor(await update((s) => ({ ...s, timeZone: match })), 'timeZone'));
  };

  const chosen = settings.timeZone === 'system' ? '' : settings.timeZone;
  return (
    <fieldset class="timezone" disabled={disabled}>
      <legend>Which time your hours are in</legend>
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
        Follow this computer <span class="hint">(now {systemTimeZone})</span>
      </label>
      <label class="choice">
        <input type="radio" name="tz-mode" checked={!followsSystem} onChange={() => setChoosing(true)} />
        Always use this time zone
      </label>
      {!followsSystem && (
        <div class="field">
          <label for="tz-input">Time zone (type to search)</label>
          <input
            id="tz-input"
            list="tz-list"
            key={chosen}
            defaultValue={chosen}
            placeholder="e.g. America/Chicago"
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
          Your browser reports UTC as this computer's time zone. Privacy-hardened browsers do this on purpose
          {settings.timeZone === 'system'
            ? ': if you are not in UTC, choose your time zone above, or your hours will be off by your distance from UTC.'
            : `, so pages may show other times than Clocked Out, which keeps to ${settings.timeZone}.`}
        </p>
      )}
    </fieldset>
  );
}
