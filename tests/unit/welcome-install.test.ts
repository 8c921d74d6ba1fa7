import { describe, expect, it } from 'vitest';
import { createWelcome } from '@/entrypoints/background/welcome';

function setup(seenBefore = false) {
  let seen = seenBefore;
  let opened = 0;
  const welcome = createWelcome({ open: async () => void opened++, seen: { get: async () => seen, set: async (value) => void (seen = value) } });
  return { welcome, opened: () => opened, seen: () => seen };
}

describe('the welcome guide on install', () => {
  it('opens on the first install, once', async () => {
    const s = setup();
    await s.welcome({ reason: 'install' });
    expect(s.opened()).toBe(1);
    expect(s.seen()).toBe(true);
    // Chromium reinstalls an extension loaded from a folder at every launch: the profile has seen it.
    await s.welcome({ reason: 'install' });
    expect(s.opened()).toBe(1);
  });

  it.each(['update', 'chrome_update', 'browser_update', 'shared_module_update'])('does not open on "%s"', async (reason) => {
    const s = setup();
    await s.welcome({ reason });
    expect(s.opened()).toBe(0);
    expect(s.seen()).toBe(false);
  });

  it('does not open in a profile that has seen it', async () => {
    const s = setup(true);
    await s.welcome({ reason: 'install' });
    expect(s.opened()).toBe(0);
  });
});
