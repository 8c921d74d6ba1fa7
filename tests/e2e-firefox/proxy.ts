/**
 * Firefox has no `--host-resolver-rules`: it reaches the work sites through this local proxy
 * instead, which sends every request for a known host to the test server. https goes through a
 * CONNECT tunnel (the TLS session, SNI and Host header stay the real site's, so the server counts
 * it under its real name); plain http arrives as an absolute-form GET and is forwarded to the
 * server's http port. Any other host is refused (502), fast and offline, as Chromium's
 * `MAP * ~NOTFOUND` does.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TestServer } from '../e2e/test-server';

export interface Proxy {
  readonly port: number;
  /** Requests refused because their host is not one of the proxy's, as `host:port` (for debugging). */
  readonly refused: readonly string[];
  close(): Promise<void>;
}

/** `host` lower-cased, without a trailing dot or `[…]`. */
const normal = (host: string) => host.toLowerCase().replace(/\.$/, '');

export async function startProxy(server: TestServer, hosts: readonly string[]): Promise<Proxy> {
  const known = new Set(hosts.map(normal));
  const refused: string[] = [];
  const sockets = new Set<Socket | Duplex>();
  const track = (socket: Socket | Duplex) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  /** The test server's port for a request to `host:port`, or null to refuse it. */
  const target = (host: string, port: number): number | null => {
    if (!known.has(normal(host))) return null;
    return port === 80 ? server.httpPort : server.port;
  };

  const proxy = createServer((req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const port = target(url.hostname, Number(url.port || 80));
    if (url.protocol !== 'http:' || port === null) {
      refused.push(url.host);
      res.writeHead(502).end();
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    delete headers['proxy-authorization'];
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: `${url.pathname}${url.search}`, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    req.pipe(upstream);
  });

  proxy.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    track(client);
    const [host = '', portText = '443'] = (req.url ?? '').split(/:(?=\d+$)/);
    const port = target(host, Number(portText));
    if (port === null) {
      refused.push(req.url ?? '');
      client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  proxy.on('connection', track);

  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  };
}
