// @vitest-environment happy-dom
// The blocked page's entry: nothing at all inside another page's frame; in its own tab, the site
// named in the first frame and the original address gone from the URL.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const PAGE = readFileSync(join(process.cwd(), 'entrypoints/blocked/index.html'), 'utf8');
const BODY = /<body>([\s\S]*)<\/body>/.exec(PAGE)?.[1]?.replace(/<script[\s\S]*?<\/script>/, '') ?? '';
const BLOCKED = 'chrome-extension://abc/blocked.html?site=simplepractice';
const ORIGINAL = 'https://secure.simplepractice.com/clients/4f1e2d/notes?tab=1#draft';

let appLoaded = false;
vi.mock('../../entrypoints/blocked/App', async (load) => {
  appLoaded = true;
  return load();
});

const setURL = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
const heading = () => document.getElementById('heading')?.textContent;
const start = () => import('../../entrypoints/blocked/main');

beforeEach(() => {
  vi.resetModules();
  fakeBrowser.reset();
  appLoaded = false;
  document.body.innerHTML = BODY;
  setURL(`${BLOCKED}#${ORIGINAL}`);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the blocked page in a frame of another page', () => {
  it('says only that it is not available, and never loads the app or reads storage', async () => {
    const read = vi.spyOn(fakeBrowser.storage.local, 'get');
    const own = Object.getOwnPropertyDescriptor(window, 'top');
    Object.defineProperty(window, 'top', { configurable: true, get: () => ({}) });
    try {
      await start();
    } finally {
      if (own) Object.defineProperty(window, 'top', own);
      else Reflect.deleteProperty(window, 'top');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heading()).toBe('This page is not available here');
    expect(document.body.textContent?.trim()).toBe('This page is not available here');
    expect(document.querySelectorAll('button')).toHaveLength(0);
    expect(appLoaded).toBe(false);
    expect(read).not.toHaveBeenCalled();
  });
});

describe('the blocked page in its own tab', () => {
  it('names the site before the app loads and takes the original address out of the URL', async () => {
    const replace = vi.spyOn(history, 'replaceState');
    await start();
    // Synchronously, while the app is still loading.
    expect(heading()).toBe('SimplePractice is closed for the evening');
    expect(location.href).toBe(BLOCKED);
    expect(replace).toHaveBeenCalledWith(null, '', BLOCKED);
    await vi.waitFor(() => expect(appLoaded).toBe(true));
  });

  it('shows a site id that is not in the catalogue nowhere, even before settings are read', async () => {
    setURL(`chrome-extension://abc/blocked.html?site=custom%3Afoo.com#https://foo.com/`);
    await start();
    expect(heading()).toBe('This work site is closed');
    expect(document.title).not.toContain('foo.com');
  });
});
