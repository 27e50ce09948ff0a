// Open sockets against real loopback servers: a finished host's connections close at once, and a farm of many
// hosts never holds more connections than the configured global concurrency plus a small constant.
import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLinkChecker } from '../../../src/links/check.js';
import { HostPools } from '../../../src/links/host-pools.js';
import type { LinkCheckerOptions } from '../../../src/links/check-options.js';
import { checkLinks } from '../../../src/links/index.js';
import { reply, startServer, type ConnectionCounter, type TestServer } from '../../helpers/servers.js';
import { linksConfig, refsIn } from './helpers.js';

const LOOPBACK = ['127.0.0.0/8', '::1'];
const FAST: Partial<LinkCheckerOptions> = { allowPrivate: LOOPBACK, perHostIntervalMs: 0, connectTimeoutMs: 1_000, random: () => 0 };

/** Waits until `condition` holds, polling; the test timeout is the guard, not a timed assertion. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('connections of a finished host', () => {
  it('are closed as soon as its links are done, not left idle for the keep-alive while the run goes on', async () => {
    const done: ConnectionCounter = { open: 0, max: 0 };
    const finished = await startServer({
      host: '127.0.0.61',
      latencyMs: 20,
      connectionCounter: done,
      routes: Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`/l${i}`, reply.status(200)])),
    });
    // Keeps the run going long after the first host is done.
    const slow = await startServer({ host: '127.0.0.62', latencyMs: 3_000, routes: { '/slow': reply.status(200) } });
    try {
      const checker = createLinkChecker({ ...FAST, perHostConcurrency: 4, requestTimeoutMs: 10_000 });
      const stillRunning = checker.check(slow.url('/slow'));
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => checker.check(finished.url(`/l${i}`))));
      expect(results.every((r) => r.verdict === 'ok')).toBe(true);
      // Several connections served the host (four requests at once), and every one of them is gone while the run
      // is still waiting on the slow host: the keep-alive (4 s) would have kept the idle ones past its answer.
      expect(done.max).toBeGreaterThan(1);
      await until(() => done.open === 0);
      expect(slow.requests).toHaveLength(1);
      expect(await Promise.race([stillRunning.then(() => 'answered'), Promise.resolve('pending')])).toBe('pending');
      expect(await stillRunning).toMatchObject({ verdict: 'ok' });
      await checker.close();
    } finally {
      await Promise.all([finished.close(), slow.close()]);
    }
  });

  it('are opened again when a later link (a redirect back) needs the host', async () => {
    const target = await startServer({ host: '127.0.0.63', routes: { '/a': reply.status(200), '/b': reply.status(200) } });
    const bouncer = await startServer({ host: '127.0.0.64', latencyMs: 200, routes: { '/to-b': reply.redirect(301, target.url('/b')) } });
    try {
      const checker = createLinkChecker(FAST);
      const first = await checker.check(target.url('/a'));
      // By now the target's pool is closed; the redirect must still reach it.
      await new Promise((resolve) => setImmediate(resolve));
      const second = await checker.check(bouncer.url('/to-b'));
      await checker.close();
      expect(first).toMatchObject({ verdict: 'ok' });
      expect(second).toMatchObject({ verdict: 'redirect', finalUrl: target.url('/b'), status: 200 });
      expect(target.connections).toBe(2);
    } finally {
      await Promise.all([target.close(), bouncer.close()]);
    }
  });
});

describe('connections to one host', () => {
  it('are reused one request after another, and never more than the host has slots', async () => {
    const server = await startServer({
      host: '127.0.0.65',
      latencyMs: 40,
      routes: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`/c${i}`, reply.status(200)])),
    });
    try {
      const serial = createLinkChecker({ ...FAST, perHostConcurrency: 1, requestTimeoutMs: 5_000 });
      const first = await Promise.all(Array.from({ length: 6 }, (_, i) => serial.check(server.url(`/c${i}`))));
      await serial.close();
      expect(first.every((r) => r.verdict === 'ok')).toBe(true);
      expect(server.connections).toBe(1);

      const parallel = createLinkChecker({ ...FAST, perHostConcurrency: 2, requestTimeoutMs: 5_000 });
      const second = await Promise.all(Array.from({ length: 6 }, (_, i) => parallel.check(server.url(`/c${i + 6}`))));
      await parallel.close();
      expect(second.every((r) => r.verdict === 'ok')).toBe(true);
      expect(server.connections - 1).toBe(2);
    } finally {
      await server.close();
    }
  });
});

/** Counts this process's client sockets from creation to their `close` event, as the operating system would see them. */
async function countingClientSockets<T>(run: () => Promise<T>): Promise<{ value: T; maxOpen: number; openAfter: () => number }> {
  const open = new Set<Socket>();
  let maxOpen = 0;
  const onSocket = (message: unknown): void => {
    const { socket } = message as { socket: Socket };
    open.add(socket);
    maxOpen = Math.max(maxOpen, open.size);
    socket.once('close', () => open.delete(socket));
  };
  diagnostics.subscribe('net.client.socket', onSocket);
  try {
    const value = await run();
    return { value, maxOpen, openAfter: () => open.size };
  } finally {
    diagnostics.unsubscribe('net.client.socket', onSocket);
  }
}

describe('the checker dispatcher with a socket limit', () => {
  it('opens no socket past the limit: connections wait, and idle keep-alive ones of other origins are closed for them', async () => {
    const servers = await Promise.all(
      Array.from({ length: 8 }, (_, h) => startServer({ host: `127.0.2.${h + 1}`, latencyMs: 30, routes: { '/a': reply.status(200), '/b': reply.status(200) } })),
    );
    const pools = new HostPools({ connect: { timeout: 2_000 }, keepAliveTimeout: 10_000, keepAliveMaxTimeout: 10_000, connections: 2, maxSockets: 3 });
    try {
      const get = (server: TestServer, path: string) => pools.request({ origin: server.origin, path, method: 'GET' }).then(async (r) => (await r.body.text(), r.statusCode));
      const { value: statuses, maxOpen } = await countingClientSockets(async () => {
        // Eight origins at once: three connect, five wait for a slot.
        const first = await Promise.all(servers.map((server) => get(server, '/a')));
        // Every origin again, one after another: each keeps its connection alive, so each new origin needs an idle
        // connection of another one closed to get a slot.
        const second: number[] = [];
        for (const server of servers) second.push(await get(server, '/b'));
        return [...first, ...second];
      });
      expect(statuses).toEqual(new Array(16).fill(200));
      expect(maxOpen).toBe(3);
      expect(pools.socketStats).toMatchObject({ maxOpen: 3 });
    } finally {
      await pools.destroy();
      await Promise.all(servers.map((server) => server.close()));
    }
    // The guard against a stall: a waiting connection left to the servers' 5 s keep-alive would not finish in time.
  }, 4_000);
});

describe('a farm of many hosts', () => {
  it('never holds more open connections than the configured global concurrency plus a small constant', async () => {
    const counter: ConnectionCounter = { open: 0, max: 0 };
    const hosts = 30;
    const linksPerHost = 12;
    const servers: TestServer[] = await Promise.all(
      Array.from({ length: hosts }, (_, h) =>
        startServer({
          host: `127.0.1.${h + 1}`,
          latencyMs: 15 + (h % 5) * 10,
          connectionCounter: counter,
          routes: Object.fromEntries(
            Array.from({ length: linksPerHost }, (_, i) => {
              // Two hosts hang, one answers 404, one redirects: idle, silent and short-lived connections mixed.
              const route = h < 2 ? reply.hang() : h === 2 ? reply.status(404) : h === 3 ? reply.redirect(301, `/moved${i}`) : reply.status(200);
              return [[`/l${i}`, route] as const, [`/moved${i}`, reply.status(200)] as const];
            }).flat(),
          ),
        }),
      ),
    );
    try {
      const markdown = servers.flatMap((server) => Array.from({ length: linksPerHost }, (_, i) => `- [L](${server.url(`/l${i}`)})`)).join('\n');
      // 30 hosts × 4 slots = 120 host slots, held to a configured ceiling of 24.
      const concurrency = 24;
      const outcome = await checkLinks({
        files: [{ file: 'list.md', links: refsIn(markdown) }],
        config: linksConfig({ concurrency, perHostConcurrency: 4, perHostIntervalMs: 0, timeoutMs: 2_000, retries: 0, breakerFailures: 2, allowPrivate: LOOPBACK }),
        cache: false,
        quiet: true,
        io: { stderr: () => undefined, stderrIsTTY: false, env: {}, cwd: process.cwd() },
      });
      expect(outcome.results).toHaveLength(hosts * linksPerHost);
      expect(outcome.results.filter((r) => r.verdict === 'ok')).toHaveLength((hosts - 4) * linksPerHost);
      expect(outcome.results.filter((r) => r.verdict === 'timeout')).toHaveLength(2 * linksPerHost);
      expect(counter.max).toBeGreaterThan(concurrency / 2);
      // The constant: connections being closed (the server sees them go a moment later) while new ones open.
      expect(counter.max).toBeLessThanOrEqual(concurrency + 8);
      // Everything is closed once the run is over.
      await until(() => counter.open === 0);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  });
});
