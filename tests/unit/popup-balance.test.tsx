// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/popup/App';
import { history } from '../../stores/history';
import { dayOffSuggestedItem, reviewedWeekItem } from '../../stores/review-store';
import { snapshotItem } from '../../stores/snapshot';
import { settingsItem } from '../../stores/storage';
import { CLOCK_OUT_LABEL } from '../../utils/balance';
import { decide } from '../../utils/policy';
import { REVIEW_LABEL } from '../../utils/review';
import type { Settings } from '../../utils/settings';
import { at, settingsWith, WEEK, ZONE } from './popup-fixtures';

const snapshot = (settings: Settings) => snapshotItem.setValue({ settings, exceptions: [], timeZone: ZONE, wrapUps: {}, notice: null });
const stored = async () => (await settingsItem.getValue()) as Settings | null;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => ({ ok: true }));
  await history.clear();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('"Clock out now"', () => {
  it('ends today early, pays back the rest of the day in the balance, and undoes', async () => {
    // Tuesday 2026-12-01, 15:00: two hours of work left; an hour after hours on Monday evening.
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-12-01 15:00') });
    await history.record({ at: at('2026-11-30 19:00'), kind: 'usage', site: 'simplepractice', category: 'ehr', minutes: 60 });
    await snapshot(settingsWith({ week: WEEK }));
    render(<App />);
    await vi.waitFor(() => expect(screen.getByText(/^This week:/).textContent).toMatch(/1 h owed to you$/));
    fireEvent.click(await screen.findByRole('button', { name: 'Clock out now' }));
    await vi.waitFor(async () => expect((await stored())?.timeOff).toEqual([{ from: '2026-12-01', to: '2026-12-01', label: CLOCK_OUT_LABEL }]));
    expect(decide((await stored())!, Date.now(), ZONE).siteActions.simplepractice).toBe('block');
    expect((await history.between(0, Infinity)).filter((e) => e.kind === 'clockedOut').map((e) => e.minutes)).toEqual([120]);

    await snapshot((await stored())!);
    await vi.waitFor(() => expect(screen.getByText(/^This week:/).textContent).toMatch(/nothing owed$/));
    fireEvent.click(screen.getByRole('button', { name: 'Undo: back to work today' }));
    await vi.waitFor(async () => expect((await stored())?.timeOff).toEqual([]));
    expect((await history.between(0, Infinity)).map((e) => e.kind)).toEqual(['usage']);
  });
});

describe('the weekly review', () => {
  it("shows after the week's last work range with the week's minutes, adds a day off that blocks that date, and undoes it", async () => {
    // Friday 2026-12-04, 15:30: the week's last range ended at 15:00.
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-12-04 15:30') });
    await history.record({ at: at('2026-12-02 20:00'), kind: 'exceptionStarted', site: 'simplepractice', category: 'ehr', minutes: 30 });
    await history.record({ at: at('2026-12-02 20:00'), kind: 'usage', site: 'simplepractice', category: 'ehr', minutes: 1 });
    await history.record({ at: at('2026-12-02 20:30'), kind: 'exceptionEnded', site: 'simplepractice', category: 'ehr', minutes: 30 });
    await snapshot(settingsWith({ week: WEEK }));
    render(<App />);
    const review = await screen.findByRole('region', { name: 'Your week of 30 Nov' });
    expect(review.textContent).toContain('After hours: Wed 1 min — 1 min in all.');
    expect(review.textContent).toContain('Crisis exceptions: 1 of 5.');

    fireEvent.input(screen.getByLabelText('Day off on'), { target: { value: '2026-12-09' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a day off' }));
    await vi.waitFor(async () => expect((await stored())?.timeOff).toEqual([{ from: '2026-12-09', to: '2026-12-09', label: REVIEW_LABEL }]));
    expect(decide((await stored())!, at('2026-12-09 10:00'), ZONE).siteActions.simplepractice).toBe('block');
    expect(await screen.findByText(/^9 Dec is a day off\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await vi.waitFor(async () => expect((await stored())?.timeOff).toEqual([]));

    // A past date is refused with a message, and nothing changes.
    fireEvent.input(screen.getByLabelText('Day off on'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a day off' }));
    expect((await screen.findByRole('alert')).textContent).toBe('1 Dec has passed: choose today or a later day.');
    expect((await stored())?.timeOff).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Protect an evening' }));
    await vi.waitFor(async () => expect((await stored())?.selfCare.plan).toMatchObject([{ date: '2026-12-07', from: '18:00', to: '22:00' }]));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await vi.waitFor(async () => expect((await stored())?.selfCare.plan).toEqual([]));

    fireEvent.click(screen.getByRole('button', { name: "Done with this week's review" }));
    await vi.waitFor(() => expect(screen.queryByRole('region', { name: 'Your week of 30 Nov' })).toBeNull());
    expect(await reviewedWeekItem.getValue()).toBe('2026-11-30');
  });

  it('is not shown before the last range of the week has ended', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-12-04 14:30') });
    await snapshot(settingsWith({ week: WEEK }));
    render(<App />);
    await screen.findByText(/^This week:/);
    expect(screen.queryByRole('region', { name: /^Your week/ })).toBeNull();
  });
});

describe('the day-off suggestion', () => {
  it('comes after 8 weeks without a day off, at most once a week', async () => {
    // Tuesday 2026-12-01 at 19:00; the history began on 1 October, 61 days ago; no day off since.
    vi.useFakeTimers({ toFake: ['Date'], now: at('2026-12-01 19:00') });
    await history.record({ at: at('2026-10-01 19:00'), kind: 'blockedVisit', site: 'simplepractice', category: 'ehr', minutes: 0 });
    await snapshot(settingsWith({ week: WEEK }));
    const first = render(<App />);
    expect((await screen.findByRole('region', { name: 'Time for a day off?' })).textContent).toContain('No day off taken or planned in 8 weeks.');
    // The week is marked as soon as it shows.
    await vi.waitFor(async () => expect(await dayOffSuggestedItem.getValue()).toBe('2026-11-30'));
    first.unmount();
    // Opened again the same week: not again.
    render(<App />);
    await screen.findByText(/^This week:/);
    await vi.waitFor(() => expect(screen.getByText(/^This week:/).textContent).not.toBe('This week: counting…'));
    expect(screen.queryByRole('region', { name: 'Time for a day off?' })).toBeNull();
    cleanup();
    // The next week it may come again.
    vi.setSystemTime(at('2026-12-08 19:00'));
    await history.record({ at: at('2026-10-10 19:00'), kind: 'blockedVisit', site: 'simplepractice', category: 'ehr', minutes: 0 });
    render(<App />);
    expect(await screen.findByRole('region', { name: 'Time for a day off?' })).toBeTruthy();
  });
});
