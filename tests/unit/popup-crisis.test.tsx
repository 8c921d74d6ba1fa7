// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOCK_24H } from './clocks';
import { CrisisCountdown, timeLeft } from '../../components/CrisisCountdown';
import { CrisisFlow, type CrisisFlowProps } from '../../components/CrisisFlow';
import { enabledSites } from '../../utils/sites';
import type { Exception } from '../../utils/types';
import { MINUTE, SECOND } from '../../utils/zoned-time';
import { at, settingsWith, ZONE } from './popup-fixtures';

afterEach(cleanup);

const sites = enabledSites(settingsWith());
const NOW = at('2026-11-30 20:00');

function flow(props: Partial<CrisisFlowProps> = {}) {
  const onStart = vi.fn(async () => null as string | null);
  const all: CrisisFlowProps = {
    sites,
    defaultMinutes: 30,
    currentSiteId: null,
    week: { used: 1, limit: 5 },
    timeZone: ZONE,
    clock: CLOCK_24H,
    onStart,
    ...props,
  };
  return { ...render(<CrisisFlow {...all} />), onStart: all.onStart };
}
const open = async () => {
  fireEvent.click(screen.getByRole('button', { name: /crisis exception…$/i }));
  return screen.findByRole('group', { name: 'Crisis exception' });
};
const yes = () => screen.getByRole('button', { name: /^Yes, open until/ });

describe('starting a crisis exception (the popup and the blocked page)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows one button until asked, then the steps: what opens, for how long, the confirmation', async () => {
    flow({ currentSiteId: 'simplepractice' });
    expect(screen.queryByRole('radio')).toBeNull();
    const group = await open();
    expect([...group.querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['What should open?', 'For how long?']);
    expect(screen.getAllByRole('radio').map((r) => [(r as HTMLInputElement).labels?.[0]?.textContent, (r as HTMLInputElement).checked])).toEqual([
      ['Only SimplePractice', true],
      ['All work sites', false],
      ['15 min', false],
      ['30 min', true],
      ['60 min', false],
    ]);
    // The keyboard user lands on the first step.
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Only SimplePractice' })));
  });

  it('offers 15, 30 and 60 minutes with the default from settings chosen', async () => {
    flow({ defaultMinutes: 45 });
    await open();
    const minutes = within(screen.getByRole('group', { name: 'For how long?' })).getAllByRole('radio');
    expect(minutes.map((r) => [r.getAttribute('value'), (r as HTMLInputElement).checked])).toEqual([
      ['15', false],
      ['30', false],
      ['45', true],
      ['60', false],
    ]);
  });

  it('says what opens, until when and where it stands against the limit before starting it for that scope and time', async () => {
    const { onStart } = flow({ currentSiteId: 'simplepractice' });
    await open();
    fireEvent.click(screen.getByRole('radio', { name: '15 min' }));
    expect(screen.getByText(/^Open SimplePractice until/).textContent).toBe(
      'Open SimplePractice until 20:15 (15 minutes)? It counts as after-hours work and closes by itself.',
    );
    expect(screen.getByText(/crisis exception this week/).textContent).toBe('This will be your 2nd crisis exception this week. Your weekly limit is 5.');
    expect(onStart).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('radio', { name: 'All work sites' }));
    expect(screen.getByText(/^Open all work sites until 20:15/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, open until 20:15' }));
    const again = await screen.findByRole('button', { name: 'Crisis exception…' });
    expect(onStart).toHaveBeenCalledWith({ type: 'all' }, 15);
    await vi.waitFor(() => expect(document.activeElement).toBe(again));
  });

  it('names the confirmation by what it opens and the weekly limit', async () => {
    flow({ currentSiteId: 'simplepractice', week: { used: 2, limit: 2 } });
    await open();
    const ids = yes().getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(ids.map((id) => document.getElementById(id)?.textContent)).toEqual([
      'Open SimplePractice until 20:30 (30 minutes)? It counts as after-hours work and closes by itself.',
      'This will be your 3rd crisis exception this week. Your weekly limit is 2, so this one goes over it. It still opens: your client comes first.',
    ]);
  });

  it('says plainly, and kindly, when this one goes past the weekly limit, and still starts it', async () => {
    const { onStart } = flow({ week: { used: 5, limit: 5 } });
    await open();
    const line = screen.getByText(/goes over it/);
    expect(line.textContent).toBe(
      'This will be your 6th crisis exception this week. Your weekly limit is 5, so this one goes over it. It still opens: your client comes first.',
    );
    expect(line.className).toBe('limit limit-over');
    fireEvent.click(yes());
    await screen.findByRole('button', { name: 'Crisis exception…' });
    expect(onStart).toHaveBeenCalledWith({ type: 'all' }, 30);
  });

  it('says nothing about the limit while the count is not known', async () => {
    flow({ week: null });
    await open();
    expect(screen.queryByText(/crisis exception this week/)).toBeNull();
    expect(yes().getAttribute('aria-describedby')?.split(' ')).toHaveLength(1);
  });

  it('says "until" from the moment the steps are opened, not when the page was drawn', async () => {
    flow({ currentSiteId: 'simplepractice' });
    vi.setSystemTime(NOW + 47 * MINUTE);
    await open();
    expect(yes().textContent).toBe('Yes, open until 21:17');
  });

  it('goes back to the button with Cancel, the focus on it', async () => {
    const { onStart } = flow();
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const button = await screen.findByRole('button', { name: 'Crisis exception…' });
    await vi.waitFor(() => expect(document.activeElement).toBe(button));
    expect(onStart).not.toHaveBeenCalled();
  });

  it('shows why it could not start, and stays on the confirmation', async () => {
    flow({ onStart: async () => 'Clocked Out did not answer.' });
    await open();
    fireEvent.click(yes());
    expect((await screen.findByRole('alert')).textContent).toBe('Clocked Out did not answer.');
    expect(yes()).toBeTruthy();
  });

  it('from a tab that is no work site, offers all work sites, each category and each site in one list', async () => {
    const { onStart } = flow();
    await open();
    const list = screen.getByLabelText('What should open?') as HTMLSelectElement;
    expect(list.value).toBe('all');
    expect([...list.querySelectorAll('optgroup')].map((g) => g.label)).toEqual([
      'EHRs',
      'Practice management and billing',
      'Telehealth',
      'Email and messaging',
    ]);
    fireEvent.change(list, { target: { value: 'category:ehr' } });
    expect(screen.getByText(/^Open all EHRs until 20:30/)).toBeTruthy();
    fireEvent.click(yes());
    await vi.waitFor(() => expect(onStart).toHaveBeenCalledWith({ type: 'category', category: 'ehr' }, 30));
  });

  it("preselects the current tab's work site, even when it is known only after the first render", async () => {
    const { rerender } = flow();
    rerender(<CrisisFlow sites={sites} defaultMinutes={30} currentSiteId="jane" week={null} timeZone={ZONE} clock={CLOCK_24H} onStart={async () => null} />);
    await open();
    expect((screen.getByRole('radio', { name: 'Only Jane' }) as HTMLInputElement).checked).toBe(true);
  });

  it('keeps a choice the user made before the current tab was known', async () => {
    const { rerender } = flow();
    await open();
    fireEvent.click(screen.getByRole('radio', { name: '60 min' }));
    rerender(<CrisisFlow sites={sites} defaultMinutes={30} currentSiteId="jane" week={null} timeZone={ZONE} clock={CLOCK_24H} onStart={async () => null} />);
    expect(screen.getByText(/^Open all work sites until 21:00 \(60 minutes\)/)).toBeTruthy();
  });

  it('offers another one behind one button while one runs', async () => {
    flow({ another: true });
    expect(screen.queryByRole('radio')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Start another crisis exception…' }));
    expect(await screen.findByRole('group', { name: 'Crisis exception' })).toBeTruthy();
  });
});

describe('a running crisis exception', () => {
  const exception: Exception = {
    id: 'x1',
    kind: 'crisis',
    scope: { type: 'site', siteId: 'simplepractice' },
    startedAt: NOW - MINUTE,
    endsAt: NOW + 29 * MINUTE + 41 * SECOND,
  };

  it('counts down live, in figures and in words', async () => {
    const props = { exception, sites, timeZone: ZONE, clock: CLOCK_24H, onExtend: async () => null, onEnd: async () => null };
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
    render(<CrisisCountdown exception={exception} sites={sites} now={NOW} timeZone={ZONE} clock={CLOCK_24H} onExtend={onExtend} onEnd={onEnd} />);
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
