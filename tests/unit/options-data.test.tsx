// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataSection, type DataProps, readSettingsFile } from '../../components/options/DataSection';
import { defaultSettings, type Settings } from '../../utils/settings';
import { settingsWith } from './options-fixtures';

afterEach(cleanup);

function data(initial: Settings = defaultSettings()) {
  let current = initial;
  const replace = vi.fn<DataProps['replace']>(async (next) => {
    const previous = current;
    current = next;
    return { ok: true, previous, settings: next };
  });
  const download = vi.fn<DataProps['download']>();
  const view = render(<DataSection settings={initial} replace={replace} download={download} today="2026-11-26" />);
  return { replace, download, view, current: () => current };
}

const file = (name: string, content: unknown) =>
  new File([typeof content === 'string' ? content : JSON.stringify(content)], name, { type: 'application/json' });
const choose = async (f: File) => {
  const input = (await screen.findByLabelText('Import settings')) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [f], configurable: true });
  fireEvent.change(input);
};

describe('import', () => {
  it('applies a good file at once and lists what changed, with Undo', async () => {
    const { replace } = data();
    await choose(file('evenings.json', { format: 'clocked-out/settings', version: 1, week: { mon: [['08:00', '16:00']] }, windDownMinutes: 15 }));
    const summary = await screen.findByText(/Imported evenings.json/);
    expect(summary.textContent).toBe('Imported evenings.json. What changed:');
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Mon: 9:00 AM–5:00 PM → 8:00 AM–4:00 PM',
      'Tue: 9:00 AM–5:00 PM → off',
      'Wed: 9:00 AM–5:00 PM → off',
      'Thu: 9:00 AM–5:00 PM → off',
      'Fri: 9:00 AM–5:00 PM → off',
      'Wind-down warning: 10 min → 15 min',
    ]);
    expect(replace).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone: your settings are as they were.')).toBeTruthy();
    expect(replace.mock.calls[1]?.[0]).toEqual(defaultSettings());
  });

  it('refuses a bad file with its errors by field and changes nothing', async () => {
    const { replace } = data();
    await choose(file('broken.json', { format: 'clocked-out/settings', version: 1, week: { tue: [['09:00', '25:00']] }, actions: { ehr: 'hide' } }));
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe('broken.json was not imported, and nothing changed:');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'week.tue[0]: end "25:00" is not a time (HH:MM, or 24:00)',
      'actions.ehr: "hide" is not an action (block, dim or allow)',
    ]);
    expect(replace).not.toHaveBeenCalled();
  });

  it('says a file of another kind is not a settings file', async () => {
    expect(await readSettingsFile(file('notes.txt', 'Mon 9-5'))).toMatchObject({ ok: false, errors: [expect.stringMatching(/^the file is not JSON: /)] });
    expect(await readSettingsFile(file('other.json', { hello: 1 }))).toEqual({
      ok: false,
      errors: ['format: is missing: this is not a Clocked Out settings file'],
    });
  });

  it('says so when the file matches the settings already in force', async () => {
    data(settingsWith({ timeZone: 'system' }));
    await choose(file('same.json', { format: 'clocked-out/settings', version: 1 }));
    expect((await screen.findByText(/Imported same.json/)).textContent).toBe('Imported same.json. It matches your settings: nothing changed.');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});

describe('export and restore', () => {
  it('exports the settings document as dated JSON', async () => {
    const settings = settingsWith({ windDownMinutes: 7 });
    const { download } = data(settings);
    fireEvent.click(await screen.findByRole('button', { name: 'Export settings' }));
    const [name, text] = download.mock.calls[0] ?? [];
    expect(name).toBe('clocked-out-settings-2026-11-26.json');
    expect(JSON.parse(text ?? '')).toEqual(settings);
  });

  it('asks before restoring the defaults; Cancel changes nothing', async () => {
    const { replace } = data(settingsWith({ windDownMinutes: 0 }));
    fireEvent.click(await screen.findByRole('button', { name: 'Restore defaults…' }));
    expect(screen.getByRole('group', { name: 'Confirm restoring the defaults' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(replace).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Restore defaults…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Restore defaults' }));
    expect(await screen.findByText('Restored the defaults. What changed:')).toBeTruthy();
    expect(replace).toHaveBeenCalledWith(defaultSettings());
  });
});
