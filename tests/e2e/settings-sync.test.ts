// Settings in Chromium's real sync storage, whose quotas the fake browser does not enforce: a large
// document is stored in pieces Chromium accepts, arrives whole or not at all, and is enforced.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseSettings, type Settings, type SettingsInput } from '../../utils/settings';
import type { SettingsState, WriteResult } from '../../stores/storage';
import { itemBytes, layOut } from '../../utils/sync-layout';
import { untilGuard } from './guard-helpers';
import { launch, neverWork, settingsWith, type Harness } from './harness';
import { en } from '../unit/english';

interface WorkerApi {
  readSettingsState(): Promise<SettingsState>;
}
interface OptionsApi {
  writeSettings(doc: unknown): Promise<WriteResult>;
}

const customSites = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ host: `ehr-${i}.${tag}-practice.example`, category: 'ehr' as const }));
/** Off hours, the most custom sites allowed (200) and prompts full of `<`, which Chromium counts as six bytes each. */
const large = (tag: string, overrides: Partial<SettingsInput> = {}) =>
  settingsWith({
    week: neverWork(),
    sites: { custom: customSites(200, tag) },
    selfCare: { prompts: Array.from({ length: 30 }, (_, i) => `<${i}> `.repeat(40)) },
    ...overrides,
  });

function parsed(doc: unknown): Settings {
  const result = parseSettings(en, doc);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.settings;
}

const syncItems = (h: Harness) => h.evalInWorker((chrome) => chrome.storage.sync.get(null));
const setSync = (h: Harness, items: Record<string, unknown>) => h.evalInWorker((chrome, i) => chrome.storage.sync.set(i), items);
/** Writes `doc` as the options page does (the page the worker leaves writing to). */
const write = async (h: Harness, doc: unknown): Promise<WriteResult> => {
  const page = await h.openPage(h.extensionUrl('options.html'));
  try {
    return await page.evaluate((d) => (globalThis as unknown as { clockedOutTestHooks: OptionsApi }).clockedOutTestHooks.writeSettings(d), doc);
  } finally {
    await page.close();
  }
};
const state = (h: Harness) => h.evalInWorker(() => (globalThis as unknown as { clockedOutTestHooks: WorkerApi }).clockedOutTestHooks.readSettingsState());
const firstCustomHost = (snapshot: Record<string, unknown>) => (snapshot.settings as Settings).sites.custom[0]?.host;
const rulesFor = (h: Harness, host: string) =>
  h.evalInWorker(
    async (chrome, fragment) => (await chrome.declarativeNetRequest.getDynamicRules()).filter((r) => r.condition.regexFilter?.includes(fragment)).length,
    host.replace(/\./g, '\\.'),
  );

describe('settings in sync storage', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('Chromium refuses a large document as one item: the reason it is split', async () => {
    const refused = await h.evalInWorker(
      (chrome, doc) =>
        chrome.storage.sync.set({ settings: doc }).then(
          () => 'stored',
          (e: unknown) => String(e),
        ),
      large('one'),
    );
    expect(refused).toMatch(/QuotaBytesPerItem|QUOTA_BYTES_PER_ITEM/);
  });

  test('stores a large document in pieces Chromium accepts, and the guard enforces all of it', async () => {
    expect(await write(h, large('big'))).toMatchObject({ ok: true });
    const items = await syncItems(h);
    const keys = Object.keys(items);
    expect(keys.length).toBeGreaterThan(3);
    // Pieces are filled to the per-item quota as Chromium counts it, so its acceptance checks the count.
    expect(Math.max(...Object.entries(items).map(([key, value]) => itemBytes(key, value)))).toBeGreaterThan(8000);
    expect(keys).toContain('settings');
    const { settings, notice } = await state(h);
    expect(notice).toBeNull();
    expect(settings).toEqual(parsed(large('big')));
    await untilGuard(h, (s) => firstCustomHost(s) === 'ehr-0.big-practice.example', 10_000);
    expect(await rulesFor(h, 'ehr-199.big-practice.example')).toBe(1);
  });

  test('refuses a document too large for sync with a message that says what to remove, and changes nothing', async () => {
    const before = await syncItems(h);
    const prompts = Array.from({ length: 3000 }, (_, i) => `<${i}> `.repeat(25));
    const result = await write(h, settingsWith({ selfCare: { prompts } }));
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/^Your settings are too large to sync: 3,000 self-care prompts; remove some\./)] });
    expect(await syncItems(h)).toEqual(before);
  });

  test('a whole document under `settings`, as an older version or another computer writes it, replaces a split one', async () => {
    await h.setSettings(settingsWith({ week: neverWork(), sites: { custom: customSites(1, 'whole') } }));
    await untilGuard(h, (s) => firstCustomHost(s) === 'ehr-0.whole-practice.example', 10_000);
    expect((await state(h)).settings.sites.custom).toHaveLength(1);
    expect(await rulesFor(h, 'ehr-199.big-practice.example')).toBe(0);
  });

  test('a document arriving piece by piece from another computer is applied only once whole', async () => {
    const before = layOut(parsed(large('before')));
    const after = layOut(parsed(large('after', { timeZone: 'Pacific/Auckland' })));
    const pieces = Object.keys(after).filter((key) => key.startsWith('settings.sites.'));
    expect(pieces.length).toBeGreaterThan(1);
    await setSync(h, before);
    await untilGuard(h, (s) => firstCustomHost(s) === 'ehr-0.before-practice.example', 10_000);

    // The new core and the first piece of its sites arrive; the rest is still on its way.
    await setSync(h, { settings: after.settings, [pieces[0] ?? '']: after[pieces[0] ?? ''] });
    await untilGuard(h, (s) => (s.settings as Settings).timeZone === 'Pacific/Auckland', 10_000);
    const meanwhile = await state(h);
    expect(meanwhile.settings.sites.custom[0]?.host).toBe('ehr-0.before-practice.example');
    expect(meanwhile.settings.sites.custom).toHaveLength(200);
    expect(meanwhile.notice).toMatch(/still arriving from your other computer \(sites\)/);

    // The last pieces alone: the guard wakes for them and applies the whole new document.
    await setSync(h, Object.fromEntries(pieces.slice(1).map((key) => [key, after[key]])));
    await untilGuard(h, (s) => firstCustomHost(s) === 'ehr-0.after-practice.example', 10_000);
    expect((await state(h)).notice).toBeNull();
    expect(await rulesFor(h, 'ehr-199.after-practice.example')).toBe(1);
  });
});
