// The settings document's versions: every version's frozen fixture still reads, and a document
// of an unknown format or version is refused whole.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSettings, SETTINGS_FORMAT, SETTINGS_VERSION } from '../../utils/settings';
import { SETTINGS_FIXTURES, settingsFixture } from './settings-fixtures';
import { en } from './english';

const doc = (fields: Record<string, unknown> = {}) => ({ format: SETTINGS_FORMAT, version: SETTINGS_VERSION, ...fields });

function errorsOf(input: unknown): string[] {
  const result = parseSettings(en, input);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.errors;
}

/**
 * The SHA-256 of each frozen fixture. A fixture is a document as its version wrote it and is
 * NEVER EDITED (utils/settings/migrations.ts): a new version adds its own file and its line here;
 * a changed hash means a fixture was edited, which hides exactly the break these tests exist for.
 */
const FROZEN: Readonly<Record<number, string>> = {
  1: '8be47bb88df6d7c14ae8ace521ff4ac4574e81ddb78925e65e6405350452e50d',
};

const versions = Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1);

describe('every settings version has one frozen fixture', () => {
  it('has a fixture for each version from 1 to the current one, and no other file', () => {
    const names = readdirSync(SETTINGS_FIXTURES).sort();
    expect(names).toEqual(versions.map((n) => `v${n}.json`).sort());
  });

  it.each(versions)('fixture v%i is unchanged since it was frozen', (version) => {
    const bytes = readFileSync(new URL(`v${version}.json`, SETTINGS_FIXTURES));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(FROZEN[version]);
  });

  it.each(versions)('fixture v%i is a document of its own version', (version) => {
    expect(settingsFixture(version)).toMatchObject({ format: SETTINGS_FORMAT, version });
  });

  it.each(versions)('fixture v%i migrates to the current version and parses', (version) => {
    const result = parseSettings(en, settingsFixture(version));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.settings.version).toBe(SETTINGS_VERSION);
    expect(result.settings.format).toBe(SETTINGS_FORMAT);
  });
});

describe('a document of another format or version', () => {
  it.each([
    [
      'a version from the future',
      doc({ version: SETTINGS_VERSION + 1 }),
      `version: ${SETTINGS_VERSION + 1} was written by a newer Clocked Out (this one reads up to ${SETTINGS_VERSION}); update the extension`,
    ],
    ['a version that is text', doc({ version: '1' }), 'version: "1" is not a version number'],
    ['a version of zero', doc({ version: 0 }), 'version: 0 is not a version number'],
    ['a missing version', { format: SETTINGS_FORMAT }, 'version: is missing'],
    ['another format', { format: 'leechblock', version: 1 }, 'format: "leechblock" is not "clocked-out/settings": this is not a Clocked Out settings file'],
    ['a missing format', { version: 1, week: {} }, 'format: is missing: this is not a Clocked Out settings file'],
    ['a JSON array', [doc()], 'the document is a JSON array: this is not a Clocked Out settings file'],
    ['a string', 'clocked-out/settings', 'the document is not a JSON object: this is not a Clocked Out settings file'],
    ['null', null, 'the document is not a JSON object: this is not a Clocked Out settings file'],
  ])('rejects %s as a whole, with one message', (_, input, message) => {
    expect(errorsOf(input)).toEqual([message]);
  });
});
