/**
 * A settings document as it is entered: an imported file, a practice's document checked before it
 * is deployed, a test's own. Everything `parseStoredSettings` checks, and a custom site's host
 * against the public-suffix list too (docs/ARCHITECTURE.md, "The settings document"). The list
 * is large: the worker and the page guard never import this file, and stores/ neither.
 */
import { checkEnteredHost } from '../hosts';
import { settingsParser, settingsSchema } from './schema';

/**
 * Validates (and migrates) a settings document as entered. Never throws: either valid settings,
 * or one message per bad field naming it (`week.tue[1]: end "25:00" is not a time`,
 * `sites.custom[0].host: "*.co.uk" covers the public suffix "co.uk": …`). Unknown fields are ignored.
 */
export const parseSettings = settingsParser(settingsSchema(checkEnteredHost));
