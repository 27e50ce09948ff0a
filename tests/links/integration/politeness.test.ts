// Rate limits and concurrency as the server sees them: Retry-After pauses, per-host limits, gaps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkChecker } from '../../../src/links/check.js';
import type { LinkCheckerOptions } from '../../../src/links/check-options.js';
import { reply, startServer, type TestServer } from '../../helpers/servers.js';

const FAST: Partial<LinkCheckerOptions> = {
  allowPrivate: ['127.0.0.0/8', '::1'],
  perHostIntervalMs: 0,
  requestTimeoutMs: 2_000,
  random: () => 0,
};

let server: TestServer;
let slow: TestServer;

beforeAll(async () => {
  server = await startServer({
    host: '127.0.0.7',
    routes: {
      '/rl': (_req, res, { hit }) => res.writeHead(hit === 1 ? 429 : 200, hit === 1 ? { 'retry-after': '1' } : {}).end(),
      '/other': reply.status(200),
      '/rl-long': reply.status(429, { 'retry-after': '3600' }),
      '/rl-always': reply.status(429),
    },
  });
  slow = await startServer({
    host: '127.0.0.8',
    latencyMs: 30,
    routes: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`/item${i}`, reply.status(200)])),
  });
});

afterAll(async () => {
  await Promise.all([server.close(), slow.close()]);
});

describe('politeness', () => {
  it('a 429 with Retry-After 1 pauses the whole host, then succeeds', async () => {
    const checker = createLinkChecker(FAST);
    const first = checker.check(server.url('/rl'));
    // Let the 429 arrive before queueing a second URL on the same host.
    while (!server.requests.some((r) => r.path === '/rl')) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = checker.check(server.url('/other'));
    const [rl, other] = await Promise.all([first, second]);
    await checker.close();
    expect(rl).toMatchObject({ verdict: 'ok', attempts: 2 });
    expect(other.verdict).toBe('ok');
    const limited = server.requests.find((r) => r.path === '/rl');
    const waited = server.requests.find((r) => r.path === '/other');
    expect(limited && waited).toBeTruthy();
    expect((waited?.atMs ?? 0) - (limited?.atMs ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('a Retry-After beyond the cap gives up at once as unverifiable', async () => {
    const checker = createLinkChecker(FAST);
    const result = await checker.check(server.url('/rl-long'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'unverifiable', reason: 'rate limited (Retry-After 3600s)', status: 429 });
  });

  it('a 429 that persists after the retries is unverifiable', async () => {
    const checker = createLinkChecker({ ...FAST, retries: 2, sleep: async () => {} });
    const result = await checker.check(server.url('/rl-always'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'unverifiable', status: 429, attempts: 3 });
  });

  it('never exceeds the per-host concurrency, as counted by the server', async () => {
    const checker = createLinkChecker({ ...FAST, perHostConcurrency: 3, concurrency: 64 });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => checker.check(slow.url(`/item${i}`))));
    await checker.close();
    expect(results.every((r) => r.verdict === 'ok')).toBe(true);
    expect(slow.maxConcurrent).toBe(3);
    expect(checker.stats().maxInFlightPerHost['127.0.0.8']).toBe(3);
    expect(checker.stats().requests).toBe(40);
  });

  it('reuses connections for HEAD requests', async () => {
    const checker = createLinkChecker({ ...FAST, perHostConcurrency: 2 });
    const before = slow.connections;
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(Array.from({ length: 4 }, (_, i) => checker.check(slow.url(`/item${i}?round=${round}`))));
    }
    await checker.close();
    // undici's default closes after every HEAD (12 connections here); reuse needs far fewer.
    expect(slow.connections - before).toBeLessThanOrEqual(6);
  });

  it('keeps the minimum gap between request starts to one host', async () => {
    const checker = createLinkChecker({ ...FAST, perHostConcurrency: 4, perHostIntervalMs: 60 });
    const before = server.requests.length;
    await Promise.all(Array.from({ length: 5 }, (_, i) => checker.check(server.url(`/other?n=${i}`))));
    await checker.close();
    const times = server.requests.slice(before).map((r) => r.atMs);
    expect(times).toHaveLength(5);
    // Arrival times carry connection-setup jitter, so judge the span and allow slack per gap.
    // Without the gap all five would arrive within a few ms of each other.
    expect((times[4] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(4 * 60 - 60);
    for (let i = 1; i < times.length; i += 1) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(25);
  });
});
