// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomSites, type HostAccess } from '../../components/options/CustomSites';
import { DaysOffSection } from '../../components/options/DaysOffSection';
import { ExceptionsSection } from '../../components/options/ExceptionsSection';
import { errorsFor, isLocked } from '../../components/options/shared';
import { TimeZoneSection } from '../../components/options/TimeZoneSection';
import { Live, settingsWith, storeOf } from './options-fixtures';

afterEach(cleanup);

function access(answer: boolean | Promise<boolean> = true): HostAccess & { request: ReturnType<typeof vi.fn> } {
  return { request: vi.fn(() => Promise.resolve(answer)), has: vi.fn(async () => true), release: vi.fn(async () => undefined) };
}

function customSites(hostAccess = access()) {
  const store = storeOf(settingsWith());
  render(<Live store={store}>{(props) => <CustomSites {...props} access={hostAccess} />}</Live>);
  return { store, hostAccess };
}

async function addSite(address: string) {
  fireEvent.input(await screen.findByLabelText('Address of the site'), { target: { value: address } });
  fireEvent.submit(screen.getByRole('form', { name: 'Add a site' }));
}

describe('custom sites', () => {
  it.each([
    ['ftp://files.example.org', 'This uses "ftp:": only http and https sites can be guarded.'],
    ['co.uk', "This is a public suffix: it would match every site under it — enter your practice's own address."],
    ['ehr example.org', 'This is not a web address: it contains a space.'],
    ['', "This is empty: enter the site's address, such as ehr.example-clinic.org."],
  ])('refuses %j beside the field, without asking the browser', async (address, message) => {
    const { store, hostAccess } = customSites();
    await addSite(address);
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe(message);
    const field = screen.getByLabelText('Address of the site');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(error.id);
    expect(hostAccess.request).not.toHaveBeenCalled();
    expect(store.writes).toBe(0);
  });

  it('asks for the host at once and adds only the host of a pasted link', async () => {
    const { store, hostAccess } = customSites();
    await addSite('https://EHR.Example-Clinic.org/clients/4f1e2d3c/notes?session=9#top');
    expect(hostAccess.request).toHaveBeenCalledWith('ehr.example-clinic.org');
    expect(await screen.findByText('Added ehr.example-clinic.org: EHR.')).toBeTruthy();
    expect(store.current.sites.custom).toEqual([{ host: 'ehr.example-clinic.org', category: 'ehr' }]);
  });

  it('explains a refusal and adds nothing', async () => {
    const { store } = customSites(access(false));
    await addSite('portal.example.org');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The browser did not give Clocked Out access to portal.example.org, so it could not block or dim it there, and it was not added. To add it, try again and choose "Allow" when the browser asks.',
    );
    expect(store.writes).toBe(0);
  });

  it('says it is waiting while the browser asks', async () => {
    customSites({ request: vi.fn(() => new Promise<boolean>(() => {})), has: vi.fn(async () => true), release: vi.fn(async () => undefined) });
    await addSite('portal.example.org');
    expect(await screen.findByText("Waiting for your answer to the browser's question about portal.example.org…")).toBeTruthy();
  });

  it('refuses a host already in the list', async () => {
    const hostAccess = access();
    const store = storeOf(settingsWith({ sites: { custom: [{ host: 'ehr.example.org', category: 'ehr' }] } }));
    render(<Live store={store}>{(props) => <CustomSites {...props} access={hostAccess} />}</Live>);
    await addSite('https://ehr.example.org/x');
    expect((await screen.findByRole('alert')).textContent).toBe('ehr.example.org is already in your list.');
    expect(hostAccess.request).not.toHaveBeenCalled();
  });
});

describe('numbers', () => {
  it('names the allowed range beside a number out of it, and saves nothing', async () => {
    const store = storeOf(settingsWith());
    render(<Live store={store}>{(props) => <ExceptionsSection {...props} />}</Live>);
    const field = await screen.findByLabelText('Crisis exception length');
    fireEvent.change(field, { target: { value: '500' } });
    expect((await screen.findByRole('alert')).textContent).toBe('500 is not a whole number of minutes from 1 to 240');
    expect(field.getAttribute('aria-describedby')).toContain('exceptions-defaultMinutes-error');
    fireEvent.change(screen.getByLabelText('Wind-down warning'), { target: { value: '' } });
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toContain('Enter a whole number from 0 to 120.');
    expect(store.writes).toBe(0);
    fireEvent.change(screen.getByLabelText('Crisis exception length'), { target: { value: '45' } });
    await screen.findByDisplayValue('45');
    expect(store.current.exceptions.defaultMinutes).toBe(45);
  });
});

describe('days off', () => {
  it('refuses a last day before the first, then adds a single day with its label', async () => {
    const store = storeOf(settingsWith());
    render(<Live store={store}>{(props) => <DaysOffSection {...props} today="2026-11-26" />}</Live>);
    fireEvent.input(await screen.findByLabelText('First day'), { target: { value: '2026-12-24' } });
    fireEvent.input(screen.getByLabelText(/Last day/), { target: { value: '2026-12-20' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add days off' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The last day is before the first day.');
    fireEvent.input(screen.getByLabelText(/Last day/), { target: { value: '' } });
    fireEvent.input(screen.getByLabelText(/Label/), { target: { value: 'Christmas Eve' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add days off' }));
    expect(await screen.findByText(/24 Dec 2026 \(Christmas Eve\)/)).toBeTruthy();
    expect(store.current.timeOff).toEqual([{ from: '2026-12-24', to: '2026-12-24', label: 'Christmas Eve' }]);
  });

  it('lists past days off as taken and counts this year’s', async () => {
    const store = storeOf(
      settingsWith({
        timeOff: [
          { from: '2025-12-30', to: '2026-01-02', label: 'New Year' },
          { from: '2026-12-24', to: '2026-12-26', label: '' },
        ],
      }),
    );
    render(<Live store={store}>{(props) => <DaysOffSection {...props} today="2026-11-26" />}</Live>);
    expect(await screen.findByText('2 days off taken in 2026 so far.')).toBeTruthy();
    const taken = screen.getByText(/New Year/).closest('ul');
    expect(taken?.classList.contains('taken')).toBe(true);
  });
});

describe('time zone', () => {
  const zones = ['America/Chicago', 'Europe/Berlin', 'UTC'];
  it('refuses a name that is no time zone, and keeps a known one', async () => {
    const store = storeOf(settingsWith({ timeZone: 'Europe/Berlin' }));
    render(<Live store={store}>{(props) => <TimeZoneSection {...props} systemTimeZone="Europe/Berlin" zones={zones} />}</Live>);
    const field = await screen.findByLabelText('Time zone (type to search)');
    fireEvent.change(field, { target: { value: 'Mars/Olympus' } });
    expect((await screen.findByRole('alert')).textContent).toBe('"Mars/Olympus" is not a time zone: pick one from the list, such as America/New_York.');
    fireEvent.change(field, { target: { value: 'america/chicago' } });
    await screen.findByDisplayValue('America/Chicago');
    expect(store.current.timeZone).toBe('America/Chicago');
  });

  it('warns when the browser reports UTC while the chosen zone is not', async () => {
    const store = storeOf(settingsWith({ timeZone: 'America/Chicago' }));
    render(<Live store={store}>{(props) => <TimeZoneSection {...props} systemTimeZone="UTC" zones={zones} />}</Live>);
    expect((await screen.findByRole('note')).textContent).toContain("Your browser reports UTC as this computer's time zone");
    cleanup();
    render(
      <Live store={storeOf(settingsWith({ timeZone: 'America/Chicago' }))}>
        {(props) => <TimeZoneSection {...props} systemTimeZone="Europe/Berlin" zones={zones} />}
      </Live>,
    );
    await screen.findByLabelText('Time zone (type to search)');
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('fields and the practice’s policy', () => {
  it('locks a field and the fields inside it, and picks out the errors about a field', () => {
    expect(isLocked(['week'], 'week')).toBe(true);
    expect(isLocked(['sites.catalogue'], 'sites.catalogue.gmail')).toBe(true);
    expect(isLocked(['actions.ehr'], 'actions.email')).toBe(false);
    expect(isLocked(['week'], 'weekly')).toBe(false);
    expect(errorsFor(['exceptions.weeklyLimit: 200 is too many', 'windDownMinutes: bad'], 'exceptions.weeklyLimit')).toEqual(['200 is too many']);
  });
});
