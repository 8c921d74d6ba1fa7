/** How long a crisis exception lasts, how many a week, the wrap-up time and the wind-down warning. */
import { useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings';
import { errorsFor, FieldError, isLocked, LockedNote, type SectionProps } from './shared';

interface NumberField {
  path: string;
  label: string;
  help: string;
  min: number;
  max: number;
  unit: string;
  get(s: Settings): number;
  set(s: Settings, n: number): Settings;
}

export const NUMBER_FIELDS: readonly NumberField[] = [
  {
    path: 'exceptions.defaultMinutes',
    label: 'Crisis exception length',
    unit: 'minutes',
    min: 1,
    max: 240,
    help: 'How long a crisis exception opens a site for, unless you choose otherwise at the time.',
    get: (s) => s.exceptions.defaultMinutes,
    set: (s, n) => ({ ...s, exceptions: { ...s.exceptions, defaultMinutes: n } }),
  },
  {
    path: 'exceptions.weeklyLimit',
    label: 'Exceptions a week',
    unit: 'a week',
    min: 0,
    max: 100,
    help: 'A count you are told about when you pass it, never a lock: a crisis always comes first.',
    get: (s) => s.exceptions.weeklyLimit,
    set: (s, n) => ({ ...s, exceptions: { ...s.exceptions, weeklyLimit: n } }),
  },
  {
    path: 'exceptions.wrapUpMinutes',
    label: 'Wrap-up time',
    unit: 'minutes',
    min: 1,
    max: 30,
    help: 'The "Wrap up" choice on a page open at the end of the day: time to save and close, once an evening.',
    get: (s) => s.exceptions.wrapUpMinutes,
    set: (s, n) => ({ ...s, exceptions: { ...s.exceptions, wrapUpMinutes: n } }),
  },
  {
    path: 'exceptions.heavyWeekMinutes',
    label: 'Heavy week from',
    unit: 'minutes owed',
    min: 0,
    max: 6000,
    help: 'When more after-hours time than this is owed to you, the popup turns to recovery and to your support network.',
    get: (s) => s.exceptions.heavyWeekMinutes,
    set: (s, n) => ({ ...s, exceptions: { ...s.exceptions, heavyWeekMinutes: n } }),
  },
  {
    path: 'windDownMinutes',
    label: 'Wind-down warning',
    unit: 'minutes',
    min: 0,
    max: 120,
    help: 'A notice this long before each work range ends; 0 for none.',
    get: (s) => s.windDownMinutes,
    set: (s, n) => ({ ...s, windDownMinutes: n }),
  },
];

export function ExceptionsSection({ settings, update, locked }: SectionProps) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  const commit = async (field: NumberField, text: string) => {
    const value = text.trim();
    if (value === '') return setErrors((e) => ({ ...e, [field.path]: [`Enter a whole number from ${field.min} to ${field.max}.`] }));
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
            <label for={id}>{field.label}</label>
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
              <span class="unit">{field.unit}</span>
              {fieldLocked && <LockedNote />}
            </span>
            <span class="hint" id={`${id}-help`}>
              {field.help}
            </span>
            <FieldError id={`${id}-error`} messages={messages} />
          </div>
        );
      })}
    </div>
  );
}
