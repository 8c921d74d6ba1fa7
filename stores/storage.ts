/**
 * The browser-facing stores. Settings live in sync storage (shared between a clinician's
 * computers, laid out within its quotas by sync-layout.ts) under a practice's managed policy, and
 * are validated on every read and write; exceptions and the worker's bookkeeping are local.
 * Nothing here ever holds a URL path, query, fragment or title.
 *
 * Validated as stored documents are (`parseStoredSettings`): a custom host for its syntax only.
 * Hosts are checked against the public-suffix list where they are entered (the options page's
 * field, an import's `parseSettings`), so the worker, which reads through this file on every
 * wake-up, never loads the list (docs/ARCHITECTURE.md, "The settings document"). A stored host
 * that fails the syntax check is dropped by the repair, and `notice` says so.
 */
import { localeOf, type MessageKey } from '@/utils/i18n';
import { t } from './i18n';
import { browser } from 'wxt/browser';
import { defineItem } from './item';
import { applyManaged } from '@/utils/managed';
import { repairSettings } from '@/utils/settings/repair';
import { defaultSettings, parseStoredSettings, type Settings } from '@/utils/settings/schema';
import { gather, isSettingsKey, layOut, MAX_ITEMS, QUOTA_BYTES, totalBytes } from '@/utils/sync-layout';
import type { Exception } from '@/utils/types';

/** The settings document exactly as stored under `settings` (untrusted until validated; may be a core whose large fields are stored apart). */
export const settingsItem = defineItem<unknown>('sync:settings');
export const exceptionsItem = defineItem<Exception[]>('local:exceptions', { fallback: [] });
export const wrapUpsItem = defineItem<Record<string, number>>('local:wrapUps', { fallback: {} });
/** The `endsAt` of the last work range whose wind-down was announced, so it is announced once. */
export const windDownNoticeItem = defineItem<number>('local:windDownNotified', { fallback: 0 });
/**
 * How many open work tabs the last re-guard could not get into (a count only). Session storage:
 * the browser forgets it when it closes, as it does the tabs, and with every new version.
 */
export const uncoveredTabsItem = defineItem<number>('session:uncoveredTabs', { fallback: 0 });
const POLICY_COPY_KEY = 'managedPolicy';
/** The practice's policy as last read: what applies while the browser's policy service is still starting. */
export const policyCopyItem = defineItem<unknown>(`local:${POLICY_COPY_KEY}`, { fallback: null });

export interface SettingsState {
  /** The settings in force: the clinician's own with the practice's policy on top. */
  readonly settings: Settings;
  /** What the clinician should be told (fields repaired, still syncing, a policy field ignored), or null. */
  readonly notice: string | null;
  /** Paths set by the practice (`week`, `actions.ehr`, `sites.catalogue.gmail`): shown as "Set by your practice", not editable. */
  readonly locked: string[];
}

export type WriteResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

interface UserSettings {
  settings: Settings;
  notices: string[];
  /** Fields of a split document whose pieces have not all arrived from another computer. */
  incomplete: string[];
}

// The last whole value of each field read here: what a field still arriving keeps meanwhile.
const lastWhole = new Map<string, unknown>();

const list = (errors: readonly string[]) => `${errors.slice(0, 3).join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`;

/** The clinician's own settings from sync storage, repaired field by field. */
async function readUser(): Promise<UserSettings> {
  let items: Record<string, unknown>;
  try {
    items = await browser.storage.sync.get(null);
  } catch (error) {
    return { settings: defaultSettings(), notices: [t('stUnreadable', String(error))], incomplete: [] };
  }
  const { doc, incomplete } = gather(items);
  if (doc === null || doc === undefined) return { settings: defaultSettings(), notices: [], incomplete };
  const notices: string[] = [];
  let input = doc;
  if (typeof doc === 'object' && !Array.isArray(doc)) {
    for (const [field, value] of Object.entries(doc)) lastWhole.set(field, value);
    const kept = incomplete.filter((field) => lastWhole.has(field));
    input = { ...doc, ...Object.fromEntries(kept.map((field) => [field, lastWhole.get(field)])) };
    if (incomplete.length) {
      notices.push(t(kept.length === incomplete.length ? 'stArrivingPrevious' : 'stArrivingDefaults', incomplete.join(', ')));
    }
  }
  const { settings, errors } = repairSettings(t, input);
  if (errors.length) notices.push(t('stInvalid', list(errors)));
  return { settings, notices, incomplete };
}

/** The practice's managed policy, or null where there is none or the browser has no managed storage. */
async function readPolicy(): Promise<unknown> {
  // Firefox rejects when no policy names the extension; Chrome resolves to {}.
  const fresh = browser.storage.managed.get(null).then(
    (policy: unknown) => policy,
    () => null,
  );
  const copy = policyCopyItem.getValue().catch(() => null);
  // A late answer that differs updates the copy, and that change wakes the guard (isSettingsChange).
  void fresh.then(async (policy) => {
    if (JSON.stringify(policy) !== JSON.stringify(await copy)) await policyCopyItem.setValue(policy).catch(() => undefined);
  });
  // Chrome answers the first read of a session only once its policy service has loaded the
  // schema, 2–3 seconds after start: the guard does not wait (its first decisions after a start
  // are what keeps a boundary exact), so whichever answers first applies — the browser's, once
  // its service is up, or the copy.
  return Promise.race([fresh, new Promise<unknown>((resolve) => setTimeout(() => resolve(copy), 0))]);
}

/** The settings in force, what the clinician should be told, and which fields the practice set. */
export async function readSettingsState(): Promise<SettingsState> {
  const [user, policy] = await Promise.all([readUser(), readPolicy()]);
  const managed = applyManaged(t, user.settings, policy);
  const notices = [...user.notices];
  if (managed.errors.length) notices.push(t('stPolicy', list(managed.errors)));
  return { settings: managed.settings, notice: notices.join(' ') || null, locked: managed.locked };
}

/** The settings in force (the clinician's own under the practice's policy); a tampered or unreadable document gives defaults per field and a notice. */
export async function readSettings(): Promise<{ settings: Settings; notice: string | null }> {
  const { settings, notice } = await readSettingsState();
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
      typeof item === 'object' &&
      item !== null &&
      typeof (item as Exception).endsAt === 'number' &&
      typeof (item as Exception).startedAt === 'number' &&
      typeof (item as Exception).scope === 'object' &&
      (item as Exception).endsAt > now,
  );
}

/** "2,400 custom sites": the list that makes a document large, for the message that says so. */
function largest(settings: Settings): string {
  const lists: Array<[unknown[], MessageKey]> = [
    [settings.sites.custom, 'lgCustom'],
    [settings.timeOff, 'lgDaysOff'],
    [settings.selfCare.prompts, 'lgPrompts'],
    [settings.selfCare.plan, 'lgBlocks'],
    [Object.values(settings.week).flat(), 'lgRanges'],
  ];
  const [items, what] = lists.reduce((a, b) => (JSON.stringify(b[0]).length > JSON.stringify(a[0]).length ? b : a));
  return t(what, items.length.toLocaleString(localeOf(t)));
}

/** Stores valid settings in as many items as the quotas need; nothing changes if they do not fit. */
async function store(settings: Settings): Promise<WriteResult> {
  const sync = browser.storage.sync;
  const items = layOut(settings);
  const current = await sync.get(null);
  const others = Object.fromEntries(Object.entries(current).filter(([key]) => !isSettingsKey(key)));
  const total = totalBytes(items) + totalBytes(others);
  if (total > QUOTA_BYTES || Object.keys(items).length + Object.keys(others).length > MAX_ITEMS) {
    const kb = (n: number) => Math.ceil(n / 1024);
    return {
      ok: false,
      errors: [t('stTooLarge', largest(settings), kb(total), kb(QUOTA_BYTES))],
    };
  }
  const stale = Object.keys(current).filter((key) => isSettingsKey(key) && !(key in items));
  const unchanged = stale.length === 0 && Object.entries(items).every(([key, value]) => JSON.stringify(current[key]) === JSON.stringify(value));
  // Writes are rationed (120 a minute): an unchanged document is not written again.
  if (unchanged) return { ok: true, settings };
  try {
    // One call, so the core and its pieces land together; left-over pieces go after, unreferenced.
    await sync.set(items);
    if (stale.length) await sync.remove(stale);
  } catch (error) {
    return { ok: false, errors: [t('stNotSaved', error instanceof Error ? error.message : String(error))] };
  }
  return { ok: true, settings };
}

let writes: Promise<unknown> = Promise.resolve();
function serialised(run: () => Promise<WriteResult>): Promise<WriteResult> {
  const result = writes.then(run);
  writes = result.catch(() => undefined);
  return result;
}

/**
 * Replaces the clinician's settings with `doc` (an import already read with `parseSettings`,
 * "Restore defaults") if it is valid and fits sync storage; otherwise nothing changes and `errors` say why, naming fields. A practice's
 * policy still wins over what is written.
 */
export function writeSettings(doc: unknown): Promise<WriteResult> {
  return serialised(async () => {
    const parsed = parseStoredSettings(t, doc);
    return parsed.ok ? store(parsed.settings) : parsed;
  });
}

/**
 * Applies `change` to the clinician's own current settings (not the policy's: those win on read
 * anyway) and stores the result, if valid. Writes are serialised, so two quick changes (two pages,
 * two clicks) never overwrite each other. `settings` in the result is what was stored.
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<WriteResult> {
  return serialised(async () => {
    const { settings, incomplete } = await readUser();
    // Writing now would store the stand-in for a field over the value on its way.
    if (incomplete.length) return { ok: false, errors: [t('stStillArriving')] };
    const next = parseStoredSettings(t, change(settings));
    return next.ok ? store(next.settings) : next;
  });
}

/** Whether a `storage.onChanged` event changes the settings in force: the sync document's keys, or the practice's policy. */
export function isSettingsChange(changes: Readonly<Record<string, unknown>>, areaName: string): boolean {
  if (areaName === 'managed') return true;
  if (areaName === 'local') return POLICY_COPY_KEY in changes;
  return areaName === 'sync' && Object.keys(changes).some(isSettingsKey);
}
