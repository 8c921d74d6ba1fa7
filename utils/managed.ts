/**
 * A group practice's managed policy (`storage.managed`; README "Group practices"): a partial
 * settings document whose fields win over the clinician's own. Pure: the caller reads the policy.
 */
import { SETTINGS_FORMAT, SETTINGS_VERSION } from './settings/migrations';
import type { Translate } from './i18n';
import { parseStoredSettings, SettingsSchema, type Settings } from './settings/schema';

/**
 * Objects a policy sets key by key (a practice blocking EHRs leaves the clinician's choice for
 * email); any other field it names replaces the clinician's whole (`week`, `sites.custom`).
 */
const MERGED = new Set(['actions', 'sites', 'sites.catalogue', 'exceptions', 'selfCare', 'selfCare.categories']);

export interface Policy {
  /** The clinician's settings with the policy's valid fields on top. */
  readonly settings: Settings;
  /** The paths the policy set, sorted: `actions.ehr`, `exceptions.weeklyLimit`, `sites.catalogue.gmail`, `week`. */
  readonly locked: string[];
  /** One message per policy field that is invalid and was ignored, naming the field. */
  readonly errors: string[];
}

const isPlainObject = (input: unknown): input is Record<string, unknown> => typeof input === 'object' && input !== null && !Array.isArray(input);

function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) node = isPlainObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
  return node;
}

function withValueAt(root: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [key, ...rest] = path;
  if (key === undefined) return root;
  const child = root[key];
  return { ...root, [key]: rest.length === 0 ? value : withValueAt(isPlainObject(child) ? child : {}, rest, value) };
}

/** The policy's fields at the granularity it may set them, each with its path. */
function leaves(policy: Record<string, unknown>): Array<[string[], unknown]> {
  const out: Array<[string[], unknown]> = [];
  const walk = (path: string[], value: unknown) => {
    if (MERGED.has(path.join('.')) && isPlainObject(value)) for (const [key, item] of Object.entries(value)) walk([...path, key], item);
    else out.push([path, value]);
  };
  for (const [key, value] of Object.entries(policy)) {
    if (key !== 'format' && key !== 'version' && key in SettingsSchema.entries) walk([key], value);
  }
  return out;
}

/**
 * Puts a managed policy over the clinician's settings. Each field is validated like an import,
 * on its own, but as the worker reads it (hosts for their syntax, not against the public-suffix list): an invalid one is ignored (the clinician's value stays, and editable) and named in
 * `errors`; unknown fields are ignored, as in an import. Never throws.
 */
export function applyManaged(t: Translate, user: Settings, policy: unknown): Policy {
  if (policy === null || policy === undefined) return { settings: user, locked: [], errors: [] };
  if (!isPlainObject(policy)) return { settings: user, locked: [], errors: [t('policyNotObject')] };
  let merged: Record<string, unknown> = user;
  const locked: string[] = [];
  const errors: string[] = [];
  for (const [path, value] of leaves(policy)) {
    const parsed = parseStoredSettings(t, withValueAt({ format: SETTINGS_FORMAT, version: SETTINGS_VERSION }, path, value));
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    // Parsing fills defaults and normalises (a host's case, a URL pasted as a host).
    const normalised = valueAt(parsed.settings, path);
    if (normalised === undefined) continue; // a key the schema does not know, such as `actions.chat`
    merged = withValueAt(merged, path, normalised);
    locked.push(path.join('.'));
  }
  const result = parseStoredSettings(t, merged);
  if (!result.ok) return { settings: user, locked: [], errors: [...errors, ...result.errors] };
  return { settings: result.settings, locked: locked.sort(), errors };
}

/** Whether the field at `path` (`week.mon`, `actions.ehr`, `sites.custom[2]`) is set by the practice. */
export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((field) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`));
}
