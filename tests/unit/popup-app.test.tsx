// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/popup/App';
import { promptForToday } from '../../stores/prompt-store';
import { TODAY_OFF_LABEL, todayOffChoice } from '../../utils/today-off';
import { history } from '../../stores/history';
import type { Request } from '../../utils/messages';
import type { Settings } from '../../utils/settings';
import { snapshotItem } from '../../stores/snapshot';
import { settingsItem } from '../../stores/storage';
import { MINUTE } from '../../utils/zoned-time';
import { at, settingsWith, WEEK, ZONE } from './popup-fixtures';

// Monday 2026-11-30, 10:00 and 19:00 in Chicago.
const MORNING = at('2026-11-30 10:00');
const EVENING = at('2026-11-30 19:00');

const snapshot = (settings: Settings, notice: string | null = null) => snapshotItem.setValue({ settings, exceptions: [], timeZone: ZONE, wrapUps: {}, notice });
const messages: Request[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  messages.length = 0;
  vi.useFakeTimers({ toFake: ['Date'], now: EVENING });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    messages.push(message as Request);
    return { ok: true };
  });
  await history.clear();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the popup', () => {
  it("shows the worker's state, today's timeline, a prompt, the week and any notice", async () => {
    await snapshot(settingsWith({ week: WEEK }), 'Some settings were invalid and the defaults apply for them: week.mon.');
    await history.record({ at: EVENING - 2 * 60 * MINUTE, kind: 'exceptionStarted', site: 'simplepractice', category: 'ehr', minutes: 30 });
    await history.record({ at: EVENING - 90 * MINUTE, kind: 'exceptionEnded', site: 'simplepractice', category: 'ehr', minutes: 30 });
    // Of its 30 minutes, the site was in the foreground for 12.
    await history.record({ at: EVENING - 2 * 60 * MINUTE, kind: 'usage', site: 'simplepractice', category: 'ehr', minutes: 12 });
    render(<App />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Clocked out — back tomorrow 9:00 AM');
    expect(screen.getByRole('status').textContent).toMatch(/defaults apply/);
    expect(screen.getByText(/^Work today, Mon 30 Nov: 9:00 AM–12:30 PM and 1:30 PM–5:00 PM\./)).toBeTruthy();
    expect((await screen.findByRole('complementary', { name: 'For this evening' })).textContent).not.toBe('For this evening');
    expect((await screen.findByText(/^This week: 12 min after hours/)).textContent).toBe(
      'This week: 12 min after hours · 1 of 5 crisis exceptions · 12 min owed to you',
    );
  });

  it("preselects the current tab's work site, and keeps its address nowhere", async () => {
    await snapshot(settingsWith({ week: WEEK }));
    const win = await fakeBrowser.windows.create({ focused: true });
    await fakeBrowser.tabs.create({ windowId: win?.id ?? 0, url: 'https://secure.simplepractice.com/clients/4f1e2d/notes?tab=1', active: true });
    render(<App />);
    // The tab is looked up after the first render: the steps follow it.
    fireEvent.click(await screen.findByRole('button', { name: 'Crisis exception…' }));
    await vi.waitFor(() => expect((screen.getByRole('radio', { name: 'Only SimplePractice' }) as HTMLInputElement).checked).toBe(true));
    fireEvent.click(await screen.findByRole('button', { name: /^Yes, open until/ }));
    await vi.waitFor(() => expect(messages).toEqual([{ type: 'startException', scope: { type: 'site', siteId: 'simplepractice' }, minutes: 30 }]));
    const stored = JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.sync.get(null), await history.between(0, Infinity)]);
    expect(stored).not.toMatch(/clients|tab=1/);
  });

  it("warns from the snapshot's count of this week's exceptions before confirming", async () => {
    const settings = settingsWith({ week: WEEK, exceptions: { defaultMinutes: 30, weeklyLimit: 2, wrapUpMinutes: 5 } });
    const week = { from: at('2026-11-30 00:00'), to: at('2026-12-07 00:00'), used: 2, limit: 2 };
    await snapshotItem.setValue({ settings, exceptions: [], timeZone: ZONE, wrapUps: {}, notice: null, crisisWeek: week });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Crisis exception…' }));
    expect((await screen.findByText(/goes over it/)).textContent).toBe(
      'This will be your 3rd crisis exception this week. Your weekly limit is 2, so this one goes over it. It still opens: your client comes first.',
    );
    expect(messages).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /^Yes, open until/ }));
    await vi.waitFor(() => expect(messages).toEqual([{ type: 'startException', scope: { type: 'all' }, minutes: 30 }]));
  });

  it('takes today off at once, records it, and undoes both', async () => {
    vi.setSystemTime(MORNING);
    await snapshot(settingsWith({ week: WEEK }));
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Take today off' }));
    await vi.waitFor(async () =>
      expect(((await settingsItem.getValue()) as Settings | null)?.timeOff).toEqual([{ from: '2026-11-30', to: '2026-11-30', label: TODAY_OFF_LABEL }]),
    );
    expect((await history.between(0, Infinity)).map((e) => e.kind)).toEqual(['dayOff']);

    // The worker applies the change and writes a new snapshot; the popup follows it.
    await snapshot((await settingsItem.getValue()) as Settings);
    await vi.waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Day off — back tomorrow 9:00 AM'));
    fireEvent.click(screen.getByRole('button', { name: /^Undo/ }));
    await vi.waitFor(async () => expect(((await settingsItem.getValue()) as Settings | null)?.timeOff).toEqual([]));
    expect(await history.between(0, Infinity)).toEqual([]);
  });

  it('ends and extends a running exception through the worker', async () => {
    const settings = settingsWith({ week: WEEK });
    await snapshotItem.setValue({
      settings,
      exceptions: [{ id: 'x', kind: 'crisis', scope: { type: 'all' }, startedAt: EVENING - MINUTE, endsAt: EVENING + 20 * MINUTE }],
      timeZone: ZONE,
      wrapUps: {},
      notice: null,
    });
    render(<App />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Crisis exception — 20 min left');
    fireEvent.click(screen.getByRole('button', { name: 'Add 15 minutes' }));
    await vi.waitFor(() => expect(messages).toEqual([{ type: 'extendException', id: 'x', minutes: 15 }]));
    await vi.waitFor(() => expect((screen.getByRole('button', { name: 'End now' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'End now' }));
    await vi.waitFor(() => expect(messages.at(-1)).toEqual({ type: 'endException', id: 'x' }));
  });

  it('says how many open work tabs could not be covered after an update, until the worker finds them guarded', async () => {
    const settings = settingsWith({ week: WEEK });
    await snapshotItem.setValue({ settings, exceptions: [], timeZone: ZONE, wrapUps: {}, notice: null, uncovered: 2 });
    render(<App />);
    expect((await screen.findByText(/could not be covered/)).textContent).toBe('2 open work tabs could not be covered — reload them.');
    expect(screen.getByRole('group', { name: 'Sites not guarded' })).toBeTruthy();
    // One reloaded, one closed: the worker's next snapshot says none are left.
    await snapshotItem.setValue({ settings, exceptions: [], timeZone: ZONE, wrapUps: {}, notice: null, uncovered: 0 });
    await vi.waitFor(() => expect(screen.queryByText(/could not be covered/)).toBeNull());
    expect(screen.queryByRole('group', { name: 'Sites not guarded' })).toBeNull();
  });

  it('says so when the worker has not written its state yet', async () => {
    render(<App />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Clocked Out is starting…');
  });
});

describe('"Take today off"', () => {
  const week = settingsWith({ week: WEEK });
  it.each([
    ['a working day', week, '2026-11-30', 'take'],
    ['a Saturday without work', week, '2026-12-05', null],
    [
      'a day the popup made a day off',
      settingsWith({ week: WEEK, timeOff: [{ from: '2026-11-30', to: '2026-11-30', label: TODAY_OFF_LABEL }] }),
      '2026-11-30',
      'undo',
    ],
    ['a day in a planned holiday', settingsWith({ week: WEEK, timeOff: [{ from: '2026-11-30', to: '2026-12-04', label: 'Holiday' }] }), '2026-11-30', null],
  ] as const)('on %s offers %s', (_name, settings, date, choice) => {
    expect(todayOffChoice(settings, date, ZONE)).toBe(choice);
  });
});

describe("the popup's prompt", () => {
  const choice = { date: '2026-11-30', areas: {}, own: [] };

  it('keeps one prompt per moment through the day and repeats none', async () => {
    const evening = await promptForToday({ ...choice, moment: 'afterHours' });
    expect(await promptForToday({ ...choice, moment: 'afterHours' })).toEqual(evening);
    const morning = await promptForToday({ ...choice, moment: 'morning' });
    const eveningAgain = await promptForToday({ ...choice, moment: 'afterHours' });
    expect(new Set([evening?.id, morning?.id, eveningAgain?.id]).size).toBe(3);
    // A new day starts afresh.
    expect(await promptForToday({ ...choice, date: '2026-12-01', moment: 'afterHours' })).not.toBeNull();
  });

  it('drops a kept prompt whose area was switched off', async () => {
    const first = await promptForToday({ ...choice, moment: 'dayOff' });
    const area = first?.area === 'own' || !first ? 'boundaries' : first.area;
    const next = await promptForToday({ ...choice, moment: 'dayOff', areas: { [area]: false } });
    expect(next?.area).not.toBe(area);
  });
});

describe('"Open settings"', () => {
  it('opens the options page, and says so when it cannot', async () => {
    await snapshot(settingsWith({ week: WEEK }));
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockRejectedValueOnce(new Error('Could not create an options page.'));
    vi.spyOn(window, 'close').mockImplementation(() => undefined);
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open settings' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/settings page could not be opened .*Could not create an options page/);
    open.mockResolvedValueOnce(undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(open).toHaveBeenCalledTimes(2);
  });
});
