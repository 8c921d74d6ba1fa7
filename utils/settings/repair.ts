/**
 * Field-by-field repair of a document read back from storage (docs/ARCHITECTURE.md, "The settings
 * document"): settings tampered with, or damaged by a bad sync, must not switch the guard off.
 * Checked as stored (`parseStoredSettings`: a host for its syntax, not against the public-suffix
 * list), so that the worker, which repairs on every read, never loads the list.
 */
import { migrate, SETTINGS_FORMAT, SETTINGS_VERSION } from './migrations';
import type { Translate } from '../i18n';
import { defaultSettings, parseStoredSettings, SettingsSchema, type Settings } from './schema';
import { isPlainObject } from './values';

const DROP = Symbol('drop');

/**
 * For documents read back from storage: keeps every valid field, drops each invalid one so its
 * default applies, and says which. Sections are repaired key by key and lists item by item: a bad
 * range on Monday leaves the rest of the week, a bad custom site leaves the others. A document of
 * another format or a newer version is still read field by field, as far as the fields are understood.
 */
export function repairSettings(t: Translate, input: unknown): { settings: Settings; errors: string[] } {
  const whole = parseStoredSettings(t, input);
  if (whole.ok) return { settings: whole.settings, errors: [] };
  const defaults = defaultSettings();
  const migrated = migrate(input);
  const doc = migrated.ok ? migrated.doc : input;
  if (!isPlainObject(doc)) return { settings: defaults, errors: whole.errors };

  const valid = (path: readonly string[], value: unknown) => parseStoredSettings(t, documentWith(path, value)).ok;
  const salvage = (path: readonly string[], value: unknown): unknown => {
    if (valid(path, value)) return value;
    if (Array.isArray(value) && valid(path, [])) {
      const items = value.filter((item) => valid(path, [item]));
      // A list over its maximum length keeps its longest valid beginning.
      if (valid(path, items)) return items;
      let fits = 0;
      let over = items.length;
      while (over - fits > 1) {
        const mid = Math.floor((fits + over) / 2);
        if (valid(path, items.slice(0, mid))) fits = mid;
        else over = mid;
      }
      return items.slice(0, fits);
    }
    if (isPlainObject(value) && valid(path, {})) {
      const kept: [string, unknown][] = [];
      for (const [key, item] of Object.entries(value)) {
        const repaired = salvage([...path, key], item);
        if (repaired !== DROP) kept.push([key, repaired]);
      }
      return Object.fromEntries(kept);
    }
    return DROP;
  };

  const repaired: Record<string, unknown> = { format: SETTINGS_FORMAT, version: SETTINGS_VERSION };
  for (const key of Object.keys(SettingsSchema.entries)) {
    if (key === 'format' || key === 'version' || !(key in doc)) continue;
    const value = salvage([key], doc[key]);
    if (value !== DROP) repaired[key] = value;
  }
  const result = parseStoredSettings(t, repaired);
  return { settings: result.ok ? result.settings : defaults, errors: whole.errors };
}

/** A minimal current document with `value` at `path` and nothing else. */
function documentWith(path: readonly string[], value: unknown): Record<string, unknown> {
  let node: unknown = value;
  for (let i = path.length - 1; i >= 0; i--) node = { [path[i] ?? '']: node };
  return { ...(node as Record<string, unknown>), format: SETTINGS_FORMAT, version: SETTINGS_VERSION };
}
