import { createServer, request, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/**
 * A forwarding HTTP proxy on 127.0.0.1, as a corporate network has one: CONNECT tunnels for https,
 * absolute-form requests for plain http. It logs what it carries (never the credentials), and can
 * ask for credentials (407), refuse (403) or hold every request without answering.
 */
export interface Carried {
  method: string;
  /** host:port for CONNECT, the absolute URL otherwise. */
  target: string;
  /** Whether the request came with the right Proxy-Authorization. */
  authorized: boolean;
}

export async function startForwardProxy(options: { credentials?: string } = {}) {
  const carried: Carried[] = [];
  let mode: 'forward' | 'refuse' | 'stall' | 'hangup' = 'forward';
  const sockets = new Set<Socket>();
  const expected = options.credentials
    ? `Basic ${Buffer.from(options.credentials).toString('base64')}`
    : undefined;
  const authorized = (req: IncomingMessage) =>
    expected === undefined || req.headers['proxy-authorization'] === expected;

  const server = createServer((req, res) => {
    const ok = authorized(req);
    carried.push({ method: req.method ?? 'GET', target: req.url ?? '', authorized: ok });
    if (!ok) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="corp"' });
      return res.end();
    }
    if (mode === 'stall') return;
    if (mode === 'refuse') {
      res.writeHead(403);
      return res.end('Forbidden by policy');
    }
    const url = new URL(req.url ?? '');
    // What was for the proxy stays with it.
    const headers = Object.fromEntries(
      Object.entries({ ...req.headers, host: url.host }).filter(
        ([name]) => !name.startsWith('proxy-'),
      ),
    );
    const upstream = request(url, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });

  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const ok = authorized(req);
    carried.push({ method: 'CONNECT', target: req.url ?? '', authorized: ok });
    if (!ok) {
      socket.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n',
      );
      return;
    }
    if (mode === 'stall') return;
    if (mode === 'hangup') {
      socket.destroy();
      return;
    }
    if (mode === 'refuse') {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host = '', port = ''] = (req.url ?? '').split(/:(?=\d+$)/);
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    carried,
    /** forward (the default), refuse with 403, hold every request without an answer, or hang up on CONNECT. */
    behave(next: typeof mode) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export type ForwardProxy = Awaited<ReturnType<typeof startForwardProxy>>;

/** A port nothing listens on: a proxy that is down. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
