/**
 * The browser-facing stores. Settings live in sync storage (shared between a clinician's
 * computers) and are validated on every read; exceptions and the worker's bookkeeping are local.
 * Nothing here ever holds a URL path, query, fragment or title.
 */
import { storage } from 'wxt/utils/storage';
import { defaultSettings, parseSettings, repairSettings, type Settings } from './settings';
import type { Exception } from './types';

/** The settings document exactly as stored (untrusted until validated). */
export const settingsItem = storage.defineItem<unknown>('sync:settings');
export const exceptionsItem = storage.defineItem<Exception[]>('local:exceptions', { fallback: [] });
export const wrapUpsItem = storage.defineItem<Record<string, number>>('local:wrapUps', { fallback: {} });
/** The `endsAt` of the last work range whose wind-down was announced, so it is announced once. */
export const windDownNoticeItem = storage.defineItem<number>('local:windDownNotified', { fallback: 0 });

/** Validated settings; a tampered or unreadable document gives defaults per field and a notice. */
export async function readSettings(): Promise<{ settings: Settings; notice: string | null }> {
  let raw: unknown;
  try {
    raw = await settingsItem.getValue();
  } catch (error) {
    return { settings: defaultSettings(), notice: `Your settings could not be read (${String(error)}); the default hours apply.` };
  }
  if (raw === null || raw === undefined) return { settings: defaultSettings(), notice: null };
  const { settings, errors } = repairSettings(raw);
  const notice = errors.length
    ? `Some settings were invalid and the defaults apply for them: ${errors.slice(0, 3).join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}.`
    : null;
  return { settings, notice };
}

/** Exceptions that have not ended yet; anything malformed is dropped. */
export async function readExceptions(now: number): Promise<Exception[]> {
  let list: unknown;
  try {
    list = await exceptionsItem.getValue();
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.filter(
    (item): item is Exception =>
      typeof item === 'object' && item !== null &&
      typeof (item as Exception).endsAt === 'number' && typeof (item as Exception).startedAt === 'number' &&
      typeof (item as Exception).scope === 'object' && (item as Exception).endsAt > now,
  );
}

let writes: Promise<unknown> = Promise.resolve();

/**
 * Applies `change` to the current valid settings and stores the result, if valid. Writes are
 * serialised, so two quick changes (two pages, two clicks) never overwrite each other.
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<{ ok: true; settings: Settings } | { ok: false; errors: string[] }> {
  const run = writes.then(async () => {
    const { settings } = await readSettings();
    const next = parseSettings(change(settings));
    if (!next.ok) return next;
    await settingsItem.setValue(next.settings);
    return next;
  });
  writes = run.catch(() => undefined);
  return run;
}
