/**
 * How a settings document is laid out in the browser's sync storage, within its quotas (the same
 * in Chrome and Firefox). Pure: a document in, storage items out, and back.
 *
 * A document that fits one item is stored whole under `settings`, exactly as older versions, the
 * tests and other computers write it. One that does not keeps its small fields under `settings`
 * and moves its largest top-level fields out, each as its JSON text cut into pieces under
 * `settings.<field>.<n>`. The core names the moved fields in `$parts` with a hash of their text:
 * sync may deliver the keys of one write one by one, so a reader checks every field against its
 * hash and never assembles half of one. An older version reading the core still gets the hours.
 */
export const SETTINGS_KEY = 'settings';
/** chrome.storage.sync.QUOTA_BYTES_PER_ITEM: key plus JSON value, in bytes. */
export const QUOTA_BYTES_PER_ITEM = 8192;
/** chrome.storage.sync.QUOTA_BYTES: all items of the extension together. */
export const QUOTA_BYTES = 102_400;
/** chrome.storage.sync.MAX_ITEMS. */
export const MAX_ITEMS = 512;

const PARTS = '$parts';
const PART_KEY = /^settings\.([A-Za-z]+)\.(\d+)$/;
const MAX_PIECES = 64;

type Items = Record<string, unknown>;
interface Part {
  readonly n: number;
  readonly hash: string;
}

const isPlainObject = (input: unknown): input is Record<string, unknown> => typeof input === 'object' && input !== null && !Array.isArray(input);

/** Whether `key` holds a piece of a moved-out field. */
export const isPartKey = (key: string): boolean => PART_KEY.test(key);
const partKey = (field: string, n: number) => `${SETTINGS_KEY}.${field}.${n}`;

/**
 * Bytes one character costs inside a JSON string as Chromium's JSON writer, which the quota is
 * measured with, writes it: it also escapes `<` and U+2028/U+2029 as `\uXXXX`, so a measure by
 * `JSON.stringify` alone would let an item through that the browser refuses.
 */
function charBytes(code: number): number {
  if (code === 0x22 || code === 0x5c || code === 0x08 || code === 0x0c || code === 0x0a || code === 0x0d || code === 0x09) return 2;
  if (code < 0x20 || code === 0x3c || code === 0x7f || code === 0x2028 || code === 0x2029) return 6;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return code < 0x10000 ? 3 : 4;
}

/** The bytes of `text` as a JSON string, quotes included, measured the browser's way. */
function stringBytes(text: string): number {
  let total = 2;
  for (const char of text) total += charBytes(char.codePointAt(0) ?? 0);
  return total;
}

/** What an item costs against the quotas: its key plus its value as JSON (strings measured as Chromium escapes them). */
export function itemBytes(key: string, value: unknown): number {
  let total = stringBytes(key) - 2;
  const json = JSON.stringify(value) ?? 'null';
  // Outside strings JSON is plain ASCII; inside them each character costs what charBytes says.
  for (const token of json.match(/"(?:[^"\\]|\\.)*"|[^"]+/g) ?? []) {
    total += token.startsWith('"') ? stringBytes(JSON.parse(token) as string) : token.length;
  }
  return total;
}

/** Cuts `text` into strings each of which fits one item under a key of `keyBytes`, never inside a character. */
function cut(text: string, keyBytes: number): string[] {
  const budget = QUOTA_BYTES_PER_ITEM - keyBytes - 2;
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const char of text) {
    const cost = charBytes(char.codePointAt(0) ?? 0);
    if (used + cost > budget) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += char;
    used += cost;
  }
  pieces.push(piece);
  return pieces;
}

/** A 53-bit hash of `text` (cyrb53) in base 36: enough to tell two writes of a field apart. */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The items that store `doc`: `{ settings: doc }` when it fits one item, else a core and the
 * pieces of its largest fields, moved out largest first until the core fits.
 */
export function layOut(doc: Readonly<Record<string, unknown>>): Items {
  if (itemBytes(SETTINGS_KEY, doc) <= QUOTA_BYTES_PER_ITEM) return { [SETTINGS_KEY]: doc };
  const fields = Object.keys(doc)
    .filter((key) => key !== 'format' && key !== 'version' && /^[A-Za-z]+$/.test(key))
    .sort((a, b) => itemBytes(b, doc[b]) - itemBytes(a, doc[a]));
  const core: Record<string, unknown> = { ...doc };
  const parts: Record<string, Part> = {};
  const items: Items = {};
  for (const field of fields) {
    const text = JSON.stringify(doc[field]);
    const pieces = cut(text, stringBytes(partKey(field, MAX_PIECES)) - 2);
    pieces.forEach((piece, n) => (items[partKey(field, n)] = piece));
    parts[field] = { n: pieces.length, hash: textHash(text) };
    delete core[field];
    core[PARTS] = parts;
    if (itemBytes(SETTINGS_KEY, core) <= QUOTA_BYTES_PER_ITEM) break;
  }
  return { [SETTINGS_KEY]: core, ...items };
}

/** The total bytes of `items` against QUOTA_BYTES. */
export const totalBytes = (items: Items): number => Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);

/** Whether `key` is one of the keys a settings layout uses. */
export const isSettingsKey = (key: string): boolean => key === SETTINGS_KEY || isPartKey(key);

/**
 * The document stored in `items` (everything in the sync area), or null if none is. `incomplete`
 * names the moved-out fields whose pieces are missing or from another write: they are left out
 * of `doc`, so the caller's validation falls back for them alone.
 */
export function gather(items: Readonly<Items>): { doc: unknown; incomplete: string[] } {
  const core = items[SETTINGS_KEY];
  if (core === undefined || core === null) return { doc: null, incomplete: [] };
  if (!isPlainObject(core) || !(PARTS in core)) return { doc: core, incomplete: [] };
  const { [PARTS]: parts, ...doc } = core;
  const incomplete: string[] = [];
  for (const [field, part] of Object.entries(isPlainObject(parts) ? parts : {})) {
    const value = readPart(items, field, part);
    if (value === undefined) incomplete.push(field);
    else doc[field] = value;
  }
  return { doc, incomplete };
}

function readPart(items: Readonly<Items>, field: string, part: unknown): unknown {
  if (!isPlainObject(part) || typeof part.hash !== 'string') return undefined;
  const { n } = part;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_PIECES) return undefined;
  let text = '';
  for (let i = 0; i < n; i++) {
    const piece = items[partKey(field, i)];
    if (typeof piece !== 'string') return undefined;
    text += piece;
  }
  if (textHash(text) !== part.hash) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
