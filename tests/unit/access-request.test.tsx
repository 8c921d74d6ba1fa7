// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessRequest } from '../../components/AccessRequest';
import { unguardedOf } from '../../components/Unguarded';
import { settingsWith } from './options-fixtures';

afterEach(cleanup);

describe('the site-access page', () => {
  const snapshot = { settings: settingsWith({}), exceptions: [], timeZone: 'UTC', wrapUps: {}, notice: null, unguarded: ['simplepractice', 'jane'] };
  const sites = unguardedOf(snapshot).sites;

  it('says in one sentence why it needs the sites, with one button', () => {
    render(<AccessRequest sites={sites} request={async () => true} />);
    expect(screen.getByRole('heading').textContent).toBe('Clocked Out is off for SimplePractice and Jane');
    expect(document.querySelector('.why')?.textContent).toBe(
      'Clocked Out needs access to SimplePractice and Jane to block or dim them outside your working hours, and the browser no longer gives it.',
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Allow access']);
  });

  it('asks for every origin of the sites in the click itself, and explains a refusal', async () => {
    let answer: (ok: boolean) => void = () => {};
    const request = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    render(<AccessRequest sites={sites} request={request} />);
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    // Synchronously, inside the click: the browser shows its prompt only then.
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith(
      expect.arrayContaining([
        'https://*.secure.simplepractice.com/*',
        'http://*.secure.simplepractice.com/*',
        'https://*.janeapp.com/*',
        'http://*.janeapp.com/*',
      ]),
    );
    answer(false);
    expect((await screen.findByText(/did not give access/)).textContent).toBe(
      'The browser did not give access, so Clocked Out still cannot guard SimplePractice and Jane, and the toolbar badge shows "!". Try again and choose "Allow".',
    );
  });

  it('says all is guarded once the worker finds nothing withheld, and waits for its snapshot', () => {
    const { rerender } = render(<AccessRequest sites={null} request={async () => true} />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<AccessRequest sites={[]} request={async () => true} />);
    expect(screen.getByRole('heading').textContent).toBe('Clocked Out guards all your work sites');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
