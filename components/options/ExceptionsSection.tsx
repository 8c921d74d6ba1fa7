/** How long a crisis exception lasts, how many a week, the wrap-up time and the wind-down warning. */
import type { MessageKey } from '@/utils/i18n';
import { t } from '@/stores/i18n';
import { useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings';
import { errorsFor, FieldError, isLocked, LockedNote, type SectionProps } from './shared';

interface NumberField {
  path: string;
  /** Messages: the field's name, what it does, its unit. */
  label: MessageKey;
  help: MessageKey;
  min: number;
  max: number;
  unit: MessageKey;
  get(s: Settings): number;
  set(s: Settings, n: number): Settings;
}

export const NUMBER_FIELDS: readonly NumberField[] = [
  {
    path: 'exceptions.defaultMinutes',
    label: 'nfCrisis',
    unit: 'unitMinutes',
    min: 1,
    max: 240,
    help: 'nfCrisisHelp',
    get: (s) => s.exceptions.defaultMinutes,
    set: (s, n) => ({ ...s, exceptions: { ...s.exceptions, defaultMinutes: n } }),
  },
  {
    path: 'exceptions.weeklyLimit',
    label: 'nfWeekly',
    unit: 'unitWeek',
    min: 0,
    max: 100,
    help: 'nfWeeklyHelp',
    get: (s) => s.exceptions.weeklyLimit,
    set: (s, n) => ({ ...s, exceptions: { ...s.exceptions, weeklyLimit: n } }),
  },
  {
    path: 'exceptions.wrapUpMinutes',
    label: 'nfWrap',
    unit: 'unitMinutes',
    min: 1,
    max: 30,
    help: 'nfWrapHelp',
    get: (s) => s.exceptions.wrapUpMinutes,
    set: (s, n) => ({ ...s, exceptions: { ...s.exceptions, wrapUpMinutes: n } }),
  },
  {
    path: 'exceptions.heavyWeekMinutes',
    label: 'nfHeavy',
    unit: 'unitMinutesOwed',
    min: 0,
    max: 6000,
    help: 'nfHeavyHelp',
    get: (s) => s.exceptions.heavyWeekMinutes,
    set: (s, n) => ({ ...s, exceptions: { ...s.exceptions, heavyWeekMinutes: n } }),
  },
  {
    path: 'windDownMinutes',
    label: 'nfWind',
    unit: 'unitMinutes',
    min: 0,
    max: 120,
    help: 'nfWindHelp',
    get: (s) => s.windDownMinutes,
    set: (s, n) => ({ ...s, windDownMinutes: n }),
  },
];

export function ExceptionsSection({ settings, update, locked }: SectionProps) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  const commit = async (field: NumberField, text: string) => {
    const value = text.trim();
    if (value === '') return setErrors((e) => ({ ...e, [field.path]: [t('wholeNumber', field.min, field.max)] }));
    const n = Number(value);
    if (n === field.get(settings)) return setErrors((e) => ({ ...e, [field.path]: [] }));
    const result = await update((s) => field.set(s, n));
    setErrors((e) => ({ ...e, [field.path]: errorsFor(result, field.path).length ? errorsFor(result, field.path) : result }));
  };

  return (
    <div class="numbers">
      {NUMBER_FIELDS.map((field) => {
        const id = field.path.replace('.', '-');
        const messages = errors[field.path] ?? [];
        const fieldLocked = isLocked(locked, field.path);
        return (
          <div class="field number" key={field.path}>
            <label for={id}>{t(field.label)}</label>
            <span class="with-unit">
              <input
                id={id}
                type="number"
                inputMode="numeric"
                min={field.min}
                max={field.max}
                step={1}
                key={field.get(settings)}
                defaultValue={String(field.get(settings))}
                disabled={fieldLocked}
                aria-invalid={messages.length > 0 || undefined}
                aria-describedby={`${id}-help${messages.length ? ` ${id}-error` : ''}`}
                onChange={(e) => void commit(field, e.currentTarget.value)}
              />
              <span class="unit">{t(field.unit)}</span>
              {fieldLocked && <LockedNote />}
            </span>
            <span class="hint" id={`${id}-help`}>
              {t(field.help)}
            </span>
            <FieldError id={`${id}-error`} messages={messages} />
          </div>
        );
      })}
    </div>
  );
}
