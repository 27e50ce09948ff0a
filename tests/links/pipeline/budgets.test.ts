// Bounded runs against real loopback servers: the host breaker, the per-URL deadline, the socket bound, the cache.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkChecker } from '../../../src/links/check.js';
import type { LinkCheckerOptions } from '../../../src/links/check-options.js';
import { checkLinks } from '../../../src/links/index.js';
import { reply, startServer, type ConnectionCounter, type TestServer } from '../../helpers/servers.js';
import { linksConfig, refsIn } from './helpers.js';

const LOOPBACK = ['127.0.0.0/8', '::1'];
const FAST: Partial<LinkCheckerOptions> = { allowPrivate: LOOPBACK, perHostIntervalMs: 0, requestTimeoutMs: 300, connectTimeoutMs: 1_000, random: () => 0 };

let hanging: TestServer;
let healthy: TestServer;
let slowChain: TestServer;
let rateLimited: TestServer;

beforeAll(async () => {
  hanging = await startServer({ host: '127.0.0.31', routes: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`/p${i}`, reply.hang()])) });
  healthy = await startServer({ host: '127.0.0.32', routes: { '/ok': reply.status(200) } });
  // Every hop answers, each a little slowly, and the chain goes on for longer than any deadline here.
  slowChain = await startServer({
    host: '127.0.0.33',
    latencyMs: 120,
    routes: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`/hop${i}`, reply.redirect(302, `/hop${i + 1}`)])),
  });
  rateLimited = await startServer({ host: '127.0.0.34', routes: { '/busy': reply.status(503, { 'retry-after': '5' }) } });
});

afterAll(async () => {
  await Promise.all([hanging, healthy, slowChain, rateLimited].map((server) => server.close()));
});

describe('host circuit breaker', () => {
  it('stops requesting a host after consecutive timeouts and says so for the links it skipped', async () => {
    const checker = createLinkChecker({ ...FAST, perHostConcurrency: 2, breakerFailures: 3 });
    const urls = Array.from({ length: 12 }, (_, i) => hanging.url(`/p${i}`));
    const results = await Promise.all([...urls.map((url) => checker.check(url)), checker.check(healthy.url('/ok'))]);
    await checker.close();
    const ok = results.pop();
    expect(ok).toMatchObject({ verdict: 'ok' });
    // Two waves of two requests: the third timeout trips the breaker, the fourth was already under way.
    expect(hanging.requests.length).toBeLessThanOrEqual(4);
    const skipped = results.filter((r) => r.isHostClosed);
    expect(skipped.length).toBe(12 - hanging.requests.length);
    for (const result of skipped) {
      expect(result).toMatchObject({ verdict: 'timeout', attempts: 0, failureClass: 'timeout' });
      expect(result.reason).toMatch(/^not requested: 127\.0\.0\.31 timed out 3 times in a row/);
    }
    expect(checker.stats().trippedHosts).toEqual(['127.0.0.31']);
  });

  it('sends no new request to a host while its first requests hang: one wave of timeouts trips it, not two', async () => {
    const before = hanging.requests.length;
    const checker = createLinkChecker({ ...FAST, perHostConcurrency: 4, breakerFailures: 3 });
    const urls = Array.from({ length: 12 }, (_, i) => hanging.url(`/p${i}`));
    const results = await Promise.all(urls.map((url) => checker.check(url)));
    await checker.close();
    // Four went out at once; after the first timeout the host may only probe once its others have ended, and by then
    // the breaker is open. Without the probe rule two more requests start as the first two time out.
    expect(hanging.requests.length - before).toBe(4);
    expect(results.filter((r) => r.isHostClosed)).toHaveLength(8);
  });

  it('trips on refused connections too, and is off at 0', async () => {
    const closed = await startServer({ host: '127.0.0.35' });
    await closed.close();
    const urls = Array.from({ length: 8 }, (_, i) => closed.url(`/x${i}`));
    const tripping = createLinkChecker({ ...FAST, perHostConcurrency: 1, breakerFailures: 2 });
    const tripped = await Promise.all(urls.map((url) => tripping.check(url)));
    await tripping.close();
    expect(tripped.filter((r) => r.attempts > 0)).toHaveLength(2);
    expect(tripped.slice(2).every((r) => r.verdict === 'error' && r.isHostClosed && /failed to connect 2 times/.test(r.reason ?? ''))).toBe(true);

    const patient = createLinkChecker({ ...FAST, perHostConcurrency: 1, breakerFailures: 0 });
    const all = await Promise.all(urls.map((url) => patient.check(url)));
    await patient.close();
    expect(all.every((r) => r.attempts > 0 && !r.isHostClosed)).toBe(true);
  });

  it('keeps the skipped links as findings in the pipeline rather than dropping them as unchecked', async () => {
    const markdown = Array.from({ length: 6 }, (_, i) => `- [P${i}](${hanging.url(`/p${i}`)})`).join('\n');
    const outcome = await checkLinks({
      files: [{ file: 'list.md', links: refsIn(markdown) }],
      config: linksConfig({ perHostConcurrency: 1, breakerFailures: 2, timeoutMs: 300, perHostIntervalMs: 0, allowPrivate: LOOPBACK }),
      cache: false,
      quiet: true,
      io: { stderr: () => undefined, stderrIsTTY: false, env: {}, cwd: process.cwd() },
    });
    expect(outcome.results).toHaveLength(6);
    expect(outcome.results.filter((r) => r.isHostClosed)).toHaveLength(4);
    expect(outcome.diagnostics.filter((d) => /not requested/.test(d.message))).toHaveLength(4);
  });
});

describe('per-URL deadline', () => {
  it('ends a redirect chain that would outlast the deadline, and says whose budget ran out', async () => {
    const checker = createLinkChecker({ ...FAST, urlDeadlineMs: 400, requestTimeoutMs: 5_000 });
    const result = await checker.check(slowChain.url('/hop0'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'timeout', failureClass: 'timeout' });
    expect(result.reason).toMatch(/deadline/);
    // At 120 ms a hop, a 400 ms budget covers four hops at most, not the ten the chain has.
    expect(slowChain.requests.length).toBeLessThanOrEqual(4);
  });

  it('does not wait out a Retry-After longer than the time left', async () => {
    const checker = createLinkChecker({ ...FAST, urlDeadlineMs: 1_000, retries: 3 });
    const result = await checker.check(rateLimited.url('/busy'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'unverifiable', status: 503, reason: 'rate limited (Retry-After 5s)' });
    expect(rateLimited.requests).toHaveLength(1);
  });
});

describe('sockets', () => {
  it('sizes the global limit from the hosts seen and keeps open connections within it, hanging hosts included', async () => {
    const counter: ConnectionCounter = { open: 0, max: 0 };
    const servers = await Promise.all(
      Array.from({ length: 6 }, (_, h) =>
        startServer({
          host: `127.0.0.${40 + h}`,
          latencyMs: 20,
          connectionCounter: counter,
          routes: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`/l${i}`, h < 2 ? reply.hang() : reply.status(200)])),
        }),
      ),
    );
    try {
      const checker = createLinkChecker({ ...FAST, concurrency: 64, perHostConcurrency: 2, breakerFailures: 2 });
      const urls = servers.flatMap((server) => Array.from({ length: 20 }, (_, i) => server.url(`/l${i}`)));
      const results = await Promise.all(urls.map((url) => checker.check(url)));
      await checker.close();
      expect(results.filter((r) => r.verdict === 'ok')).toHaveLength(80);
      // Six hosts at two each: twelve slots could ever be used, so twelve it is, not the configured 64.
      const stats = checker.stats();
      expect(stats.globalLimit).toBe(12);
      expect(stats.maxInFlight).toBeLessThanOrEqual(12);
      expect(counter.max).toBeLessThanOrEqual(12 + 2);
      // Each hanging host cost one wave of requests, not one per link.
      expect(servers[0]?.requests.length).toBeLessThanOrEqual(3);
      expect(servers[1]?.requests.length).toBeLessThanOrEqual(3);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  });

  it('holds requests in flight to the configured ceiling when there are more host slots than that', async () => {
    const servers = await Promise.all(
      Array.from({ length: 4 }, (_, h) => startServer({ host: `127.0.0.${50 + h}`, latencyMs: 20, routes: { '/a': reply.status(200), '/b': reply.status(200), '/c': reply.status(200) } })),
    );
    try {
      const checker = createLinkChecker({ ...FAST, concurrency: 3, perHostConcurrency: 2 });
      const results = await Promise.all(servers.flatMap((server) => ['/a', '/b', '/c'].map((p) => checker.check(server.url(p)))));
      await checker.close();
      expect(results.every((r) => r.verdict === 'ok')).toBe(true);
      expect(checker.stats()).toMatchObject({ globalLimit: 3 });
      expect(checker.stats().maxInFlight).toBeLessThanOrEqual(3);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  });
});

describe('cache', () => {
  it('makes no request for a success cached within the TTL', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lint-lists-budget-'));
    try {
      const markdown = `- [Ok](${healthy.url('/ok')})`;
      const run = () =>
        checkLinks({
          files: [{ file: 'list.md', links: refsIn(markdown) }],
          config: linksConfig({ perHostIntervalMs: 0, allowPrivate: LOOPBACK }),
          cache: path.join(dir, 'cache.json'),
          quiet: true,
          io: { stderr: () => undefined, stderrIsTTY: false, env: {}, cwd: dir },
        });
      const before = healthy.requests.length;
      const first = await run();
      const afterFirst = healthy.requests.length;
      const second = await run();
      expect(afterFirst).toBeGreaterThan(before);
      expect(healthy.requests.length).toBe(afterFirst);
      expect(first.results[0]).toMatchObject({ verdict: 'ok', fromCache: false });
      expect(second.results[0]).toMatchObject({ verdict: 'ok', fromCache: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
