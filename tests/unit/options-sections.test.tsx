// @vitest-environment happy-dom
import { en } from './english';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AfterHoursSection } from '../../components/options/AfterHoursSection';
import { DoNotDisturbSection } from '../../components/options/DoNotDisturbSection';
import { SelfCareSection } from '../../components/options/SelfCareSection';
import { SitesSection } from '../../components/options/SitesSection';
import { SHARED_PERSONAL_WARNING } from '../../utils/catalogue';
import { toInstant } from '../../utils/zoned-time';
import { Live, settingsWith, storeOf } from './options-fixtures';

afterEach(cleanup);

describe('catalogue sites', () => {
  it('switches a site on and a category to another action, with the personal-use warning beside shared sites', async () => {
    const store = storeOf(settingsWith());
    render(<Live store={store}>{(props) => <SitesSection {...props} />}</Live>);
    const gmail = (await screen.findByRole('checkbox', { name: 'Gmail' })) as HTMLInputElement;
    expect(gmail.checked).toBe(false);
    const warning = document.getElementById(gmail.getAttribute('aria-describedby')?.split(' ')[1] ?? '');
    expect(warning?.textContent).toBe(en(SHARED_PERSONAL_WARNING));
    fireEvent.click(gmail);
    await vi.waitFor(() => expect(store.current.sites.catalogue).toEqual({ gmail: true }));
    const email = screen.getByRole('group', { name: 'Email and secure messaging' });
    fireEvent.change(within(email).getByLabelText('After hours these sites are'), { target: { value: 'block' } });
    await vi.waitFor(() => expect(store.current.actions.email).toBe('block'));
    expect(screen.getByRole('checkbox', { name: 'SimplePractice' }).getAttribute('aria-describedby')).toBe('site-simplepractice-hosts');
  });

  it('shows what the practice sets, disabled, and leaves the rest editable', async () => {
    render(
      <Live store={storeOf(settingsWith())} locked={['actions.ehr', 'sites.catalogue.gmail']}>
        {(props) => <SitesSection {...props} />}
      </Live>,
    );
    const ehr = await screen.findByRole('group', { name: 'EHR' });
    expect((within(ehr).getByLabelText('After hours these sites are') as HTMLSelectElement).disabled).toBe(true);
    expect(within(ehr).getByText('Set by your practice')).toBeTruthy();
    expect((within(screen.getByRole('group', { name: 'Telehealth' })).getByLabelText('After hours these sites are') as HTMLSelectElement).disabled).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Gmail' }) as HTMLInputElement).disabled).toBe(true);
  });
});

describe('do not disturb', () => {
  it('asks for the permission in the click that switches it on, and explains a refusal', async () => {
    const store = storeOf(settingsWith());
    const requestControl = vi.fn(async () => false);
    render(<Live store={store}>{(props) => <DoNotDisturbSection {...props} requestControl={requestControl} />}</Live>);
    fireEvent.click(await screen.findByRole('checkbox', { name: /Mute work sites' notifications/ }));
    expect(requestControl).toHaveBeenCalledTimes(1);
    expect((await screen.findByText(/did not give Clocked Out control of notifications/)).getAttribute('role')).toBe('status');
    expect(store.current.muteNotifications).toBe(false);
  });

  it('saves it once allowed, and switches off without asking', async () => {
    const store = storeOf(settingsWith());
    const requestControl = vi.fn(async () => true);
    render(<Live store={store}>{(props) => <DoNotDisturbSection {...props} requestControl={requestControl} />}</Live>);
    const box = await screen.findByRole('checkbox', { name: /Mute/ });
    fireEvent.click(box);
    await vi.waitFor(() => expect(store.current.muteNotifications).toBe(true));
    fireEvent.click(box);
    await vi.waitFor(() => expect(store.current.muteNotifications).toBe(false));
    expect(requestControl).toHaveBeenCalledTimes(1);
  });
});

describe('the after-hours message', () => {
  const ZONE = 'America/Chicago';
  const NOW = toInstant('2026-11-27', 18 * 60, ZONE);
  const NEXT = toInstant('2026-11-30', 9 * 60, ZONE);

  it('reads with the next opening filled in, copies that text, and saves an edited template when left', async () => {
    const store = storeOf(settingsWith({ timeZone: ZONE }));
    const copy = vi.fn(async () => undefined);
    render(<Live store={store}>{(props) => <AfterHoursSection {...props} nextOpening={NEXT} now={NOW} timeZone={ZONE} copy={copy} />}</Live>);
    const filled =
      "Thank you for your message. I'm away until Monday 9:00 AM and will reply then. If this is an emergency, call 988 or go to the nearest emergency room.";
    expect((await screen.findByText(filled)).tagName).toBe('BLOCKQUOTE');
    fireEvent.click(screen.getByRole('button', { name: 'Copy message' }));
    expect(copy).toHaveBeenCalledWith(filled);
    expect(await screen.findByText(/^Copied\./)).toBeTruthy();
    const template = screen.getByLabelText(/Message template/) as HTMLTextAreaElement;
    template.value = 'Back {next}.';
    fireEvent.blur(template);
    expect(await screen.findByText('Back Monday 9:00 AM.')).toBeTruthy();
    expect(store.current.afterHoursMessage).toBe('Back {next}.');
  });
});

describe('self-care', () => {
  it('adds your own prompt and a plan block, and asks for a day first', async () => {
    const store = storeOf(settingsWith());
    render(<Live store={store}>{(props) => <SelfCareSection {...props} />}</Live>);
    fireEvent.input(await screen.findByLabelText('New prompt'), { target: { value: '  Call Sam  ' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add a prompt' }));
    expect(await screen.findByText('Call Sam')).toBeTruthy();
    expect(store.current.selfCare.prompts).toEqual(['Call Sam']);

    fireEvent.input(screen.getByLabelText('What'), { target: { value: 'walk' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add a self-care block' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose at least one day.');
    for (const day of ['Fri', 'Mon', 'Wed']) fireEvent.click(screen.getByRole('checkbox', { name: day }));
    fireEvent.submit(screen.getByRole('form', { name: 'Add a self-care block' }));
    // The browser of these tests says en-US: the plan's times are 12-hour, stored as HH:MM.
    expect(await screen.findByText('Mon/Wed/Fri 12:00 PM–12:45 PM walk')).toBeTruthy();
    expect(store.current.selfCare.plan).toEqual([{ days: ['mon', 'wed', 'fri'], from: '12:00', to: '12:45', label: 'walk' }]);
  });

  it('reads a plan block’s times in any spelling, shows them in the chosen clock, and refuses text that is no time', async () => {
    const store = storeOf(settingsWith({ clock: '24h' }));
    render(<Live store={store}>{(props) => <SelfCareSection {...props} />}</Live>);
    const from = (await screen.findByLabelText('From')) as HTMLInputElement;
    expect([from.value, (screen.getByLabelText('To') as HTMLInputElement).value]).toEqual(['12:00', '12:45']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tue' }));
    fireEvent.input(from, { target: { value: 'noonish' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add a self-care block' }));
    expect((await screen.findByRole('alert')).textContent).toBe('"noonish" is not a time: write it like 17:30.');
    expect(store.current.selfCare.plan).toEqual([]);
    fireEvent.input(from, { target: { value: '5:30 pm' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '18:15' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add a self-care block' }));
    expect(await screen.findByText('Tue 17:30–18:15')).toBeTruthy();
    expect(store.current.selfCare.plan).toEqual([{ days: ['tue'], from: '17:30', to: '18:15', label: '' }]);
  });

  it('switches a prompt area off', async () => {
    const store = storeOf(settingsWith());
    render(<Live store={store}>{(props) => <SelfCareSection {...props} />}</Live>);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Support network' }));
    await vi.waitFor(() => expect(store.current.selfCare.categories.support).toBe(false));
  });
});
