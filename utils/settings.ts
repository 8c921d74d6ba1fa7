/**
 * The settings document (DESIGN.md, "The settings document"): one format for import, export,
 * sync storage and managed policy. The schema is declared once; the type is inferred from it.
 */
import * as v from 'valibot';
import { parseHost } from './hosts';
import { ACTIONS, CATEGORIES, WEEKDAYS } from './types';

export const SETTINGS_FORMAT = 'clocked-out/settings';
export const SETTINGS_VERSION = 1;

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

const quote = (input: unknown) => (typeof input === 'string' ? `"${input}"` : JSON.stringify(input) ?? String(input));

const time = (what: string, allow24: boolean) =>
  v.pipe(
    v.string((i) => `${what} ${quote(i.input)} is not a time`),
    v.check((s) => TIME.test(s) || (allow24 && s === '24:00'), (i) => `${what} ${quote(i.input)} is not a time (HH:MM${allow24 ? ', or 24:00' : ''})`),
  );

const RangeSchema = v.pipe(
  v.tuple([time('start', false), time('end', true)], (i) => `${quote(i.input)} is not a range: expected ["HH:MM", "HH:MM"]`),
  v.readonly(),
);

const DaySchema = v.optional(v.array(RangeSchema, (i) => `${quote(i.input)} is not a list of ranges`), []);

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};
const date = (what: string) =>
  v.pipe(
    v.string((i) => `${what} ${quote(i.input)} is not a date`),
    v.check((s) => DATE.test(s) && isRealDate(s), (i) => `${what} ${quote(i.input)} is not a date (YYYY-MM-DD)`),
  );

const TimeOffSchema = v.pipe(
  v.object({
    from: date('from'),
    to: date('to'),
    label: v.optional(v.pipe(v.string('label must be text'), v.maxLength(80, 'label is longer than 80 characters')), ''),
  }, (i) => `${quote(i.input)} is not a day-off range {from, to}`),
  v.check((r) => r.from <= r.to, (i) => `"to" ${quote((i.input as { to: string }).to)} is before "from"`),
);

const action = v.picklist(ACTIONS, (i) => `${quote(i.input)} is not an action (block, dim or allow)`);
const category = v.picklist(CATEGORIES, (i) => `${quote(i.input)} is not a category (${CATEGORIES.join(', ')})`);

const HostSchema = v.pipe(
  v.string((i) => `host ${quote(i.input)} is not text`),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const parsed = parseHost(dataset.value);
    if (parsed.ok) return parsed.host;
    addIssue({ message: `host ${quote(dataset.value)}: ${parsed.error}` });
    return NEVER;
  }),
);

const minutes = (what: string, min: number, max: number, fallback: number) =>
  v.optional(
    v.pipe(
      v.number(`${what} must be a number of minutes`),
      v.integer(`${what} must be a whole number of minutes`),
      v.minValue(min, `${what} must be at least ${min}`),
      v.maxValue(max, `${what} must be at most ${max}`),
    ),
    fallback,
  );

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const SettingsSchema = v.object({
  format: v.literal(SETTINGS_FORMAT, (i) => `${quote(i.input)} is not "${SETTINGS_FORMAT}": this is not a Clocked Out settings file`),
  version: v.literal(SETTINGS_VERSION, (i) => `${quote(i.input)} is not a supported version`),
  timeZone: v.optional(
    v.pipe(v.string('must be "system" or a time zone name'), v.check((s) => s === 'system' || isTimeZone(s), (i) => `${quote(i.input)} is not a time zone (e.g. "America/New_York", or "system")`)),
    'system',
  ),
  week: v.optional(
    v.object({
      mon: DaySchema, tue: DaySchema, wed: DaySchema, thu: DaySchema, fri: DaySchema, sat: DaySchema, sun: DaySchema,
    }, 'must be an object with mon … sun'),
    () => defaultWeek(),
  ),
  timeOff: v.optional(v.array(TimeOffSchema, 'must be a list of day-off ranges'), []),
  actions: v.optional(
    v.object({
      ehr: v.optional(action, 'block'), practice: v.optional(action, 'block'),
      telehealth: v.optional(action, 'dim'), email: v.optional(action, 'dim'),
    }, 'must be an object of category → action'),
    {},
  ),
  sites: v.optional(
    v.object({
      catalogue: v.optional(v.record(v.string(), v.boolean((i) => `${quote(i.input)} is not true or false`), 'must be an object of site id → true/false'), {}),
      custom: v.optional(
        v.array(v.object({ host: HostSchema, category, action: v.optional(action) }, (i) => `${quote(i.input)} is not a custom site {host, category}`), 'must be a list of custom sites'),
        [],
      ),
    }, 'must be an object {catalogue, custom}'),
    {},
  ),
  exceptions: v.optional(
    v.object({
      defaultMinutes: minutes('defaultMinutes', 1, 240, 30),
      weeklyLimit: minutes('weeklyLimit', 0, 100, 5),
      wrapUpMinutes: minutes('wrapUpMinutes', 1, 30, 5),
    }, 'must be an object'),
    {},
  ),
  windDownMinutes: minutes('windDownMinutes', 0, 120, 10),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SettingsInput = v.InferInput<typeof SettingsSchema>;

function defaultWeek() {
  const day = [['09:00', '17:00'] as const];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
}

/** The settings a new install starts with: Mon–Fri 09:00–17:00, EHR and practice blocked, the rest dimmed. */
export function defaultSettings(): Settings {
  return v.parse(SettingsSchema, { format: SETTINGS_FORMAT, version: SETTINGS_VERSION });
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
 * Validates (and migrates) a settings document. Never throws: either valid settings, or one
 * message per bad field naming it (`week.tue[1]: end "25:00" is not a time`). Unknown fields are ignored.
 */
export function parseSettings(input: unknown): ParseResult {
  const migrated = migrate(input);
  if (!migrated.ok) return migrated;
  const result = v.safeParse(SettingsSchema, migrated.doc);
  if (result.success) return { ok: true, settings: result.output };
  return {
    ok: false,
    errors: result.issues.map((issue) => {
      const field = fieldName(issue);
      return field ? `${field}: ${issue.message}` : issue.message;
    }),
  };
}

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
/** `MIGRATIONS[n]` turns a version-n document into version n+1. Version 1 is the first. */
const MIGRATIONS: Record<number, Migration> = {};

function migrate(input: unknown): { ok: true; doc: unknown } | { ok: false; errors: string[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['the document is not a JSON object'] };
  }
  let doc = input as Record<string, unknown>;
  if (doc.format !== SETTINGS_FORMAT) return { ok: true, doc }; // the schema reports the format
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: [`version: ${quote(version)} is not a version number`] };
  }
  if (version > SETTINGS_VERSION) {
    return { ok: false, errors: [`version: ${version} was written by a newer Clocked Out (this one reads up to ${SETTINGS_VERSION}); update the extension`] };
  }
  for (let n = version; n < SETTINGS_VERSION; n++) {
    const step = MIGRATIONS[n];
    if (!step) return { ok: false, errors: [`version: no migration from version ${n}`] };
    doc = { ...step(doc), version: n + 1 };
  }
  return { ok: true, doc };
}

/**
 * For documents read back from storage: keeps every valid top-level field, replaces each invalid
 * one with its default and says which (settings tampered with must not switch the guard off).
 */
export function repairSettings(input: unknown): { settings: Settings; errors: string[] } {
  const whole = parseSettings(input);
  if (whole.ok) return { settings: whole.settings, errors: [] };
  const defaults = defaultSettings();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { settings: defaults, errors: whole.errors };
  }
  const doc = input as Record<string, unknown>;
  const repaired: Record<string, unknown> = { format: SETTINGS_FORMAT, version: SETTINGS_VERSION };
  for (const key of Object.keys(SettingsSchema.entries)) {
    if (key === 'format' || key === 'version' || !(key in doc)) continue;
    const attempt = parseSettings({ format: SETTINGS_FORMAT, version: SETTINGS_VERSION, [key]: doc[key] });
    if (attempt.ok) repaired[key] = doc[key];
  }
  const result = parseSettings(repaired);
  return { settings: result.ok ? result.settings : defaults, errors: whole.errors };
}
