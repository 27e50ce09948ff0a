// Real HTTP(S) test servers on loopback addresses (127.0.0.x as separate hosts) with scripted routes.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';

/** One request a test server saw. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** `Date.now()` when the request arrived. */
  atMs: number;
}

/** Per-route state handed to a handler. */
export interface RouteContext {
  /** How many times this route was hit, this hit included (1-based). */
  hit: number;
  server: TestServer;
}

/** A scripted route: answer however the test needs, including never answering. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => void;

/** Options of {@link startServer}. */
export interface TestServerOptions {
  /** Loopback address to listen on, e.g. `127.0.0.2`. */
  host?: string;
  routes?: Record<string, RouteHandler>;
  /** Serve HTTPS with the self-signed fixture certificate. */
  tls?: boolean;
  /** Delay before every handler runs. */
  latencyMs?: number;
  /** Shared by several servers to count their open connections together (open now, and the peak). */
  connectionCounter?: ConnectionCounter;
}

/** Open TCP connections across the servers sharing it. */
export interface ConnectionCounter {
  open: number;
  max: number;
}

/** A running server and what it observed. */
export interface TestServer {
  host: string;
  port: number;
  /** `http://127.0.0.2:12345` */
  origin: string;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  requests: RecordedRequest[];
  /** Highest number of requests in progress at once. */
  maxConcurrent: number;
  /** TCP connections accepted so far. */
  connections: number;
  /** Highest number of TCP connections open at once. */
  maxOpenConnections: number;
  close(): Promise<void>;
}

const FIXTURES = new URL('../fixtures/tls/', import.meta.url);

/** Starts a server on `host` (port 0) answering `routes` by path; other paths get 404. */
export async function startServer(options: TestServerOptions = {}): Promise<TestServer> {
  const host = options.host ?? '127.0.0.2';
  const routes = options.routes ?? {};
  const hits = new Map<string, number>();
  const sockets = new Set<Socket>();
  let inFlight = 0;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = req.url ?? '/';
    state.requests.push({ method: req.method ?? '', path, headers: req.headers, atMs: Date.now() });
    inFlight += 1;
    state.maxConcurrent = Math.max(state.maxConcurrent, inFlight);
    let isDone = false;
    const done = (): void => {
      if (!isDone) inFlight -= 1;
      isDone = true;
    };
    res.on('close', done);
    res.on('finish', done);
    const route = routes[path.split('?')[0] ?? path];
    const run = (): void => {
      if (!route) {
        res.writeHead(404).end('not found');
        return;
      }
      const hit = (hits.get(path) ?? 0) + 1;
      hits.set(path, hit);
      route(req, res, { hit, server: state });
    };
    if (options.latencyMs) setTimeout(run, options.latencyMs);
    else run();
  };

  const server: Server = options.tls
    ? createTlsServer(
        { key: readFileSync(new URL('self-signed-key.pem', FIXTURES)), cert: readFileSync(new URL('self-signed-cert.pem', FIXTURES)) },
        handle,
      )
    : createServer({ maxHeaderSize: 1024 * 1024 }, handle);
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    state.connections += 1;
    sockets.add(socket);
    state.maxOpenConnections = Math.max(state.maxOpenConnections, sockets.size);
    const counter = options.connectionCounter;
    if (counter) {
      counter.open += 1;
      counter.max = Math.max(counter.max, counter.open);
    }
    socket.on('close', () => {
      sockets.delete(socket);
      if (counter) counter.open -= 1;
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const bracketed = host.includes(':') ? `[${host}]` : host;
  const origin = `${options.tls ? 'https' : 'http'}://${bracketed}:${port}`;

  const state: TestServer = {
    host,
    port,
    origin,
    url: (path) => `${origin}${path}`,
    requests: [],
    maxConcurrent: 0,
    connections: 0,
    maxOpenConnections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return state;
}

/** Route helpers for the common answers. */
export const reply = {
  /** Answers `status` with optional headers and body. */
  status:
    (status: number, headers: Record<string, string> = {}, body = ''): RouteHandler =>
    (_req, res) => {
      res.writeHead(status, headers).end(body);
    },
  /** Redirects with `status` to `location` (absolute or relative, as given). */
  redirect:
    (status: number, location: string): RouteHandler =>
    (_req, res) => {
      res.writeHead(status, { location }).end();
    },
  /** Answers `headStatus` to HEAD and `getStatus` to GET. */
  byMethod:
    (headStatus: number, getStatus: number): RouteHandler =>
    (req, res) => {
      res.writeHead(req.method === 'HEAD' ? headStatus : getStatus).end();
    },
  /** Never answers (the socket stays open until the server closes). */
  hang: (): RouteHandler => () => {},
  /** Resets the connection (TCP RST) without a response: the client sees ECONNRESET. */
  reset: (): RouteHandler => (req) => {
    req.socket.resetAndDestroy();
  },
  /** Closes the connection (TCP FIN) without a response: the client sees the other side close. */
  closeEarly: (): RouteHandler => (req) => {
    req.socket.destroy();
  },
};

/** A TCP server that answers every request with fixed bytes, for answers no HTTP server library would send. */
export interface RawServer {
  host: string;
  port: number;
  /** Absolute `http://` URL of a path on this server. */
  url(path: string): string;
  /** Requests received (one per connection's first data chunk). */
  requests: number;
  close(): Promise<void>;
}

/**
 * Starts a raw TCP server on `host` that writes `bytes(requestHead)` once per request it receives, then keeps the
 * connection open (or closes it when `shouldClose`). The request head is the text received, so a HEAD can be told
 * from a GET.
 */
export async function startRawServer(options: { host?: string; bytes: (requestHead: string) => string | Buffer; shouldClose?: boolean }): Promise<RawServer> {
  const host = options.host ?? '127.0.0.2';
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      // One answer per complete request head (keep-alive connections send several).
      let end = head.indexOf('\r\n\r\n');
      while (end !== -1) {
        state.requests += 1;
        const request = head.slice(0, end);
        head = head.slice(end + 4);
        socket.write(options.bytes(request));
        if (options.shouldClose) socket.end();
        end = head.indexOf('\r\n\r\n');
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const state: RawServer = {
    host,
    port,
    url: (path) => `http://${host}:${port}${path}`,
    requests: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return state;
}
