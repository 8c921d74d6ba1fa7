/**
 * The settings document (docs/ARCHITECTURE.md, "The settings document"), one folder:
 * schema.ts (the valibot schema, the defaults, `parseStoredSettings`), entered.ts (`parseSettings`:
 * a document as entered, hosts checked against the public-suffix list), migrations.ts (format,
 * versions, migrations), repair.ts (field-by-field repair of a stored document).
 *
 * This index brings in the public-suffix list with `parseSettings`: the worker, the page guard,
 * stores/ and the rest of utils/ import the parts they need instead (eslint.config.js says so).
 */
export { SETTINGS_FORMAT, SETTINGS_VERSION } from './migrations';
export {
  defaultSettings,
  MAX_CUSTOM_SITES,
  parseStoredSettings,
  settingsParser,
  settingsSchema,
  SettingsSchema,
  type HostCheck,
  type ParseResult,
  type Settings,
  type SettingsInput,
} from './schema';
export { parseSettings } from './entered';
export { repairSettings } from './repair';
