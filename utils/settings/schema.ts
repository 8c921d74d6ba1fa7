/**
 * The settings document's schema (docs/ARCHITECTURE.md, "The settings document"): one format for
 * import, export, sync storage and managed policy. The schema is declared once; the type is
 * inferred from it. An older version is brought up to date first (migrations.ts); a stored
 * document is repaired field by field (repair.ts).
 *
 * The one thing checked differently is a custom site's host: here for its syntax only, which is
 * what the worker re-checks a stored document with; `entered.ts` adds the public-suffix list for a
 * document as it is entered (an import, the options page). This file never imports that list.
 */
import * as v from 'valibot';
import { CLOCK_CHOICES } from '../clock';
import { DEFAULT_TEMPLATE } from '../after-hours-message';
import { parseHostSyntax, type HostResult } from '../host-syntax';
import { ACTIONS, CATEGORIES, type Range, WEEKDAYS } from '../types';
import { migrate, SETTINGS_FORMAT, SETTINGS_VERSION } from './migrations';
import type { MessageKey, Translate } from '../i18n';
import { isPlainObject, missingOr, quote, say, speaking } from './values';

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/** An object schema that also refuses arrays (valibot's `object` takes `[]` for `{}`). */
function section<const TEntries extends v.ObjectEntries>(entries: TEntries, what: MessageKey) {
  return v.pipe(
    v.custom<v.InferInput<v.ObjectSchema<TEntries, undefined>>>(isPlainObject, (i) => say('vIsNot', quote(i.input), say(what))),
    v.object(entries, missingOr(what)),
  );
}

/** A range `["HH:MM", "HH:MM"]`, its issues reported at the range (`week.tue[1]: end …`), not at `[1][1]`. */
const RangeSchema = v.pipe(
  v.custom<Range>(
    (input) => Array.isArray(input) && input.length === 2 && input.every((item) => typeof item === 'string'),
    (i) => say('vNotRange', quote(i.input)),
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const [start, end] = dataset.value;
    if (!TIME.test(start)) addIssue({ message: say('vStart', quote(start)) });
    if (!TIME.test(end) && end !== '24:00') addIssue({ message: say('vEnd', quote(end)) });
  }),
);

const DaySchema = v.optional(
  v.array(RangeSchema, (i) => say('vIsNot', quote(i.input), say('wRanges'))),
  [],
);

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const isDate = (s: string) => DATE.test(s) && isRealDate(s);
const dateMessage = (i: v.BaseIssue<unknown>) =>
  say('vIsNot', quote(i.input), say(typeof i.input === 'string' && DATE.test(i.input) ? 'wCalendarDay' : 'wDate'));
const DateSchema = v.pipe(v.string(dateMessage), v.check(isDate, dateMessage));

const TimeOffSchema = v.pipe(
  v.object(
    {
      from: DateSchema,
      to: DateSchema,
      label: v.optional(
        v.pipe(
          v.string(() => say('vMustText')),
          v.maxLength(80, () => say('vLonger', 80)),
        ),
        '',
      ),
    },
    missingOr('wDayOff'),
  ),
  // Only once both are dates: a bad date is reported once, not also as a reversed range.
  v.check(
    (r) => !(isDate(r.from) && isDate(r.to)) || r.from <= r.to,
    (i) => {
      const r = i.input as { from: string; to: string };
      return say('vToBefore', quote(r.to), quote(r.from));
    },
  ),
);

const action = v.picklist(ACTIONS, (i) => say('vIsNot', quote(i.input), say('wAction')));
const category = v.picklist(CATEGORIES, (i) => say('vIsNot', quote(i.input), say('wCategory', CATEGORIES.join(', '))));

/** A whole number in `[min, max]`; `unit` reads in the message ("minutes"). */
const count = (unit: 'wMinutes' | 'wExceptions', min: number, max: number, fallback: number) =>
  v.optional(
    v.pipe(
      v.number((i) => say('vNumberOf', quote(i.input), say(unit))),
      v.check(
        (n) => Number.isInteger(n) && n >= min && n <= max,
        (i) => say('vWholeOf', quote(i.input), say(unit), min, max),
      ),
    ),
    fallback,
  );

const flag = v.boolean((i) => say('vIsNot', quote(i.input), say('wBool')));
const weekday = v.picklist(WEEKDAYS, (i) => say('vIsNot', quote(i.input), say('wWeekday', WEEKDAYS.join(', '))));
const TimeSchema = (what: 'start' | 'end') =>
  v.pipe(
    v.string((i) => say(what === 'start' ? 'vStartNotTime' : 'vEndNotTime', quote(i.input))),
    v.check(
      (t) => TIME.test(t) || (what === 'end' && t === '24:00'),
      (i) => say(what === 'start' ? 'vStart' : 'vEnd', quote(i.input)),
    ),
  );

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
/**
 * The most custom sites a document may list: with the catalogue's rules it keeps the blocking
 * rules far below the browser's limit of 1000 regex rules, even with a rule per scheme.
 */
export const MAX_CUSTOM_SITES = 200;
const tooManySites = (i: v.BaseIssue<unknown>) => {
  const list = Array.isArray(i.input) ? (i.input as unknown[]) : [];
  const over = list.slice(MAX_CUSTOM_SITES).map((c) => String((c as { host?: unknown } | null)?.host ?? '?'));
  const named = over.length > 5 ? say('vAndMore', over.slice(0, 5).join(', '), over.length - 5) : over.join(', ');
  return say('vTooMany', list.length, MAX_CUSTOM_SITES, named);
};

const timeZoneMessage = (i: v.BaseIssue<unknown>) => say('vIsNot', quote(i.input), say('wZone'));

/**
 * Catalogue switches, site id → true/false, each bad one reported at its id
 * (`sites.catalogue.gmail: "yes" is not true or false`). Checked by hand rather than with valibot's
 * `record`, which would cost the worker most of a kilobyte for the same.
 */
const CatalogueSwitches = v.pipe(
  v.custom<Record<string, boolean>>(isPlainObject, (i) => say('vIsNot', quote(i.input), say('wSwitches'))),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    // Keys that would reach the prototype are left out, as valibot's `record` leaves them out.
    const entries = Object.entries(dataset.value).filter(([key]) => key !== '__proto__' && key !== 'prototype' && key !== 'constructor');
    let valid = true;
    for (const [key, value] of entries) {
      if (typeof value === 'boolean') continue;
      valid = false;
      addIssue({ message: say('vIsNot', quote(value), say('wBool')), path: [{ type: 'object', origin: 'value', input: dataset.value, key, value }] });
    }
    return valid ? (Object.fromEntries(entries) as Record<string, boolean>) : NEVER;
  }),
);

/** Reads a custom site's host: the normalised host, or a phrase saying what is wrong with it. */
export type HostCheck = (input: string) => HostResult;

const hostSchema = (checkHost: HostCheck) =>
  v.pipe(
    v.string((i) => say('vIsNot', quote(i.input), say('wAddress'))),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const parsed = checkHost(dataset.value);
      if (parsed.ok) return parsed.host;
      addIssue({ message: say('vHost', quote(dataset.value), parsed.error) });
      return NEVER;
    }),
  );

/** The schema, with custom sites' hosts read by `checkHost`. */
export const settingsSchema = (checkHost: HostCheck) =>
  v.object({
    format: v.literal(SETTINGS_FORMAT),
    version: v.literal(SETTINGS_VERSION),
    timeZone: v.optional(
      v.pipe(
        v.string(timeZoneMessage),
        v.check((s) => s === 'system' || isTimeZone(s), timeZoneMessage),
      ),
      'system',
    ),
    week: v.optional(section({ mon: DaySchema, tue: DaySchema, wed: DaySchema, thu: DaySchema, fri: DaySchema, sat: DaySchema, sun: DaySchema }, 'wWeek'), () =>
      defaultWeek(),
    ),
    timeOff: v.optional(
      v.array(TimeOffSchema, (i) => say('vIsNot', quote(i.input), say('wDaysOff'))),
      [],
    ),
    actions: v.optional(
      section(
        {
          ehr: v.optional(action, 'block'),
          practice: v.optional(action, 'block'),
          telehealth: v.optional(action, 'dim'),
          email: v.optional(action, 'dim'),
        },
        'wActions',
      ),
      {},
    ),
    sites: v.optional(
      section(
        {
          catalogue: v.optional(CatalogueSwitches, {}),
          custom: v.optional(
            v.pipe(
              v.array(v.object({ host: hostSchema(checkHost), category, action: v.optional(action) }, missingOr('wCustomSite')), (i) =>
                say('vIsNot', quote(i.input), say('wCustomSites')),
              ),
              v.maxLength(MAX_CUSTOM_SITES, tooManySites),
            ),
            [],
          ),
        },
        'wSites',
      ),
      {},
    ),
    exceptions: v.optional(
      section(
        {
          defaultMinutes: count('wMinutes', 1, 240, 30),
          weeklyLimit: count('wExceptions', 0, 100, 5),
          wrapUpMinutes: count('wMinutes', 1, 30, 5),
          /** Minutes owed (utils/balance.ts) above which a week is heavy and the prompts turn to recovery. */
          heavyWeekMinutes: count('wMinutes', 0, 6000, 120),
        },
        'wExceptionsObj',
      ),
      {},
    ),
    windDownMinutes: count('wMinutes', 0, 120, 10),
    selfCare: v.optional(
      section(
        {
          /** Prompt areas shown (the five of utils/prompts.ts, README "The settings document"); all on by default. */
          categories: v.optional(
            section(
              {
                boundaries: v.optional(flag, true),
                basics: v.optional(flag, true),
                tech: v.optional(flag, true),
                timeOff: v.optional(flag, true),
                support: v.optional(flag, true),
              },
              'wAreas',
            ),
            {},
          ),
          /** The clinician's own prompts, shown alongside the built-in ones. */
          prompts: v.optional(
            v.array(
              v.pipe(
                v.string((i) => say('vIsNot', quote(i.input), say('wText'))),
                v.check(
                  (t) => t.trim().length > 0 && t.length <= 200,
                  () => say('vEmptyOrLonger', 200),
                ),
              ),
              (i) => say('vIsNot', quote(i.input), say('wPrompts')),
            ),
            [],
          ),
          /** Recurring personal blocks inside work hours ("Mon/Wed/Fri 12:00–12:45 walk"), protected like breaks. */
          plan: v.optional(
            v.array(
              v.object(
                {
                  days: v.pipe(
                    v.array(weekday, (i) => say('vIsNot', quote(i.input), say('wWeekdays'))),
                    v.minLength(1, () => say('vNoWeekday')),
                  ),
                  from: TimeSchema('start'),
                  to: TimeSchema('end'),
                  label: v.optional(
                    v.pipe(
                      v.string(),
                      v.maxLength(80, () => say('vLonger', 80)),
                    ),
                    '',
                  ),
                  /** On this date only (a one-off block, as the popup's weekly review adds); `days` then names its weekday. */
                  date: v.optional(DateSchema),
                },
                missingOr('wBlock'),
              ),
              (i) => say('vIsNot', quote(i.input), say('wBlocks')),
            ),
            [],
          ),
        },
        'wSelfCare',
      ),
      {},
    ),
    /** The after-hours auto-reply or voicemail template; `{next}` becomes the next opening. */
    afterHoursMessage: v.optional(
      v.pipe(
        v.string((i) => say('vIsNot', quote(i.input), say('wText'))),
        v.maxLength(2000, () => say('vLonger', 2000)),
      ),
      DEFAULT_TEMPLATE,
    ),
    /** Mute work sites' web notifications outside work hours (needs the optional contentSettings permission). */
    muteNotifications: v.optional(flag, false),
    /** How every time is written: the browser language's 12- or 24-hour convention, or always one of them (utils/clock.ts). */
    clock: v.optional(
      v.picklist(CLOCK_CHOICES, (i) => say('vIsNot', quote(i.input), say('wClock'))),
      'locale',
    ),
  });

/** The schema as the worker checks a stored document: hosts for their syntax only. */
export const SettingsSchema = settingsSchema((input) => parseHostSyntax(input));

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SettingsInput = v.InferInput<typeof SettingsSchema>;

function defaultWeek() {
  const day = [['09:00', '17:00'] as const];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
}

/** The settings a new install starts with: Mon–Fri 09:00–17:00, EHR and practice blocked, the rest dimmed. */
export function defaultSettings(): Settings {
  return (v.safeParse(SettingsSchema, { format: SETTINGS_FORMAT, version: SETTINGS_VERSION }) as { output: Settings }).output;
}

export type ParseResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

/** `week.tue[1]` from a valibot issue path. */
function fieldName(issue: v.BaseIssue<unknown>): string {
  let name = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    name += typeof key === 'number' ? `[${key}]` : `${name ? '.' : ''}${String(key)}`;
  }
  return name;
}

/**
 * A parser of settings documents with `schema`: it migrates, then validates. Never throws: either
 * valid settings, or one message per bad field naming it (`week.tue[1]: end "25:00" is not a
 * time`). Unknown fields are ignored.
 */
export const settingsParser =
  (schema: ReturnType<typeof settingsSchema>) =>
  (t: Translate, input: unknown): ParseResult =>
    speaking(t, (): ParseResult => {
      const migrated = migrate(input);
      if (!migrated.ok) return migrated;
      const result = v.safeParse(schema, migrated.doc);
      if (result.success) return { ok: true, settings: result.output };
      return {
        ok: false,
        errors: result.issues.map((issue) => {
          const field = fieldName(issue);
          return field ? `${field}: ${issue.message}` : issue.message;
        }),
      };
    });

/**
 * Validates (and migrates) a document read back from storage, a synced copy or a practice's
 * policy: its hosts were checked against the public-suffix list when they were entered, so here
 * only their syntax is. A document as entered (an import) goes through `parseSettings`
 * (entered.ts) instead.
 */
export const parseStoredSettings = settingsParser(SettingsSchema);
