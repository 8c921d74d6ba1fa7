/**
 * The local HTTPS server that stands in for every work site in the e2e tests. Chromium reaches it
 * through `--host-resolver-rules`, so the Host header says which real site a request was meant for.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

const FIXTURES = new URL('./fixtures/', import.meta.url);
/** Bright, saturated and full-page, so a screencast frame shows at once whether it was dimmed. */
export const PAGE_RED = '#e00000';
/** Paths under this prefix answer after `SLOW_MS` (or `?ms=N`), to catch a page mid-load. */
export const SLOW_PREFIX = '/slow';
export const SLOW_MS = 1500;
/**
 * Pages under this prefix note, in their very first script (before anything of theirs is parsed
 * or painted), whether the guard's layer or the dim stylesheet is already up: `window.firstScript`,
 * `{ covered, at }` with `at` on the page's own clock, to compare with its first paint.
 */
export const PROBE_PREFIX = '/probe';
const PROBE = `<script>window.firstScript = { covered: document.querySelectorAll('[data-clocked-out]').length > 0 || getComputedStyle(document.documentElement).filter !== 'none', at: performance.now() };</script>`;

/**
 * Pages under this prefix install the site's own service worker, as an EHR that works offline
 * does: it answers every navigation in its scope from its cache once it has the page, without
 * the network. `window.offlineReady` turns true once the worker controls the page.
 */
export const OFFLINE_PREFIX = '/offline/';
const OFFLINE_WORKER = `
self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  if (event.request.mode !== 'navigate') return;
  event.respondWith(caches.open('pages').then(async (cache) => {
    const known = await cache.match(event.request, { ignoreSearch: true });
    if (known) return known;
    const fresh = await fetch(event.request);
    await cache.put(event.request, fresh.clone());
    return fresh;
  }));
});`;
/** The app's first call home, the page's very first script, as an EHR's make at once: a request the server counts. */
const OFFLINE_CALL = `<script>if (navigator.serviceWorker.controller) fetch('${OFFLINE_PREFIX}api/session', { cache: 'no-store' }).catch(() => {});</script>`;
const OFFLINE_REGISTER = `<script>
window.offlineReady = false;
navigator.serviceWorker.register('${OFFLINE_PREFIX}sw.js', { scope: '${OFFLINE_PREFIX}' }).then(() => navigator.serviceWorker.ready).then(() => {
  const check = () => { if (navigator.serviceWorker.controller) window.offlineReady = true; else setTimeout(check, 50); };
  check();
}, (error) => { window.offlineError = String(error); });
</script>`;

export interface ServedRequest {
  readonly host: string;
  readonly path: string;
  readonly method: string;
  readonly scheme: 'http' | 'https';
  readonly at: number;
}

export interface TestServer {
  /** The HTTPS port (work hosts' :443). */
  readonly port: number;
  /** The plain-HTTP port (work hosts' :80): an old bookmark or an emailed link says `http://`. */
  readonly httpPort: number;
  /** Requests that reached the server for `host` (the Host header without `:443`), favicons excluded. */
  count(host: string): number;
  /** Every request so far, in arrival order, favicons excluded. */
  readonly requests: readonly ServedRequest[];
  /** Forgets all counted requests. */
  reset(): void;
  close(): Promise<void>;
}

function page(host: string, path: string): string {
  const paragraphs = [1, 2, 3].map((n) => `<p>Paragraph ${n} of the test page for ${host}. It stands in for a work tool.</p>`).join('\n');
  return `<!doctype html>
<html lang="en"><head>${path.startsWith(PROBE_PREFIX) ? PROBE : ''}<meta charset="utf-8">
<title>Test page — ${host}</title>
<link rel="icon" href="data:,">
<style>html, body { margin: 0; min-height: 100vh; background: ${PAGE_RED}; color: #fff; font: 16px sans-serif; }</style>
</head><body>
<h1>${host}</h1>
<p id="path">${path.replace(/[<>&"]/g, '')}</p>
${paragraphs}
<textarea id="note" rows="4" cols="40"></textarea>
</body></html>`;
}

/** Starts the server on 127.0.0.1 with an ephemeral port, with the committed test-only certificate. */
export async function startServer(): Promise<TestServer> {
  const requests: ServedRequest[] = [];
  const handler = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', 'https://placeholder');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(404).end();
      return;
    }
    requests.push({ host, path: url.pathname, method: req.method ?? 'GET', scheme, at: Date.now() });
    if (url.pathname.startsWith(OFFLINE_PREFIX)) {
      const script = url.pathname === `${OFFLINE_PREFIX}sw.js`;
      res.writeHead(200, { 'content-type': script ? 'text/javascript' : 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(script ? OFFLINE_WORKER : page(host, url.pathname).replace('<head>', `<head>${OFFLINE_CALL}`).replace('</body>', `${OFFLINE_REGISTER}</body>`));
      return;
    }
    const delay = url.pathname.startsWith(SLOW_PREFIX) ? Number(url.searchParams.get('ms') ?? SLOW_MS) : 0;
    const timer = setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page(host, url.pathname));
    }, delay);
    res.on('close', () => clearTimeout(timer));
  };
  const server = createServer(
    { key: readFileSync(new URL('test-server.key', FIXTURES)), cert: readFileSync(new URL('test-server.crt', FIXTURES)) },
    handler('https'),
  );
  const httpServer = createHttpServer(handler('http'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const { port: httpPort } = httpServer.address() as AddressInfo;
  const closeOne = (s: typeof server | typeof httpServer) =>
    new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  return {
    port,
    httpPort,
    count: (host) => requests.filter((r) => r.host === host.toLowerCase()).length,
    get requests() {
      return requests;
    },
    reset: () => void requests.splice(0),
    close: async () => {
      await Promise.all([closeOne(server), closeOne(httpServer)]);
    },
  };
}
