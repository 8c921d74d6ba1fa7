// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Guide, type GuideProps, START } from '../../components/welcome/Guide';
import { applyManaged } from '../../utils/managed';
import { defaultSettings, type Settings } from '../../utils/settings';
import { toInstant } from '../../utils/zoned-time';
import { settingsWith } from './options-fixtures';
import { en } from './english';

afterEach(cleanup);

const ZONE = 'Europe/Berlin';
// Wednesday 2026-01-07, 10:00 in Berlin.
const NOW = toInstant('2026-01-07', 600, ZONE);

function guide(overrides: Partial<GuideProps> = {}) {
  const writes: Settings[] = [];
  const props: GuideProps = {
    settings: defaultSettings(),
    locked: [],
    write: vi.fn(async (draft: Settings) => {
      writes.push(draft);
      return [];
    }),
    now: NOW,
    systemTimeZone: ZONE,
    zones: [ZONE, 'America/New_York'],
    hostAccess: { request: vi.fn(async () => true), has: vi.fn(async () => true), release: vi.fn(async () => {}) },
    contains: vi.fn(async () => true),
    request: vi.fn(async () => true),
    copy: vi.fn(async () => {}),
    optionsUrl: 'options.html',
    ...overrides,
  };
  render(<Guide {...props} />);
  return { props, writes };
}

/** Types a time the way the field reports it, then leaves the field. */
function enter(field: HTMLElement, value: string) {
  (field as HTMLInputElement).value = value;
  fireEvent.blur(field);
}

const next = () => fireEvent.click(screen.getByRole('button', { name: /^Next: / }));
const stepHeading = () => screen.getByRole('heading', { level: 2 }).textContent;

// The browser of these tests, like Node, says en-US: a fresh install's guide writes 12-hour times.
describe('the welcome guide', () => {
  it('walks five steps, moving the focus to each heading, and writes nothing before Start', async () => {
    const { props } = guide();
    expect(stepHeading()).toBe('Step 1 of 5: Your hours');
    expect(screen.getByRole('navigation', { name: 'Steps' }).querySelector('[aria-current="step"]')?.textContent).toBe('Your hours');
    for (const title of ['Your tools', 'After hours', 'Access', 'What tonight looks like']) {
      next();
      expect(stepHeading()).toMatch(new RegExp(`: ${title}$`));
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
    }
    expect(screen.queryByRole('button', { name: /^Next/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(stepHeading()).toBe('Step 4 of 5: Access');
    expect(props.write).not.toHaveBeenCalled();
  });

  it('a four-day week with an evening range: the days, "Add another range", and the draft written on Start', async () => {
    const { writes } = guide();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Friday' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add another range' }));
    // The new range takes the focus, half an hour after the first, for an hour.
    const to = await screen.findByLabelText('Range 2, to');
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Range 2, from')));
    expect((to as HTMLInputElement).value).toBe('6:30 PM');
    enter(to, '20:00');
    await screen.findAllByDisplayValue('8:00 PM');
    for (let i = 0; i < 4; i++) next();
    expect(screen.getByText(/^Tonight at 8:00 PM /)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: en(START) }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Clocked Out is on' })).toBeTruthy();
    const evening = [
      ['09:00', '17:00'],
      ['17:30', '20:00'],
    ];
    expect(writes).toHaveLength(1);
    expect(writes[0]?.week).toEqual({ mon: evening, tue: evening, wed: evening, thu: evening, fri: [], sat: [], sun: [] });
  });

  it('says a range past midnight is one, and switching every day off keeps the hours for a day switched on again', async () => {
    const { writes } = guide();
    enter(screen.getByLabelText('Hours, to'), '02:00');
    expect(await screen.findByText('Past midnight: 9:00 AM → 2:00 AM the next day')).toBeTruthy();
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) fireEvent.click(screen.getByRole('checkbox', { name: day }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Saturday' }));
    await vi.waitFor(() => expect((screen.getByRole('checkbox', { name: 'Saturday' }) as HTMLInputElement).checked).toBe(true));
    for (let i = 0; i < 4; i++) next();
    fireEvent.click(screen.getByRole('button', { name: en(START) }));
    await screen.findByRole('heading', { level: 1 });
    expect(writes[0]?.week).toEqual({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [['09:00', '02:00']], sun: [] });
  });

  it('days with other hours are left to the per-day editor, and said to be', () => {
    guide({
      settings: settingsWith({ week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['12:00', '20:00']], thu: [], fri: [], sat: [], sun: [] } }),
    });
    expect(screen.getByText(/Some of your days have other hours/)).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Wednesday' })).getByLabelText('Wednesday, to')).toBeTruthy();
  });

  it('shows the time zone the computer reports, and the UTC warning when it reports UTC', () => {
    guide({ systemTimeZone: 'UTC' });
    expect(screen.getByText(/Your computer says it is in/).textContent).toBe(
      'Your computer says it is in UTC, where it is 9:00 AM now. If that is where you work, keep "Follow this computer".',
    );
    expect(screen.getByRole('note').textContent).toMatch(/^Your browser reports UTC/);
  });

  it('the tools: searchable by name, the usual ones ticked, the personal ones off with why', async () => {
    const { writes } = guide();
    next();
    const search = screen.getByLabelText('Find a tool by name');
    expect((screen.getByRole('checkbox', { name: 'SimplePractice' }) as HTMLInputElement).checked).toBe(true);
    const gmail = screen.getByRole('checkbox', { name: 'Gmail' }) as HTMLInputElement;
    expect(gmail.checked).toBe(false);
    expect(document.getElementById(gmail.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /^Microsoft Teams \(work\), Zoom, Gmail, .* start switched off: many people use them personally too/,
    );
    fireEvent.input(search, { target: { value: 'therapy' } });
    expect(screen.getAllByRole('checkbox').map((c) => c.getAttribute('aria-label') ?? c.parentElement?.textContent)).toEqual([
      'TherapyNotes',
      'TherapyAppointment',
    ]);
    expect(screen.getByText(/2 tools match/)).toBeTruthy();
    fireEvent.input(search, { target: { value: 'doxy me' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Doxy.me' }));
    fireEvent.input(search, { target: { value: 'nothing like it' } });
    expect(screen.getByText('No tool in the list is called "nothing like it". Add it below as a site of your own.')).toBeTruthy();
    fireEvent.input(search, { target: { value: 'gmail' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Gmail' }));
    for (let i = 0; i < 3; i++) next();
    fireEvent.click(screen.getByRole('button', { name: en(START) }));
    await screen.findByRole('heading', { level: 1 });
    expect(writes[0]?.sites.catalogue).toEqual({ doxy: false, gmail: true });
  });

  it('a custom site is added on the tools step, asking the browser for that site in the click', async () => {
    const { props, writes } = guide();
    next();
    fireEvent.input(screen.getByLabelText('Address of the site'), { target: { value: 'https://ehr.example-clinic.org/clients/42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect(props.hostAccess.request).toHaveBeenCalledWith('ehr.example-clinic.org');
    expect(await screen.findByText('Added ehr.example-clinic.org: EHR.')).toBeTruthy();
    for (let i = 0; i < 3; i++) next();
    fireEvent.click(screen.getByRole('button', { name: en(START) }));
    await screen.findByRole('heading', { level: 1 });
    expect(writes[0]?.sites.custom).toEqual([{ host: 'ehr.example-clinic.org', category: 'ehr' }]);
  });

  it('after hours: one choice per category, each said in a sentence of what the clinician will see', async () => {
    const { writes } = guide();
    next();
    next();
    const email = screen.getByRole('group', { name: 'Email and secure messaging' });
    expect(within(email).getByText(/^After hours email and messaging sites stay usable but grey/)).toBeTruthy();
    expect(within(email).getByText('Your tools here: Spruce and Hushmail.')).toBeTruthy();
    fireEvent.click(within(email).getByRole('radio', { name: 'Left open' }));
    expect(await within(email).findByText('Clocked Out leaves email and messaging sites alone, at any hour.')).toBeTruthy();
    expect(email.getAttribute('aria-describedby')).toBe('says-email');
    next();
    next();
    expect(screen.getByText(/^Tonight at 5:00 PM .* close until tomorrow 9:00 AM; .* dim; Spruce and Hushmail stay open\.$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: en(START) }));
    await screen.findByRole('heading', { level: 1 });
    expect(writes[0]?.actions).toEqual({ ehr: 'block', practice: 'block', telehealth: 'dim', email: 'allow' });
  });

  it('access: says when all is granted; otherwise one button asks for every missing site in the click, a refusal explained', async () => {
    const contains = vi.fn(async (origins: string[]) => !origins.some((o) => o.includes('simplepractice') || o.includes('therapynotes')));
    let answer: (ok: boolean) => void = () => {};
    const request = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    guide({ contains, request });
    for (let i = 0; i < 3; i++) next();
    expect(await screen.findByText(/has not let Clocked Out see 3 of the sites you chose/)).toBeTruthy();
    expect(screen.getByText(/^Not guarded/).textContent).toMatch(/SimplePractice, SimplePractice Telehealth and TherapyNotes/);
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]).toEqual([
      [
        'https://*.secure.simplepractice.com/*',
        'http://*.secure.simplepractice.com/*',
        'https://*.video.simplepractice.com/*',
        'http://*.video.simplepractice.com/*',
        'https://*.www.therapynotes.com/*',
        'http://*.www.therapynotes.com/*',
        'https://therapynotes.com/*',
        'http://therapynotes.com/*',
      ],
    ]);
    answer(false);
    expect(await screen.findByText(/You can go on without it: those sites are simply not guarded/)).toBeTruthy();
    expect(screen.getByText(/did not give access/)).toBeTruthy();
  });

  it('access: a grant checks again and says all is well', async () => {
    let granted = false;
    const contains = vi.fn(async () => granted);
    const request = vi.fn(async () => (granted = true));
    guide({ contains, request, settings: settingsWith({ sites: { catalogue: Object.fromEntries(['simplepractice'].map((id) => [id, true])) } }) });
    for (let i = 0; i < 3; i++) next();
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access' }));
    expect((await screen.findByText(/lets Clocked Out guard all/)).textContent).toMatch(
      /^The browser lets Clocked Out guard all \d+ sites you chose\. Nothing to do here\.$/,
    );
  });

  it('the last step: tonight in a sentence, the crisis exception in one line, the message to copy', async () => {
    const { props } = guide();
    for (let i = 0; i < 4; i++) next();
    expect(screen.getByText(/^Tonight at 5:00 PM SimplePractice, TherapyNotes, TheraNest \(Ensora\) and \d+ more close until tomorrow 9:00 AM;/)).toBeTruthy();
    expect(screen.getByText(/^If a client is in crisis after hours, press "Crisis exception…"/).textContent).toContain('for 30 minutes');
    expect(screen.getByText(/^Thank you for your message\. I'm away until Thursday 9:00 AM/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy message' }));
    expect(props.copy).toHaveBeenCalledWith(expect.stringContaining('Thursday 9:00 AM'));
  });

  it('the message for clients names the opening after tonight, not the end of a lunch break', () => {
    const day = [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ];
    guide({ settings: settingsWith({ timeZone: 'system', week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] } }) });
    for (let i = 0; i < 4; i++) next();
    expect(screen.getByText(/^Thank you for your message\. I'm away until Thursday 9:00 AM/)).toBeTruthy();
  });

  it('Skip keeps the defaults and writes nothing', async () => {
    const { props } = guide();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Friday' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip — keep the defaults' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Clocked Out runs with the defaults' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(/^Tonight at 5:00 PM/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Clocked Out settings' }).getAttribute('href')).toBe('options.html');
    expect(props.write).not.toHaveBeenCalled();
  });

  it('skipped with sites withheld, the last page asks for them with the one button; with none withheld it says nothing of access', async () => {
    const contains = vi.fn(async (origins: string[]) => !origins.some((o) => o.includes('simplepractice')));
    const request = vi.fn(async (_origins: string[]) => true);
    guide({ contains, request });
    fireEvent.click(screen.getByRole('button', { name: 'Skip — keep the defaults' }));
    await screen.findByRole('heading', { level: 1, name: 'Clocked Out runs with the defaults' });
    expect(await screen.findByText(/has not let Clocked Out see 2 of the sites you chose/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]?.[0]).toEqual(expect.arrayContaining(['https://*.secure.simplepractice.com/*', 'https://*.video.simplepractice.com/*']));
    cleanup();

    const all = vi.fn(async () => true);
    guide({ contains: all });
    fireEvent.click(screen.getByRole('button', { name: 'Skip — keep the defaults' }));
    await screen.findByRole('heading', { level: 1, name: 'Clocked Out runs with the defaults' });
    await vi.waitFor(() => expect(all).toHaveBeenCalled());
    expect(screen.queryByText(/Checking what the browser|lets Clocked Out guard all|has not let Clocked Out see/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Allow access' })).toBeNull();
  });

  it('set up again over settings of your own: starts from them, and Skip keeps them', async () => {
    const own = settingsWith({ week: { mon: [['08:00', '12:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    guide({ settings: own });
    expect((screen.getByRole('checkbox', { name: 'Tuesday' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Hours, from') as HTMLInputElement).value).toBe('8:00 AM');
    expect(screen.getByText(/your current settings stay as they are/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Skip — keep my current settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your settings stay as they were' })).toBeTruthy();
  });

  it('what the practice sets is shown locked', () => {
    const { settings, locked } = applyManaged(en, defaultSettings(), {
      week: { mon: [['08:00', '16:00']] },
      actions: { ehr: 'block' },
      sites: { catalogue: { gmail: true } },
    });
    guide({ settings, locked });
    expect(screen.getByText(/Some settings are set by your practice/)).toBeTruthy();
    // Disabled by their fieldset, as on the options page.
    const fieldsetOf = (el: HTMLElement) => el.closest('fieldset') as HTMLFieldSetElement;
    expect(fieldsetOf(screen.getByRole('checkbox', { name: 'Tuesday' })).disabled).toBe(true);
    expect(fieldsetOf(screen.getByLabelText('Hours, from')).disabled).toBe(true);
    expect(screen.getAllByText('Set by your practice').length).toBeGreaterThan(0);
    next();
    const gmail = screen.getByRole('checkbox', { name: 'Gmail' }) as HTMLInputElement;
    expect([gmail.checked, gmail.disabled]).toEqual([true, true]);
    expect((screen.getByRole('checkbox', { name: 'Zoom' }) as HTMLInputElement).disabled).toBe(false);
    next();
    const ehr = screen.getByRole('group', { name: 'EHR' });
    expect((ehr as HTMLFieldSetElement).disabled).toBe(true);
    expect(within(ehr).getByText('Set by your practice')).toBeTruthy();
    const email = screen.getByRole('group', { name: 'Email and secure messaging' });
    expect((email as HTMLFieldSetElement).disabled).toBe(false);
  });

  it('a write refused is said, and the guide stays on its last step', async () => {
    guide({ write: vi.fn(async () => ['Your settings are too large to sync: 200 custom sites; remove some.']) });
    for (let i = 0; i < 4; i++) next();
    fireEvent.click(screen.getByRole('button', { name: en(START) }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'These settings could not be saved, and nothing changed:Your settings are too large to sync',
    );
    expect(stepHeading()).toBe('Step 5 of 5: What tonight looks like');
  });
});
