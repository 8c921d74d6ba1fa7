// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PrivateWindows } from '../../components/PrivateWindows';

afterEach(cleanup);

describe('the private-windows note', () => {
  it('says private windows are not guarded, and where to change it, when the browser keeps the extension out of them', async () => {
    render(<PrivateWindows allowed={async () => false} />);
    const note = await screen.findByRole('note');
    expect(note.textContent).toMatch(/^Private windows are not guarded: in them your work sites open at any hour\./);
    expect(note.textContent).toContain('Allow in Incognito');
    expect(note.textContent).toContain('Run in Private Windows');
  });

  it('says nothing when the extension runs in private windows, or when the browser cannot say', async () => {
    render(<PrivateWindows allowed={async () => true} />);
    render(
      <PrivateWindows
        allowed={() => {
          throw new Error('not supported');
        }}
      />,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('note')).toBeNull();
  });
});
