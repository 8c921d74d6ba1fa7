// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClockSection } from '../../components/options/ClockSection';
import { HoursEditor, nextRange } from '../../components/options/HoursEditor';
import { Live, settingsWith, storeOf } from './options-fixtures';

afterEach(cleanup);

const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

// A clinician who chose the 24-hour clock; the browser of these tests, like Node, says en-US.
function editor(week: object = {}, locked: string[] = [], clock: 'locale' | '12h' | '24h' = '24h') {
  const store = storeOf(settingsWith({ week: { ...none, ...week }, clock }));
  render(
    <Live store={store} locked={locked}>
      {(props) => <HoursEditor {...props} />}
    </Live>,
  );
  return store;
}

/** Types a time the way the field reports it, then leaves the field. */
function enter(field: HTMLElement, value: string) {
  (field as HTMLInputElement).value = value;
  fireEvent.blur(field);
}

describe('the hours editor', () => {
  it('shows a range past midnight as such, and a day without ranges as off', async () => {
    editor({ fri: [['22:00', '02:00']] });
    const friday = await screen.findByRole('group', { name: 'Friday' });
    expect(within(friday).getByText('Past midnight: Fri 22:00 → Sat 02:00')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Saturday' })).getByText('Off')).toBeTruthy();
  });

  it('turns an end earlier than the start into an overnight range when the field is left', async () => {
    const store = editor({ fri: [['18:00', '21:00']] });
    enter(await screen.findByLabelText('Friday, to'), '02:00');
    expect(await screen.findByText('Past midnight: Fri 18:00 → Sat 02:00')).toBeTruthy();
    expect(store.current.week.fri).toEqual([['18:00', '02:00']]);
  });

  it('copies Monday to the other weekdays, leaving the weekend', async () => {
    const store = editor({
      mon: [
        ['08:00', '12:00'],
        ['13:00', '16:00'],
      ],
      tue: [['10:00', '11:00']],
      sat: [['09:00', '10:00']],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy Monday to weekdays' }));
    await screen.findAllByLabelText('Friday, range 2, to');
    for (const day of ['tue', 'wed', 'thu', 'fri'] as const)
      expect(store.current.week[day]).toEqual([
        ['08:00', '12:00'],
        ['13:00', '16:00'],
      ]);
    expect(store.current.week.sat).toEqual([['09:00', '10:00']]);
  });

  it('removes one range and keeps the others, the gap becoming part of the evening', async () => {
    const store = editor({
      mon: [
        ['09:00', '12:30'],
        ['13:30', '17:00'],
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Monday 13:30–17:00' }));
    await screen.findByLabelText('Monday, from');
    expect(store.current.week.mon).toEqual([['09:00', '12:30']]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Monday 09:00–12:30' }));
    expect(await within(screen.getByRole('group', { name: 'Monday' })).findByText('Off')).toBeTruthy();
    expect(store.current.week.mon).toEqual([]);
  });

  it('adds 09:00–17:00 to an empty day, and a later hour after the last range', async () => {
    const store = editor({ tue: [['09:00', '12:00']] });
    fireEvent.click(await screen.findByRole('button', { name: 'Add hours on Wednesday' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add hours on Tuesday' }));
    await screen.findByLabelText('Tuesday, range 2, from');
    expect(store.current.week.wed).toEqual([['09:00', '17:00']]);
    expect(store.current.week.tue).toEqual([
      ['09:00', '12:00'],
      ['12:30', '13:30'],
    ]);
    expect(nextRange([['23:00', '23:45']])).toEqual(['00:15', '01:15']);
  });

  it('refuses an emptied time beside the day and saves nothing', async () => {
    const store = editor({ thu: [['09:00', '17:00']] });
    const field = await screen.findByLabelText('Thursday, from');
    enter(field, '');
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe('Enter a start time, or remove the range.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(error.id);
    expect(store.writes).toBe(0);
  });

  it('saves on Enter, and not again when nothing changed', async () => {
    const store = editor({ thu: [['09:00', '17:00']] });
    const field = await screen.findByLabelText('Thursday, to');
    (field as HTMLInputElement).value = '18:15';
    fireEvent.keyDown(field, { key: 'Enter' });
    await screen.findByDisplayValue('18:15');
    expect(store.current.week.thu).toEqual([['09:00', '18:15']]);
    enter(screen.getByLabelText('Thursday, to'), '18:15');
    expect(store.writes).toBe(1);
  });

  it('keeps the same field, and the focus in it, once a time is saved with Enter; a change from elsewhere shows in it', async () => {
    const store = editor({ mon: [['08:00', '12:00']], thu: [['09:00', '17:00']] });
    const field = (await screen.findByLabelText('Thursday, to')) as HTMLInputElement;
    field.focus();
    field.value = '18:15';
    fireEvent.keyDown(field, { key: 'Enter' });
    await vi.waitFor(() => expect(store.current.week.thu).toEqual([['09:00', '18:15']]));
    expect(screen.getByLabelText('Thursday, to')).toBe(field);
    expect(document.activeElement).toBe(field);
    // "Copy Monday to weekdays" rewrites Thursday: the same field shows the new end.
    fireEvent.click(screen.getByRole('button', { name: 'Copy Monday to weekdays' }));
    await vi.waitFor(() => expect(store.current.week.thu).toEqual([['08:00', '12:00']]));
    await vi.waitFor(() => expect(field.value).toBe('12:00'));
    expect(screen.getByLabelText('Thursday, to')).toBe(field);
  });

  it('shows the times in the browser language’s clock, 12-hour in US English, and stores them as HH:MM', async () => {
    const store = editor({ thu: [['09:00', '17:00']], fri: [['22:00', '24:00']] }, [], 'locale');
    const from = (await screen.findByLabelText('Thursday, from')) as HTMLInputElement;
    const to = screen.getByLabelText('Thursday, to') as HTMLInputElement;
    expect([from.value, to.value]).toEqual(['9:00 AM', '5:00 PM']);
    // A range's end at midnight reads as midnight on a 12-hour clock.
    expect((screen.getByLabelText('Friday, to') as HTMLInputElement).value).toBe('12:00 AM');
    enter(to, '6:30 pm');
    await vi.waitFor(() => expect(store.current.week.thu).toEqual([['09:00', '18:30']]));
    expect(to.value).toBe('6:30 PM');
    // Typed in 24 hours, it is read all the same and shown in the clinician's clock.
    enter(from, '08:15');
    await vi.waitFor(() => expect(store.current.week.thu).toEqual([['08:15', '18:30']]));
    expect(from.value).toBe('8:15 AM');
    expect(screen.getByRole('button', { name: 'Remove Thursday 8:15 AM–6:30 PM' })).toBeTruthy();
  });

  it('shows the same times in 24 hours, 24:00 included, when the clinician chooses it', async () => {
    editor({ thu: [['09:00', '17:00']], fri: [['22:00', '24:00']] }, [], '24h');
    expect(((await screen.findByLabelText('Thursday, to')) as HTMLInputElement).value).toBe('17:00');
    expect((screen.getByLabelText('Friday, to') as HTMLInputElement).value).toBe('24:00');
    expect((screen.getByLabelText('Friday, from') as HTMLInputElement).value).toBe('22:00');
  });

  it('writes the fields again in the new clock when the clinician chooses one', async () => {
    const store = storeOf(settingsWith({ week: { ...none, thu: [['09:00', '17:00']] } }));
    render(
      <Live store={store}>
        {(props) => (
          <>
            <ClockSection {...props} />
            <HoursEditor {...props} />
          </>
        )}
      </Live>,
    );
    const to = (await screen.findByLabelText('Thursday, to')) as HTMLInputElement;
    expect(to.value).toBe('5:00 PM');
    fireEvent.click(screen.getByRole('radio', { name: '24-hour (17:00)' }));
    await vi.waitFor(() => expect(to.value).toBe('17:00'));
    expect(store.current.clock).toBe('24h');
    expect(screen.getByRole('button', { name: 'Remove Thursday 09:00–17:00' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: "As my browser's language writes them (5:00 PM)" }));
    await vi.waitFor(() => expect(to.value).toBe('5:00 PM'));
    expect(store.current.clock).toBe('locale');
  });

  it('shows a clock the practice sets as such, and its choices disabled', async () => {
    render(
      <Live store={storeOf(settingsWith({ clock: '24h' }))} locked={['clock']}>
        {(props) => <ClockSection {...props} />}
      </Live>,
    );
    expect(await screen.findByText('Set by your practice')).toBeTruthy();
    const chosen = screen.getByRole('radio', { name: '24-hour (17:00)' }) as HTMLInputElement;
    expect(chosen.checked).toBe(true);
    expect((chosen.closest('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
  });

  it('refuses text that is no time with an example in the clinician’s clock, and saves nothing', async () => {
    const store = editor({ thu: [['09:00', '17:00']] }, [], 'locale');
    const field = await screen.findByLabelText('Thursday, to');
    enter(field, 'half past five');
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe('"half past five" is not a time: write it like 5:30 PM.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(error.id);
    expect(store.writes).toBe(0);
    expect(store.current.week.thu).toEqual([['09:00', '17:00']]);
  });

  it('shows hours the practice sets as such, and disabled', async () => {
    editor({ mon: [['09:00', '17:00']] }, ['week']);
    expect(await screen.findByText('Set by your practice')).toBeTruthy();
    // The whole editor is a disabled fieldset: every control in it is disabled with it.
    expect((screen.getByLabelText('Monday, from').closest('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
  });
});
