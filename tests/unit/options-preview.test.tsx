// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HoursEditor } from '../../components/options/HoursEditor';
import { WeekPreview } from '../../components/options/WeekPreview';
import { toInstant } from '../../utils/zoned-time';
import { Live, settingsWith, storeOf } from './options-fixtures';

// A clinician who chose the 24-hour clock (the browser of these tests, like Node, says en-US).
const settings24h = (doc: Parameters<typeof settingsWith>[0] = {}) => settingsWith({ clock: '24h', ...doc });

afterEach(cleanup);

const ZONE = 'Europe/Berlin';
// Monday 30 November 2026, 10:00 in Berlin.
const NOW = toInstant('2026-11-30', 10 * 60, ZONE);
const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const lines = () =>
  screen
    .getAllByRole('listitem')
    .filter((li) => li.closest('.preview-lines'))
    .map((li) => li.textContent);

describe('the week preview', () => {
  it('reads the coming week in words, breaks and overnight ranges included', async () => {
    const settings = settings24h({
      week: {
        ...none,
        mon: [
          ['09:00', '12:30'],
          ['13:30', '17:00'],
        ],
        fri: [['22:00', '02:00']],
      },
    });
    render(<WeekPreview settings={settings} now={NOW} timeZone={ZONE} />);
    await screen.findByText('The coming week');
    expect(lines()).toEqual([
      'Work: now → Mon 12:30',
      'Break: Mon 12:30 → 13:30',
      'Work: Mon 13:30 → 17:00',
      'Off: Mon 17:00 → Fri 22:00',
      'Work: Fri 22:00 → Sat 02:00',
      'Off: Sat 02:00 → Mon 7 Dec 09:00',
      // Seven days from now reach into next Monday's first range.
      'Work: Mon 7 Dec 09:00 → 12:30',
    ]);
  });

  it('writes the week in the browser language’s clock, 12-hour in US English, overnight ranges included', async () => {
    const settings = settingsWith({ week: { ...none, mon: [['09:00', '17:00']], fri: [['22:00', '02:00']] } });
    render(<WeekPreview settings={settings} now={NOW} timeZone={ZONE} />);
    await screen.findByText('The coming week');
    expect(lines().slice(0, 4)).toEqual([
      'Work: now → Mon 5:00 PM',
      'Off: Mon 5:00 PM → Fri 10:00 PM',
      'Work: Fri 10:00 PM → Sat 2:00 AM',
      'Off: Sat 2:00 AM → Mon 7 Dec 9:00 AM',
    ]);
  });

  it('follows an edit in the hours editor at once', async () => {
    const store = storeOf(settings24h({ week: { ...none, mon: [['09:00', '17:00']] } }));
    render(
      <Live store={store}>
        {(props) => (
          <>
            <HoursEditor {...props} />
            <WeekPreview settings={props.settings} now={NOW} timeZone={ZONE} />
          </>
        )}
      </Live>,
    );
    expect(await screen.findByText('Work: now → Mon 17:00')).toBeTruthy();
    const end = screen.getByLabelText('Monday, to') as HTMLInputElement;
    end.value = '11:00';
    fireEvent.blur(end);
    expect(await screen.findByText('Work: now → Mon 11:00')).toBeTruthy();
    expect(screen.getByText('Off: Mon 11:00 → Mon 7 Dec 09:00')).toBeTruthy();
  });

  it('draws each day of the grid with its work, its day off and the now marker', async () => {
    const settings = settings24h({ week: { ...none, mon: [['06:00', '18:00']] }, timeOff: [{ from: '2026-12-01', to: '2026-12-01', label: 'Conference' }] });
    const { container } = render(<WeekPreview settings={settings} now={NOW} timeZone={ZONE} />);
    await screen.findByText('The coming week');
    const rows = [...container.querySelectorAll('.grid-row')];
    expect(rows.map((r) => r.querySelector('.grid-day')?.textContent)).toEqual([
      'Mon 30 Nov',
      'Tue 1 Dec',
      'Wed 2 Dec',
      'Thu 3 Dec',
      'Fri 4 Dec',
      'Sat 5 Dec',
      'Sun 6 Dec',
    ]);
    const work = rows[0]?.querySelector<HTMLElement>('.grid-work');
    expect([work?.style.left, work?.style.width]).toEqual(['25.000%', '50.000%']);
    expect(rows[0]?.querySelector<HTMLElement>('.grid-now')?.style.left).toBe(`${((10 / 24) * 100).toFixed(3)}%`);
    expect(rows[1]?.querySelector('.grid-dayoff')?.textContent).toBe('Conference');
    // The grid repeats the words for the eye only.
    expect(container.querySelector('.grid')?.getAttribute('aria-hidden')).toBe('true');
  });
});
