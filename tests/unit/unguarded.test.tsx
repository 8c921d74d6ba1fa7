// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Unguarded, unguardedOf } from '../../components/Unguarded';
import { settingsWith } from './options-fixtures';

afterEach(cleanup);

describe('the unguarded line', () => {
  const settings = settingsWith({ sites: { custom: [{ host: 'ehr.clinic.org', category: 'ehr' }] } });
  const snapshot = { settings, exceptions: [], timeZone: 'UTC', wrapUps: {}, notice: null, unguarded: ['simplepractice', 'custom:ehr.clinic.org'] };

  it('names the sites from the snapshot, and nothing for an older snapshot without the field', () => {
    expect(unguardedOf(snapshot).sites.map((s) => s.name)).toEqual(['SimplePractice', 'ehr.clinic.org']);
    expect(unguardedOf({ ...snapshot, unguarded: undefined }).sites).toEqual([]);
    const { container } = render(<Unguarded sites={[]} request={async () => true} />);
    expect(container.textContent).toBe('');
  });

  it('asks for access to every unguarded origin in the click itself, and says it is waiting', async () => {
    let answer: (ok: boolean) => void = () => {};
    const request = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    render(<Unguarded sites={unguardedOf(snapshot).sites} request={request} />);
    expect(screen.getByText(/Not guarded/).textContent).toBe('Not guarded — the browser withholds access to SimplePractice and ehr.clinic.org. Allow access');
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    // Synchronously, inside the click: the browser shows its prompt only then.
    expect(request).toHaveBeenCalledWith([
      'https://*.secure.simplepractice.com/*',
      'http://*.secure.simplepractice.com/*',
      'https://*.ehr.clinic.org/*',
      'http://*.ehr.clinic.org/*',
    ]);
    expect(screen.getByRole('status').textContent).toMatch(/^Waiting for your answer/);
    answer(false);
    expect((await screen.findByText(/did not give access/)).textContent).toMatch(/still cannot guard SimplePractice and ehr\.clinic\.org\./);
  });

  it('says how many open work tabs could not be covered after an update, and to reload them', () => {
    expect(unguardedOf({ ...snapshot, uncovered: 2 }).uncovered).toBe(2);
    // An older worker's snapshot has no such field: nothing to say.
    expect(unguardedOf(snapshot).uncovered).toBe(0);
    const { container, rerender } = render(<Unguarded sites={[]} uncovered={2} request={async () => true} />);
    expect(screen.getByText(/could not be covered/).textContent).toBe('2 open work tabs could not be covered — reload them.');
    rerender(<Unguarded sites={[]} uncovered={1} request={async () => true} />);
    expect(screen.getByText(/could not be covered/).textContent).toBe('1 open work tab could not be covered — reload it.');
    rerender(<Unguarded sites={[]} uncovered={0} request={async () => true} />);
    expect(container.textContent).toBe('');
  });
});
