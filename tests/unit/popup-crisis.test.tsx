// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CrisisCountdown, timeLeft } from '../../components/CrisisCountdown';
import { CrisisToggle, type CrisisToggleProps } from '../../components/CrisisToggle';
import { scopeFromKey, scopeGroups, scopeWords } from '../../utils/crisis';
import { enabledSites } from '../../utils/sites';
import type { Exception } from '../../utils/types';
import { MINUTE, SECOND } from '../../utils/zoned-time';
import { at, settingsWith, ZONE } from './popup-fixtures';

afterEach(cleanup);

const sites = enabledSites(settingsWith());
const NOW = at('2026-11-30 20:00');

function toggle(props: Partial<CrisisToggleProps> = {}) {
  const onStart = vi.fn(async () => null as string | null);
  const all: CrisisToggleProps = { sites, defaultMinutes: 30, currentSiteId: null, used: 1, weeklyLimit: 5, now: NOW, timeZone: ZONE, onStart, ...props };
  return { ...render(<CrisisToggle {...all} />), onStart: all.onStart };
}

describe('starting a crisis exception', () => {
  it('offers 15, 30 and 60 minutes with the default from settings chosen, and all work sites', async () => {
    toggle({ defaultMinutes: 45 });
    const radios = await screen.findAllByRole('radio');
    expect(radios.map((r) => [r.getAttribute('value'), (r as HTMLInputElement).checked])).toEqual([['15', false], ['30', false], ['45', true], ['60', false]]);
    expect((screen.getByLabelText('Open') as HTMLSelectElement).value).toBe('all');
  });

  it('asks once, saying what opens and until when, then starts it for that scope and time', async () => {
    const { onStart } = toggle();
    fireEvent.change(screen.getByLabelText('Open'), { target: { value: 'site:simplepractice' } });
    fireEvent.click(screen.getByRole('radio', { name: '15 min' }));
    fireEvent.click(screen.getByRole('button', { name: /crisis exception/i }));
    const group = await screen.findByRole('group', { name: /^Open SimplePractice until 20:15 \(15 minutes\)\?/ });
    expect(group.textContent).toContain('It counts as after-hours work and closes by itself.');
    expect(group.textContent).toContain('This will be 2 of your 5 crisis exceptions this week.');
    expect(onStart).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, open until 20:15' }));
    await screen.findByRole('button', { name: /crisis exception/i });
    expect(onStart).toHaveBeenCalledWith({ type: 'site', siteId: 'simplepractice' }, 15);
  });

  it('says plainly when this one goes past the weekly limit, and still starts it', async () => {
    const { onStart } = toggle({ used: 5, weeklyLimit: 5 });
    fireEvent.click(screen.getByRole('button', { name: /crisis exception/i }));
    expect((await screen.findByText(/past your limit/)).textContent).toBe(
      'You have used 5 of your 5 crisis exceptions this week, so this one is past your limit. It still opens: a crisis comes first.',
    );
    fireEvent.click(screen.getByRole('button', { name: /^Yes, open until/ }));
    await screen.findByRole('button', { name: /crisis exception/i });
    expect(onStart).toHaveBeenCalledWith({ type: 'all' }, 30);
  });

  it('says nothing about the limit while the count is not known', async () => {
    toggle({ used: null });
    fireEvent.click(screen.getByRole('button', { name: /crisis exception/i }));
    await screen.findByRole('button', { name: /^Yes, open until/ });
    expect(screen.queryByText(/crisis exceptions this week/)).toBeNull();
  });

  it('goes back to the choices with Cancel, the focus on the button', async () => {
    const { onStart } = toggle();
    fireEvent.click(screen.getByRole('button', { name: /crisis exception/i }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    const button = await screen.findByRole('button', { name: /crisis exception/i });
    await vi.waitFor(() => expect(document.activeElement).toBe(button));
    expect(onStart).not.toHaveBeenCalled();
  });

  it('shows why it could not start, and stays on the confirmation', async () => {
    toggle({ onStart: async () => 'Clocked Out did not answer.' });
    fireEvent.click(screen.getByRole('button', { name: /crisis exception/i }));
    fireEvent.click(await screen.findByRole('button', { name: /^Yes, open until/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Clocked Out did not answer.');
  });

  it("preselects the current tab's work site, even when it is known only after the first render", async () => {
    const { rerender } = toggle();
    expect((screen.getByLabelText('Open') as HTMLSelectElement).value).toBe('all');
    rerender(<CrisisToggle sites={sites} defaultMinutes={30} currentSiteId="jane" used={0} weeklyLimit={5} now={NOW} timeZone={ZONE} onStart={async () => null} />);
    await vi.waitFor(() => expect((screen.getByLabelText('Open') as HTMLSelectElement).value).toBe('site:jane'));
  });

  it('keeps a choice the user made before the current tab was known', async () => {
    const { rerender } = toggle();
    fireEvent.change(screen.getByLabelText('Open'), { target: { value: 'category:ehr' } });
    rerender(<CrisisToggle sites={sites} defaultMinutes={30} currentSiteId="jane" used={0} weeklyLimit={5} now={NOW} timeZone={ZONE} onStart={async () => null} />);
    fireEvent.click(screen.getByRole('button', { name: /crisis exception/i }));
    expect(await screen.findByRole('group', { name: /^Open all EHRs until/ })).toBeTruthy();
  });

  it('keeps the choices behind one button while another exception runs', async () => {
    toggle({ another: true });
    expect(screen.queryByRole('radio')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Start another crisis exception…' }));
    const checked = await screen.findByRole('radio', { name: '30 min' });
    await vi.waitFor(() => expect(document.activeElement).toBe(checked));
  });
});

describe('what a crisis exception opens', () => {
  it('offers all sites, each category with sites, and each site', () => {
    const groups = scopeGroups(sites);
    expect(groups.map((g) => g.label)).toEqual(['EHRs', 'Practice management and billing', 'Telehealth', 'Email and messaging']);
    expect(groups[0]?.sites.map((s) => s.name)).toContain('SimplePractice');
  });

  it.each([
    ['all', 'all work sites'],
    ['category:telehealth', 'all telehealth'],
    ['site:simplepractice', 'SimplePractice'],
  ])('%s is "%s"', (key, words) => {
    const scope = scopeFromKey(key, sites);
    expect(scope && scopeWords(scope, sites)).toBe(words);
  });

  it('refuses keys naming nothing known', () => {
    expect(scopeFromKey('site:nowhere', sites)).toBeNull();
    expect(scopeFromKey('category:gossip', sites)).toBeNull();
  });
});

describe('a running crisis exception', () => {
  const exception: Exception = { id: 'x1', kind: 'crisis', scope: { type: 'site', siteId: 'simplepractice' }, startedAt: NOW - MINUTE, endsAt: NOW + 29 * MINUTE + 41 * SECOND };

  it('counts down live, in figures and in words', async () => {
    const props = { exception, sites, timeZone: ZONE, onExtend: async () => null, onEnd: async () => null };
    const { rerender } = render(<CrisisCountdown {...props} now={NOW} />);
    const timer = await screen.findByRole('timer');
    expect([timer.textContent, timer.getAttribute('aria-label')]).toEqual(['29:41', '29 minutes 41 seconds left']);
    expect(screen.getByText(/open until 20:29/).textContent).toBe('SimplePractice open until 20:29');
    rerender(<CrisisCountdown {...props} now={NOW + SECOND} />);
    await vi.waitFor(() => expect(screen.getByRole('timer').textContent).toBe('29:40'));
  });

  it('adds 15 minutes and ends now', async () => {
    const onExtend = vi.fn(async () => null);
    const onEnd = vi.fn(async () => null);
    render(<CrisisCountdown exception={exception} sites={sites} now={NOW} timeZone={ZONE} onExtend={onExtend} onEnd={onEnd} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add 15 minutes' }));
    await vi.waitFor(() => expect(onExtend).toHaveBeenCalledWith('x1', 15));
    await vi.waitFor(() => expect((screen.getByRole('button', { name: 'End now' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'End now' }));
    await vi.waitFor(() => expect(onEnd).toHaveBeenCalledWith('x1'));
  });

  it.each([
    [29 * MINUTE + 41 * SECOND, '29:41', '29 minutes 41 seconds left'],
    [61 * MINUTE + 1 * SECOND, '1:01:01', '1 hour 1 minute 1 second left'],
    [45 * SECOND + 200, '0:46', '46 seconds left'],
    [-5 * SECOND, '0:00', '0 seconds left'],
  ])('%s ms left reads %s', (ms, clock, words) => {
    expect(timeLeft(ms)).toEqual({ clock, words });
  });
});
