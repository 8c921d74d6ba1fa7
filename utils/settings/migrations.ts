/**
 * The settings document's versions (docs/ARCHITECTURE.md, "The settings document"): the format's
 * name, the current version, and the steps that bring an older document up to it.
 *
 * Every version has ONE FROZEN FIXTURE, tests/fixtures/settings/v<N>.json, a document as that
 * version wrote it; tests/unit/settings-migrations.test.ts migrates each to the current version.
 * A fixture is never edited, not even to follow a later schema: it is what a clinician's exported
 * file of that version says, and the point is that it still reads. A new version adds its
 * migration here and its own fixture (and that fixture's hash in the test), nothing else.
 *
 * A field added with a default whose absence means what the older documents meant needs no new
 * version: an older document reads with the default, and an older Clocked Out reading a newer
 * document (a synced copy, an import) ignores the field rather than refusing the whole document
 * as "written by a newer Clocked Out". `selfCare`, `afterHoursMessage`, `muteNotifications` and
 * `clock` (default "locale") came that way, in version 1.
 */
import { isPlainObject, quote, say } from './values';

export const SETTINGS_FORMAT = 'clocked-out/settings';
/** One more than the last migration's starting version. */
export const SETTINGS_VERSION = 1;

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
/** `MIGRATIONS[n]` turns a version-n document into version n+1. Version 1 is the first. */
const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type Migrated = { ok: true; doc: Record<string, unknown> } | { ok: false; errors: string[] };

/** Checks the format and version and brings an older document up to the current version. */
export function migrate(input: unknown): Migrated {
  if (!isPlainObject(input)) {
    return { ok: false, errors: [say(Array.isArray(input) ? 'mArray' : 'mNotObject')] };
  }
  let doc = input;
  if (doc.format !== SETTINGS_FORMAT) {
    const found = doc.format === undefined ? say('vMissing') : say('mFormatIs', quote(doc.format), SETTINGS_FORMAT);
    return { ok: false, errors: [`format: ${say('mNotSettings', found)}`] };
  }
  const version = doc.version;
  if (version === undefined) return { ok: false, errors: [`version: ${say('vMissing')}`] };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: [`version: ${say('mNotVersion', quote(version))}`] };
  }
  if (version > SETTINGS_VERSION) {
    return { ok: false, errors: [`version: ${say('mNewer', version, SETTINGS_VERSION)}`] };
  }
  for (let n = version; n < SETTINGS_VERSION; n++) {
    const step = MIGRATIONS[n];
    if (!step) return { ok: false, errors: [`version: ${say('mNoStep', n)}`] };
    doc = { ...step(doc), version: n + 1 };
  }
  return { ok: true, doc };
}
