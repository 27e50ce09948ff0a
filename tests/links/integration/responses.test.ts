// Answers only a hand-written server sends: informational responses, early closes, compressed bot walls.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBodyPrefix, MAX_DECODED_BYTES } from '../../../src/links/body.js';
import { createLinkChecker } from '../../../src/links/check.js';
import type { LinkCheckerOptions } from '../../../src/links/check-options.js';
import { reply, startRawServer, startServer, type RawServer, type TestServer } from '../../helpers/servers.js';

const FAST: Partial<LinkCheckerOptions> = { allowPrivate: ['127.0.0.0/8'], perHostIntervalMs: 0, requestTimeoutMs: 1_000, retries: 0, random: () => 0 };

const raw: RawServer[] = [];
let server: TestServer;
const challenge = '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id="challenge-platform"></div></body></html>';

async function rawServer(bytes: (head: string) => string): Promise<RawServer> {
  const started = await startRawServer({ host: '127.0.0.31', bytes });
  raw.push(started);
  return started;
}

beforeAll(async () => {
  server = await startServer({
    host: '127.0.0.32',
    routes: {
      '/closed': reply.closeEarly(),
      '/reset': reply.reset(),
      '/wall-gzip': (req, res) => {
        const body = gzipSync(challenge);
        res.writeHead(403, { server: 'cloudflare', 'content-encoding': 'gzip', 'content-length': String(body.length) });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      '/wall-br': (req, res) => {
        const body = brotliCompressSync(challenge);
        res.writeHead(403, { server: 'cloudflare', 'content-encoding': 'br', 'content-length': String(body.length) });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      '/gone-gzip': (req, res) => {
        const body = gzipSync('<html>Not here</html>');
        res.writeHead(403, { server: 'cloudflare', 'content-encoding': 'gzip' });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
    },
  });
});
afterAll(async () => {
  await Promise.all([server.close(), ...raw.map((r) => r.close())]);
});

async function check(url: string) {
  const checker = createLinkChecker(FAST);
  try {
    return await checker.check(url);
  } finally {
    await checker.close();
  }
}

describe('informational (1xx) responses', () => {
  it('an unsolicited 100 Continue before the real answer is skipped (RFC 9110 §15.2)', async () => {
    const target = await rawServer(() => 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    expect(await check(target.url('/'))).toMatchObject({ verdict: 'ok', status: 200 });
  });

  it('several 1xx before a 404 still give the 404', async () => {
    const target = await rawServer(() => 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    expect(await check(target.url('/'))).toMatchObject({ verdict: 'dead', status: 404 });
  });

  it('103 Early Hints before the answer is skipped', async () => {
    const target = await rawServer(() => 'HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    expect(await check(target.url('/'))).toMatchObject({ verdict: 'ok', status: 200 });
  });

  it('bytes that are no HTTP response at all stay a malformed-response error', async () => {
    const target = await rawServer(() => 'SSH-2.0-OpenSSH_9.6\r\n\r\n');
    const result = await check(target.url('/'));
    expect(result.verdict).toBe('error');
    expect(result.reason, JSON.stringify(result)).toMatch(/^malformed response/);
  });
});

describe('socket errors are named for what happened', () => {
  it('a server closing the connection without answering is "closed early", not ECONNRESET', async () => {
    const result = await check(server.url('/closed'));
    expect(result).toMatchObject({ verdict: 'error', reason: 'closed early: the server closed the connection without answering', failureClass: 'protocol' });
  });

  it('a reset is a reset', async () => {
    expect(await check(server.url('/reset'))).toMatchObject({ verdict: 'error', reason: 'ECONNRESET: connection reset by the server' });
  });

  it('a TLS handshake with a server that speaks plain HTTP is a TLS failure', async () => {
    const result = await check(server.url('/').replace('http:', 'https:'));
    expect(result).toMatchObject({ verdict: 'error', failureClass: 'tls' });
    expect(result.reason).toMatch(/^TLS: /);
  });
});

describe('compressed bot walls', () => {
  it('a gzip-compressed challenge page is still recognised as a bot wall', async () => {
    expect(await check(server.url('/wall-gzip'))).toMatchObject({ verdict: 'unverifiable', reason: 'Cloudflare challenge' });
  });

  it('a brotli-compressed challenge page too', async () => {
    expect(await check(server.url('/wall-br'))).toMatchObject({ verdict: 'unverifiable', reason: 'Cloudflare challenge' });
  });

  it('a compressed ordinary 403 stays dead', async () => {
    expect(await check(server.url('/gone-gzip'))).toMatchObject({ verdict: 'dead', status: 403 });
  });

  it('decoding stops at a few kB, however far the body would inflate', async () => {
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, 97));
    const decoded = await decodeBodyPrefix(bomb.subarray(0, 64 * 1024), 'gzip');
    expect(decoded.length).toBe(MAX_DECODED_BYTES);
    expect(await decodeBodyPrefix(Buffer.from('not gzip'), 'gzip')).toHaveLength(0);
    expect((await decodeBodyPrefix(Buffer.from('plain'), undefined)).toString()).toBe('plain');
  });
});
