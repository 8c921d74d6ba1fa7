import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isSettingsChange, policyCopyItem, readSettings, readSettingsState, updateSettings, writeSettings } from '@/stores/storage';
import { defaultSettings, parseSettings, SETTINGS_FORMAT, SETTINGS_VERSION, type Settings } from '@/utils/settings';
import { itemBytes, QUOTA_BYTES_PER_ITEM } from '@/utils/sync-layout';
import { en } from './english';

const doc = (fields: Record<string, unknown> = {}) => ({ format: SETTINGS_FORMAT, version: SETTINGS_VERSION, ...fields });
// Long hosts: a document holds at most MAX_CUSTOM_SITES (200) custom sites, and must still be large.
const hostOf = (i: number, tag = 'clinic') => `ehr-${i}.${tag}-${'p'.repeat(50)}.${'q'.repeat(50)}.example.org`;
const customSites = (n: number, tag = 'clinic') => Array.from({ length: n }, (_, i) => ({ host: hostOf(i, tag), category: 'ehr' as const }));
const LATE_WEEK = { mon: [['10:00', '18:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const syncItems = () => fakeBrowser.storage.sync.get(null);

function settingsOf(input: unknown): Settings {
  const parsed = parseSettings(en, input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.settings;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('settings in sync storage', () => {
  it('reads a whole document under `settings`, as older versions and other computers write it', async () => {
    await fakeBrowser.storage.sync.set({ settings: doc({ week: LATE_WEEK }) });
    const { settings, notice } = await readSettings();
    expect(settings.week.mon).toEqual([['10:00', '18:00']]);
    expect(notice).toBeNull();
  });

  it('drops a stored custom site whose host is not a web address, with a notice naming it', async () => {
    await fakeBrowser.storage.sync.set({
      settings: doc({
        sites: {
          custom: [
            { host: 'ehr .example.org', category: 'ehr' },
            { host: 'ehr.example.org', category: 'ehr' },
          ],
        },
      }),
    });
    const { settings, notice } = await readSettings();
    expect(settings.sites.custom).toEqual([{ host: 'ehr.example.org', category: 'ehr' }]);
    expect(notice).toBe(
      'Some settings were invalid and the defaults apply for them: sites.custom[0].host: "ehr .example.org" is not a web address: it contains a space.',
    );
  });

  it('gives the defaults, without a notice, when nothing is stored', async () => {
    expect(await readSettings()).toEqual({ settings: defaultSettings(), notice: null });
  });

  it('stores a document that fits one item whole under `settings`', async () => {
    const result = await writeSettings(doc({ week: LATE_WEEK }));
    expect(result.ok).toBe(true);
    expect(Object.keys(await syncItems())).toEqual(['settings']);
    expect((await readSettings()).settings.week.mon).toEqual([['10:00', '18:00']]);
  });

  it('splits a large document into items that each fit the per-item quota, and reads it back whole', async () => {
    const big = doc({
      week: LATE_WEEK,
      sites: { custom: customSites(200) },
      selfCare: { prompts: Array.from({ length: 40 }, () => '<b>Breathe</b> — "slowly" '.repeat(7)) },
    });
    const result = await writeSettings(big);
    expect(result.ok).toBe(true);
    const items = await syncItems();
    expect(Object.keys(items).length).toBeGreaterThan(3);
    for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value), key).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
    const { settings, notice } = await readSettings();
    expect(notice).toBeNull();
    expect(settings).toEqual(settingsOf(big));
  });

  it('keeps the hours in the `settings` item of a split document, for an older version that reads only it', async () => {
    await writeSettings(doc({ week: LATE_WEEK, sites: { custom: customSites(200) } }));
    const { settings: core } = await fakeBrowser.storage.sync.get('settings');
    const old = parseSettings(en, core);
    expect(old.ok && old.settings.week.mon).toEqual([['10:00', '18:00']]);
  });

  it('measures strings as Chromium does, where `<` costs six bytes', () => {
    expect(itemBytes('k', '<<')).toBe(1 + 2 + 12);
    expect(itemBytes('k', { a: 'é"' })).toBe(1 + '{"a":""}'.length + 2 + 2);
  });

  it('removes the pieces of a split document once a small one replaces it', async () => {
    await writeSettings(doc({ sites: { custom: customSites(200) } }));
    await writeSettings(doc({ week: LATE_WEEK }));
    expect(Object.keys(await syncItems())).toEqual(['settings']);
    expect((await readSettings()).settings.sites.custom).toEqual([]);
  });

  it('refuses a document too large for sync with a message that says what to remove, and changes nothing', async () => {
    await writeSettings(doc({ week: LATE_WEEK }));
    const before = await syncItems();
    const result = await writeSettings(doc({ selfCare: { prompts: Array.from({ length: 800 }, (_, i) => `${i} ${'Breathe slowly. '.repeat(12)}`) } }));
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(
          /^Your settings are too large to sync: 800 self-care prompts; remove some\. \(They take \d+ KB; the browser syncs at most 100 KB\.\)$/,
        ),
      ],
    });
    expect(await syncItems()).toEqual(before);
  });

  it('counts other keys in sync storage against the total quota', async () => {
    await fakeBrowser.storage.sync.set({ other: 'x'.repeat(70_000) });
    const result = await writeSettings(doc({ sites: { custom: customSites(200) } }));
    expect(result.ok).toBe(false);
  });

  it('refuses an invalid document by field and changes nothing', async () => {
    await writeSettings(doc({ week: LATE_WEEK }));
    const result = await writeSettings(doc({ week: { mon: [['09:00', '25:00']] } }));
    expect(result).toEqual({ ok: false, errors: ['week.mon[0]: end "25:00" is not a time (HH:MM, or 24:00)'] });
    expect((await readSettings()).settings.week.mon).toEqual([['10:00', '18:00']]);
  });

  it('does not write an unchanged document again (writes are rationed)', async () => {
    await writeSettings(doc({ week: LATE_WEEK }));
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    expect((await writeSettings(doc({ week: LATE_WEEK }))).ok).toBe(true);
    expect(set).not.toHaveBeenCalled();
  });

  it("reports the browser's refusal (a write quota) and leaves the settings as they were", async () => {
    await writeSettings(doc({ week: LATE_WEEK }));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    const result = await writeSettings(doc());
    expect(result).toEqual({ ok: false, errors: ['Your settings could not be saved: MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'] });
    expect((await readSettings()).settings.week.mon).toEqual([['10:00', '18:00']]);
  });

  it('serialises quick updates so that none is lost', async () => {
    await Promise.all([updateSettings((s) => ({ ...s, windDownMinutes: 20 })), updateSettings((s) => ({ ...s, afterHoursMessage: 'Away until {next}.' }))]);
    const { settings } = await readSettings();
    expect(settings).toMatchObject({ windDownMinutes: 20, afterHoursMessage: 'Away until {next}.' });
  });
});

describe('a split document arriving from another computer', () => {
  // Sync delivered the new core but still holds a piece of the previous write.
  async function halfArrived() {
    await writeSettings(doc({ week: LATE_WEEK, sites: { custom: customSites(200, 'old') } }));
    const old = await syncItems();
    await writeSettings(doc({ week: LATE_WEEK, timeZone: 'Europe/Paris', sites: { custom: customSites(200, 'new') } }));
    await fakeBrowser.storage.sync.set({ 'settings.sites.1': old['settings.sites.1'] });
  }

  it('keeps the last whole value of the field still arriving, never half of each, and says so', async () => {
    await writeSettings(doc({ week: LATE_WEEK, sites: { custom: customSites(200, 'old') } }));
    await readSettings();
    await halfArrived();
    const { settings, notice } = await readSettings();
    expect(settings.timeZone).toBe('Europe/Paris');
    expect(settings.sites.custom[0]?.host).toBe(hostOf(0, 'old'));
    expect(settings.sites.custom).toHaveLength(200);
    expect(notice).toMatch(/still arriving from your other computer \(sites\); the previous ones apply/);
  });

  it('refuses to update meanwhile, so the stand-in is not written over the value on its way', async () => {
    await halfArrived();
    const result = await updateSettings((s) => ({ ...s, windDownMinutes: 5 }));
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/still arriving/)] });
  });

  it('reads the whole new document once the last piece lands', async () => {
    await halfArrived();
    await writeSettings(doc({ week: LATE_WEEK, timeZone: 'Europe/Paris', sites: { custom: customSites(200, 'new') } }));
    await fakeBrowser.storage.sync.set({ 'settings.sites.1': (await syncItems())['settings.sites.1'] });
    const { settings, notice } = await readSettings();
    expect(notice).toBeNull();
    expect(settings.sites.custom.every((site) => site.host.includes('.new-'))).toBe(true);
  });
});

describe('a practice policy over the clinician settings', () => {
  it('wins field by field, lists what it locks, and leaves the rest to the clinician', async () => {
    await writeSettings(doc({ week: LATE_WEEK, actions: { email: 'allow' } }));
    await fakeBrowser.storage.managed.set({ week: { mon: [['08:00', '16:00']] }, actions: { ehr: 'dim' } });
    const state = await readSettingsState();
    expect(state.settings.week.mon).toEqual([['08:00', '16:00']]);
    expect(state.settings.actions).toEqual({ ehr: 'dim', practice: 'block', telehealth: 'dim', email: 'allow' });
    expect(state.locked).toEqual(['actions.ehr', 'week']);
    expect((await readSettings()).settings.week.mon).toEqual([['08:00', '16:00']]);
  });

  it("updates the clinician's own document, never baking the policy into it", async () => {
    await writeSettings(doc({ week: LATE_WEEK }));
    await fakeBrowser.storage.managed.set({ week: { mon: [['08:00', '16:00']] } });
    await updateSettings((s) => ({ ...s, windDownMinutes: 15 }));
    const { settings: stored } = await fakeBrowser.storage.sync.get('settings');
    expect(stored).toMatchObject({ week: { mon: [['10:00', '18:00']] }, windDownMinutes: 15 });
  });

  it('ignores an invalid policy field with a notice that names it', async () => {
    await fakeBrowser.storage.managed.set({ timeZone: 'Mars/Olympus', windDownMinutes: 0 });
    const state = await readSettingsState();
    expect(state.settings.timeZone).toBe('system');
    expect(state.settings.windDownMinutes).toBe(0);
    expect(state.locked).toEqual(['windDownMinutes']);
    expect(state.notice).toBe(
      `Your practice's policy has settings that could not be used, and yours apply for them: timeZone: "Mars/Olympus" is not a time zone (e.g. "America/New_York", or "system").`,
    );
  });

  it("applies the policy as last read while the browser's policy service starts, and wakes the guard when it answers", async () => {
    await policyCopyItem.setValue({ timeZone: 'UTC' });
    let answer: (policy: unknown) => void = () => {};
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValueOnce(new Promise((resolve) => (answer = resolve)) as never);
    const changes: Array<[Record<string, unknown>, string]> = [];
    fakeBrowser.storage.onChanged.addListener((change, area) => void changes.push([change, area]));
    expect((await readSettingsState()).settings.timeZone).toBe('UTC');
    answer({ timeZone: 'Asia/Tokyo' });
    await vi.waitFor(() => expect(changes.some(([change, area]) => isSettingsChange(change, area))).toBe(true));
    await fakeBrowser.storage.managed.set({ timeZone: 'Asia/Tokyo' });
    expect((await readSettingsState()).settings.timeZone).toBe('Asia/Tokyo');
  });

  it('is read as no policy where the browser has no managed storage for the extension', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    await writeSettings(doc({ week: LATE_WEEK }));
    expect(await readSettingsState()).toEqual({ settings: settingsOf(doc({ week: LATE_WEEK })), notice: null, locked: [] });
  });
});

describe('which storage changes are settings changes', () => {
  it.each([
    [{ settings: {} }, 'sync', true],
    [{ 'settings.sites.0': {} }, 'sync', true],
    [{ anything: {} }, 'managed', true],
    [{ settings: {} }, 'local', false],
    [{ exceptions: {} }, 'local', false],
    [{ 'settings-backup': {} }, 'sync', false],
    [{ managedPolicy: {} }, 'local', true],
  ])('%o in %s: %s', (changes, area, expected) => {
    expect(isSettingsChange(changes, area)).toBe(expected);
  });
});
