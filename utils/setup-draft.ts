/**
 * The welcome guide edits a draft of the settings in force, the practice's policy included, and
 * writes it only when the clinician confirms. What it writes is the clinician's own document, so
 * the fields the practice sets keep the clinician's own values there: the policy still wins on
 * read, and if the practice ever lifts a field, the clinician's choice comes back, not a copy of
 * the practice's. Pure.
 */
import type { Settings } from './settings';

type Doc = Record<string, unknown>;
const isPlainObject = (input: unknown): input is Doc => typeof input === 'object' && input !== null && !Array.isArray(input);

/** `root` with `path` set to `own`'s value there, or without it where `own` has none. */
function restore(root: Doc, own: unknown, path: readonly string[]): Doc {
  const [key, ...rest] = path;
  if (key === undefined) return root;
  const ownChild = isPlainObject(own) && Object.hasOwn(own, key) ? own[key] : undefined;
  if (rest.length === 0) {
    const next = { ...root };
    if (ownChild === undefined) delete next[key];
    else next[key] = ownChild;
    return next;
  }
  const child = root[key];
  return { ...root, [key]: restore(isPlainObject(child) ? child : {}, ownChild, rest) };
}

/**
 * The draft as the clinician's own document: every field as drafted, except those at `locked`
 * paths (`week`, `actions.ehr`, `sites.catalogue.gmail`), which keep `own`'s value.
 */
export function draftToWrite(own: Settings, draft: Settings, locked: readonly string[]): Settings {
  let doc: Doc = draft as unknown as Doc;
  for (const path of locked) doc = restore(doc, own, path.split('.'));
  return doc as unknown as Settings;
}
