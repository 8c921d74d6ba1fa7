/**
 * The settings document (docs/ARCHITECTURE.md, "The settings document"), one folder:
 * schema.ts (the valibot schema, `parseSettings`, the defaults), migrations.ts (format, versions,
 * migrations), repair.ts (field-by-field repair of a stored document). Import from here.
 */
export { SETTINGS_FORMAT, SETTINGS_VERSION } from './migrations';
export { defaultSettings, MAX_CUSTOM_SITES, parseSettings, SettingsSchema, type ParseResult, type Settings, type SettingsInput } from './schema';
export { repairSettings } from './repair';
