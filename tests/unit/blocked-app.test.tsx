// @vitest-environment happy-dom
// The blocked page's app: it names only guarded sites and records only visits really turned away.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/blocked/App';
import type { BlockedAddress } from '../../utils/blocked-address';
import { history } from '../../stores/history';
import type { Settings } from '../../utils/settings';
import { snapshotItem } from '../../stores/snapshot';
import { at, settingsWith, WEEK, ZONE } from './popup-fixtures';

// Monday 2026-11-30 in Chicago: 19:00 is off hours, 10:00 work hours.
const EVENING = at('2026-11-30 19:00');
const MORNING = at('2026-11-30 10:00');
const ORIGINAL = 'https://secure.simplepractice.com/clients/4f1e2d/notes';

const snapshot = (settings: Settings = settingsWith({ week: WEEK })) =>
  snapshotItem.setValue({ settings, exceptions: [], timeZone: ZONE, wrapUps: {}, notice: null });
const heading = () => screen.getByRole('heading', { level: 1 }).textContent;
const visits = () => history.between(0, Infinity);
/** Lets the app read the snapshot and run its effects (the history write included). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: EVENING });
  await history.clear();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the blocked page', () => {
  it('names a blocked site, says when it opens, offers a crisis exception and records one visit', async () => {
    await snapshot();
    render(<App address={{ siteId: 'simplepractice', original: ORIGINAL }} />);
    expect(heading()).toBe('SimplePractice is closed for the evening');
    expect((await screen.findByText(/^Opens again/)).textContent).toBe('Opens again tomorrow 9:00 AM.');
    expect(screen.getByRole('button', { name: /crisis exception/i })).toBeTruthy();
    await vi.waitFor(async () => expect(await visits()).toHaveLength(1));
    const [visit] = await visits();
    expect(visit).toEqual({ at: expect.any(Number), kind: 'blockedVisit', site: 'simplepractice', category: 'ehr', minutes: 0 });
    expect(Math.abs((visit?.at ?? 0) - EVENING)).toBeLessThan(5000);
  });

  it("warns from the snapshot's count before confirming, then asks the worker to open the site", async () => {
    const settings = settingsWith({ week: WEEK, exceptions: { defaultMinutes: 30, weeklyLimit: 2, wrapUpMinutes: 5 } });
    const crisisWeek = { from: at('2026-11-30 00:00'), to: at('2026-12-07 00:00'), used: 2, limit: 2 };
    await snapshotItem.setValue({ settings, exceptions: [], timeZone: ZONE, wrapUps: {}, notice: null, crisisWeek });
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => (sent.push(message), { ok: true }));
    render(<App address={{ siteId: 'simplepractice', original: ORIGINAL }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Crisis exception…' }));
    const group = await screen.findByRole('group', { name: 'Crisis exception' });
    expect((screen.getByRole('radio', { name: 'Only SimplePractice' }) as HTMLInputElement).checked).toBe(true);
    expect(group.textContent).toContain('Open SimplePractice until 7:30 PM (30 minutes)? It counts as after-hours work and closes by itself.');
    expect(group.textContent).toContain(
      'This will be your 3rd crisis exception this week. Your weekly limit is 2, so this one goes over it. It still opens: your client comes first.',
    );
    expect(sent).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, open until 7:30 PM' }));
    await vi.waitFor(() => expect(sent).toEqual([{ type: 'startException', scope: { type: 'site', siteId: 'simplepractice' }, minutes: 30 }]));
  });

  it('a new week counts from zero, even before the worker wrote a new snapshot', async () => {
    const crisisWeek = { from: at('2026-11-23 00:00'), to: at('2026-11-30 00:00'), used: 7, limit: 5 };
    await snapshotItem.setValue({ settings: settingsWith({ week: WEEK }), exceptions: [], timeZone: ZONE, wrapUps: {}, notice: null, crisisWeek });
    render(<App address={{ siteId: 'simplepractice', original: ORIGINAL }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Crisis exception…' }));
    expect((await screen.findByText(/crisis exception this week/)).textContent).toBe(
      'This will be your 1st crisis exception this week. Your weekly limit is 5.',
    );
  });

  it('records nothing for a direct visit while the site is open, and says it is open', async () => {
    vi.setSystemTime(MORNING);
    await snapshot();
    render(<App address={{ siteId: 'simplepractice', original: null }} />);
    expect((await screen.findByText('Clocked Out is not blocking it now.')).textContent).toBeTruthy();
    expect(heading()).toBe('SimplePractice is open');
    expect(screen.queryByText(/Opens again/)).toBeNull();
    expect(screen.queryByRole('button', { name: /crisis exception/i })).toBeNull();
    await settle();
    expect(await visits()).toEqual([]);
  });

  it('after a reload (no address left) still shows the blocked page, and counts no second visit', async () => {
    await snapshot();
    render(<App address={{ siteId: 'simplepractice', original: null }} />);
    await screen.findByText(/^Opens again/);
    expect(screen.getByRole('button', { name: /crisis exception/i })).toBeTruthy();
    await settle();
    expect(await visits()).toEqual([]);
  });

  it.each([
    ['<script>alert(1)</script>', '<script>'],
    ['Evil Corp', 'Evil Corp'],
    ['custom:foo.com', 'foo.com'],
  ])('gets the neutral heading for the unknown site %j, before and after settings are read', async (siteId, raw) => {
    await snapshot();
    const address: BlockedAddress = { siteId, original: 'https://foo.com/' };
    render(<App address={address} />);
    expect(heading()).toBe('This work site is closed');
    expect((await screen.findByText('Clocked Out does not guard a site by this name.')).textContent).toBeTruthy();
    expect(heading()).toBe('This work site is closed');
    expect(document.body.textContent).not.toContain(raw);
    expect(document.title).not.toContain(raw);
    expect(screen.queryByText(/Opens again/)).toBeNull();
    expect(screen.queryByRole('button', { name: /crisis exception/i })).toBeNull();
    await settle();
    expect(await visits()).toEqual([]);
  });

  it('names a custom site once the settings say it is guarded', async () => {
    await snapshot(settingsWith({ week: WEEK, sites: { catalogue: {}, custom: [{ host: 'ehr.example-clinic.org', category: 'ehr' }] } }));
    render(<App address={{ siteId: 'custom:ehr.example-clinic.org', original: 'https://ehr.example-clinic.org/chart/9' }} />);
    expect(heading()).toBe('This work site is closed');
    await screen.findByText(/^Opens again/);
    expect(heading()).toBe('ehr.example-clinic.org is closed for the evening');
  });

  it('falls back to the neutral heading when a catalogue site is switched off', async () => {
    await snapshot(settingsWith({ week: WEEK, sites: { catalogue: { simplepractice: false }, custom: [] } }));
    render(<App address={{ siteId: 'simplepractice', original: ORIGINAL }} />);
    // The catalogue's name is allowed in the first frame, before settings are read.
    expect(heading()).toBe('SimplePractice is closed for the evening');
    await screen.findByText('Clocked Out does not guard a site by this name.');
    expect(heading()).toBe('This work site is closed');
    expect(document.body.textContent).not.toContain('SimplePractice');
    await settle();
    expect(await visits()).toEqual([]);
  });

  it('sent with the address alone (by the turn-away script), finds the site from it and names the tab by its id only', async () => {
    await snapshot();
    window.history.replaceState(null, '', '/blocked.html');
    render(<App address={{ siteId: null, original: ORIGINAL }} />);
    await screen.findByText(/^Opens again/);
    expect(heading()).toBe('SimplePractice is closed for the evening');
    await vi.waitFor(() => expect(location.search).toBe('?site=simplepractice'));
    expect(location.href).not.toContain('4f1e2d');
    await vi.waitFor(async () => expect((await visits()).map((v) => v.site)).toEqual(['simplepractice']));
  });

  it('sent with the address of a site it does not guard, names nothing', async () => {
    await snapshot();
    window.history.replaceState(null, '', '/blocked.html');
    render(<App address={{ siteId: null, original: 'https://www.example.com/private' }} />);
    await screen.findByText('Clocked Out does not guard a site by this name.');
    expect(heading()).toBe('This work site is closed');
    expect(location.search).toBe('');
  });
});
