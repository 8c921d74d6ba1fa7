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
import { parseHostSyntax, type HostResult } from '../host-syntax';
import { ACTIONS, CATEGORIES, type Range, WEEKDAYS } from '../types';
import { migrate, SETTINGS_FORMAT, SETTINGS_VERSION } from './migrations';
import { isPlainObject, missingOr, quote } from './values';

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/** An object schema that also refuses arrays (valibot's `object` takes `[]` for `{}`). */
function section<const TEntries extends v.ObjectEntries>(entries: TEntries, what: string) {
  return v.pipe(
    v.custom<v.InferInput<v.ObjectSchema<TEntries, undefined>>>(isPlainObject, (i) => `${quote(i.input)} is not ${what}`),
    v.object(entries, missingOr(what)),
  );
}

/** A range `["HH:MM", "HH:MM"]`, its issues reported at the range (`week.tue[1]: end …`), not at `[1][1]`. */
const RangeSchema = v.pipe(
  v.custom<Range>(
    (input) => Array.isArray(input) && input.length === 2 && input.every((item) => typeof item === 'string'),
    (i) => `${quote(i.input)} is not a range: expected ["HH:MM", "HH:MM"]`,
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const [start, end] = dataset.value;
    if (!TIME.test(start)) addIssue({ message: `start ${quote(start)} is not a time (HH:MM)` });
    if (!TIME.test(end) && end !== '24:00') addIssue({ message: `end ${quote(end)} is not a time (HH:MM, or 24:00)` });
  }),
);

const DaySchema = v.optional(
  v.array(RangeSchema, (i) => `${quote(i.input)} is not a list of ranges`),
  [],
);

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const isDate = (s: string) => DATE.test(s) && isRealDate(s);
const dateMessage = (i: v.BaseIssue<unknown>) =>
  typeof i.input === 'string' && DATE.test(i.input) ? `${quote(i.input)} is not a day of the calendar` : `${quote(i.input)} is not a date (YYYY-MM-DD)`;
const DateSchema = v.pipe(v.string(dateMessage), v.check(isDate, dateMessage));

const TimeOffSchema = v.pipe(
  v.object(
    {
      from: DateSchema,
      to: DateSchema,
      label: v.optional(v.pipe(v.string('must be text'), v.maxLength(80, 'is longer than 80 characters')), ''),
    },
    missingOr('a day-off range {from, to}'),
  ),
  // Only once both are dates: a bad date is reported once, not also as a reversed range.
  v.check(
    (r) => !(isDate(r.from) && isDate(r.to)) || r.from <= r.to,
    (i) => {
      const r = i.input as { from: string; to: string };
      return `to ${quote(r.to)} is before from ${quote(r.from)}`;
    },
  ),
);

const action = v.picklist(ACTIONS, (i) => `${quote(i.input)} is not an action (block, dim or allow)`);
const category = v.picklist(CATEGORIES, (i) => `${quote(i.input)} is not a category (${CATEGORIES.join(', ')})`);

/** A whole number in `[min, max]`; `unit` reads in the message ("minutes"). */
const count = (unit: string, min: number, max: number, fallback: number) =>
  v.optional(
    v.pipe(
      v.number((i) => `${quote(i.input)} is not a number of ${unit}`),
      v.check(
        (n) => Number.isInteger(n) && n >= min && n <= max,
        (i) => `${quote(i.input)} is not a whole number of ${unit} from ${min} to ${max}`,
      ),
    ),
    fallback,
  );

const flag = v.boolean((i) => `${quote(i.input)} is not true or false`);
const weekday = v.picklist(WEEKDAYS, (i) => `${quote(i.input)} is not a weekday (${WEEKDAYS.join(', ')})`);
const TimeSchema = (what: 'start' | 'end') =>
  v.pipe(
    v.string((i) => `${what} ${quote(i.input)} is not a time`),
    v.check(
      (t) => TIME.test(t) || (what === 'end' && t === '24:00'),
      (i) => `${what} ${quote(i.input)} is not a time (HH:MM${what === 'end' ? ', or 24:00' : ''})`,
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
  const named = over.length > 5 ? `${over.slice(0, 5).join(', ')} and ${over.length - 5} more` : over.join(', ');
  return `lists ${list.length} sites, more than the ${MAX_CUSTOM_SITES} Clocked Out can guard (over the limit: ${named})`;
};

const timeZoneMessage = (i: v.BaseIssue<unknown>) => `${quote(i.input)} is not a time zone (e.g. "America/New_York", or "system")`;

/**
 * Catalogue switches, site id → true/false, each bad one reported at its id
 * (`sites.catalogue.gmail: "yes" is not true or false`). Checked by hand rather than with valibot's
 * `record`, which would cost the worker most of a kilobyte for the same.
 */
const CatalogueSwitches = v.pipe(
  v.custom<Record<string, boolean>>(isPlainObject, (i) => `${quote(i.input)} is not an object of site id → true/false`),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    // Keys that would reach the prototype are left out, as valibot's `record` leaves them out.
    const entries = Object.entries(dataset.value).filter(([key]) => key !== '__proto__' && key !== 'prototype' && key !== 'constructor');
    let valid = true;
    for (const [key, value] of entries) {
      if (typeof value === 'boolean') continue;
      valid = false;
      addIssue({ message: `${quote(value)} is not true or false`, path: [{ type: 'object', origin: 'value', input: dataset.value, key, value }] });
    }
    return valid ? (Object.fromEntries(entries) as Record<string, boolean>) : NEVER;
  }),
);

/** Reads a custom site's host: the normalised host, or a phrase saying what is wrong with it. */
export type HostCheck = (input: string) => HostResult;

const hostSchema = (checkHost: HostCheck) =>
  v.pipe(
    v.string((i) => `${quote(i.input)} is not a web address`),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const parsed = checkHost(dataset.value);
      if (parsed.ok) return parsed.host;
      addIssue({ message: `${quote(dataset.value)} ${parsed.error}` });
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
    week: v.optional(
      section(
        { mon: DaySchema, tue: DaySchema, wed: DaySchema, thu: DaySchema, fri: DaySchema, sat: DaySchema, sun: DaySchema },
        'an object of weekdays (mon … sun)',
      ),
      () => defaultWeek(),
    ),
    timeOff: v.optional(
      v.array(TimeOffSchema, (i) => `${quote(i.input)} is not a list of day-off ranges`),
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
        'an object of category → action',
      ),
      {},
    ),
    sites: v.optional(
      section(
        {
          catalogue: v.optional(CatalogueSwitches, {}),
          custom: v.optional(
            v.pipe(
              v.array(
                v.object({ host: hostSchema(checkHost), category, action: v.optional(action) }, missingOr('a custom site {host, category}')),
                (i) => `${quote(i.input)} is not a list of custom sites`,
              ),
              v.maxLength(MAX_CUSTOM_SITES, tooManySites),
            ),
            [],
          ),
        },
        'an object {catalogue, custom}',
      ),
      {},
    ),
    exceptions: v.optional(
      section(
        {
          defaultMinutes: count('minutes', 1, 240, 30),
          weeklyLimit: count('exceptions', 0, 100, 5),
          wrapUpMinutes: count('minutes', 1, 30, 5),
          /** Minutes owed (utils/balance.ts) above which a week is heavy and the prompts turn to recovery. */
          heavyWeekMinutes: count('minutes', 0, 6000, 120),
        },
        'an object {defaultMinutes, weeklyLimit, wrapUpMinutes, heavyWeekMinutes}',
      ),
      {},
    ),
    windDownMinutes: count('minutes', 0, 120, 10),
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
              'an object of prompt area → true/false',
            ),
            {},
          ),
          /** The clinician's own prompts, shown alongside the built-in ones. */
          prompts: v.optional(
            v.array(
              v.pipe(
                v.string((i) => `${quote(i.input)} is not text`),
                v.check((t) => t.trim().length > 0 && t.length <= 200, 'is empty or longer than 200 characters'),
              ),
              (i) => `${quote(i.input)} is not a list of prompts`,
            ),
            [],
          ),
          /** Recurring personal blocks inside work hours ("Mon/Wed/Fri 12:00–12:45 walk"), protected like breaks. */
          plan: v.optional(
            v.array(
              v.object(
                {
                  days: v.pipe(
                    v.array(weekday, (i) => `${quote(i.input)} is not a list of weekdays`),
                    v.minLength(1, 'names no weekday'),
                  ),
                  from: TimeSchema('start'),
                  to: TimeSchema('end'),
                  label: v.optional(v.pipe(v.string(), v.maxLength(80, 'is longer than 80 characters')), ''),
                  /** On this date only (a one-off block, as the popup's weekly review adds); `days` then names its weekday. */
                  date: v.optional(DateSchema),
                },
                missingOr('a self-care block {days, from, to}'),
              ),
              (i) => `${quote(i.input)} is not a list of self-care blocks`,
            ),
            [],
          ),
        },
        'an object {categories, prompts, plan}',
      ),
      {},
    ),
    /** The after-hours auto-reply or voicemail template; `{next}` becomes the next opening. */
    afterHoursMessage: v.optional(
      v.pipe(
        v.string((i) => `${quote(i.input)} is not text`),
        v.maxLength(2000, 'is longer than 2000 characters'),
      ),
      "Thank you for your message. I'm away until {next} and will reply then. If this is an emergency, call 988 or go to the nearest emergency room.",
    ),
    /** Mute work sites' web notifications outside work hours (needs the optional contentSettings permission). */
    muteNotifications: v.optional(flag, false),
    /** How every time is written: the browser language's 12- or 24-hour convention, or always one of them (utils/clock.ts). */
    clock: v.optional(
      v.picklist(CLOCK_CHOICES, (i) => `${quote(i.input)} is not a clock ("locale", "12h" or "24h")`),
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
  (input: unknown): ParseResult => {
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
  };

/**
 * Validates (and migrates) a document read back from storage, a synced copy or a practice's
 * policy: its hosts were checked against the public-suffix list when they were entered, so here
 * only their syntax is. A document as entered (an import) goes through `parseSettings`
 * (entered.ts) instead.
 */
export const parseStoredSettings = settingsParser(SettingsSchema);
