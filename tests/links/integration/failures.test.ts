// Network failures a mock can't show: resets, stalls, endless bodies, huge headers, bombs, TLS.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkChecker } from '../../../src/links/check.js';
import type { LinkCheckerOptions } from '../../../src/links/check-options.js';
import { reply, startServer, type TestServer } from '../../helpers/servers.js';

const FAST: Partial<LinkCheckerOptions> = {
  allowPrivate: ['127.0.0.0/8', '::1'],
  perHostIntervalMs: 0,
  requestTimeoutMs: 400,
  connectTimeoutMs: 1_000,
  random: () => 0,
};

let server: TestServer;
let tlsServer: TestServer;
const timers = new Set<NodeJS.Timeout>();
let endlessBytesSent = 0;
// 10 MB of zeros compresses to ~10 KB; inflating it would show in memory and time.
const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024));

beforeAll(async () => {
  server = await startServer({
    host: '127.0.0.4',
    routes: {
      '/reset': reply.reset(),
      '/reset-once': (req, res, { hit }) => (hit === 1 ? req.socket.destroy() : res.writeHead(200).end()),
      '/hang': reply.hang(),
      '/stall-body': (req, res) => {
        // Headers at once, then one byte and silence: only the GET path has a body.
        res.writeHead(req.method === 'HEAD' ? 405 : 200, { 'content-length': '1000' });
        if (req.method === 'GET') res.write('x');
        else res.end();
      },
      '/stall-403': (req, res) => {
        if (req.method === 'HEAD') return void res.writeHead(403).end();
        res.writeHead(403, { 'content-length': '1000' });
        res.write('<html>');
      },
      '/endless': (req, res) => {
        if (req.method === 'HEAD') return void res.writeHead(405).end();
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 97);
        const timer = setInterval(() => {
          if (res.destroyed) return clearInterval(timer);
          endlessBytesSent += chunk.length;
          res.write(chunk);
        }, 1);
        timers.add(timer);
      },
      '/huge-headers': (_req, res) => {
        res.writeHead(200, { 'x-big': 'a'.repeat(200 * 1024) }).end();
      },
      '/bomb': (req, res) => {
        res.writeHead(req.method === 'HEAD' ? 405 : 403, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
        res.end(req.method === 'HEAD' ? undefined : bomb);
      },
    },
  });
  tlsServer = await startServer({ host: '127.0.0.4', tls: true, routes: { '/': reply.status(200) } });
});

afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  await Promise.all([server.close(), tlsServer.close()]);
});

describe('network failures', () => {
  it('a connection reset on every try is an error after the retries', async () => {
    const checker = createLinkChecker({ ...FAST, retries: 2 });
    const result = await checker.check(server.url('/reset'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'error', reason: 'ECONNRESET: connection reset by the server', failureClass: 'protocol' });
    // HEAD, GET fallback, then two GET retries.
    expect(result.attempts).toBe(4);
  });

  it('a single reset is retried into ok', async () => {
    const checker = createLinkChecker(FAST);
    const result = await checker.check(server.url('/reset-once'));
    await checker.close();
    expect(result.verdict).toBe('ok');
  });

  it('a server that never answers times out within the deadline, not retried', async () => {
    const checker = createLinkChecker({ ...FAST, retries: 3 });
    const result = await checker.check(server.url('/hang'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'timeout', failureClass: 'timeout', attempts: 1 });
  });

  it('a stalled body after headers does not hold the check', async () => {
    const checker = createLinkChecker(FAST);
    const result = await checker.check(server.url('/stall-body'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'ok', status: 200 });
  });

  it('a stalled body we do read is cut at the deadline, the status kept', async () => {
    const checker = createLinkChecker(FAST);
    const result = await checker.check(server.url('/stall-403'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'dead', status: 403 });
  });

  it('an endless body is cancelled once the status is read', async () => {
    const checker = createLinkChecker(FAST);
    const result = await checker.check(server.url('/endless'));
    await checker.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sentAfterCheck = endlessBytesSent;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(result).toMatchObject({ verdict: 'ok', status: 200 });
    // The server stops being able to write once we hang up.
    expect(endlessBytesSent).toBe(sentAfterCheck);
  });

  it('huge response headers are an error, not a memory problem', async () => {
    const checker = createLinkChecker({ ...FAST, retries: 0 });
    const result = await checker.check(server.url('/huge-headers'));
    await checker.close();
    expect(result.verdict).toBe('error');
    expect(result.reason).toBe('response headers too large');
  });

  it('a gzip bomb is never inflated', async () => {
    const checker = createLinkChecker(FAST);
    const result = await checker.check(server.url('/bomb'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'dead', status: 403 });
    const get = server.requests.find((r) => r.path === '/bomb' && r.method === 'GET');
    expect(get?.headers['accept-encoding']).toBe('identity');
  });

  it('a self-signed certificate is a TLS error', async () => {
    const checker = createLinkChecker(FAST);
    const result = await checker.check(tlsServer.url('/'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'error', reason: 'TLS: self-signed certificate', failureClass: 'tls' });
  });

  it('a refused connection is an error with a stable ECONNREFUSED prefix', async () => {
    const closed = await startServer({ host: '127.0.0.4' });
    const url = closed.url('/');
    await closed.close();
    const checker = createLinkChecker(FAST);
    const result = await checker.check(url);
    await checker.close();
    expect(result.verdict).toBe('error');
    expect(result.failureClass).toBe('connect');
    expect(result.reason).toMatch(/^ECONNREFUSED/);
  });
});
