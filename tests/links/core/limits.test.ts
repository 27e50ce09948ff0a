// The request scheduler: global and per-host limits, start gaps and host-wide pauses.
import { describe, expect, it, vi } from 'vitest';
import { createRequestScheduler } from '../../../src/links/limits.js';

function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createRequestScheduler', () => {
  it('holds each host to its own concurrency and all hosts to the global one', async () => {
    const clock = fakeClock();
    const scheduler = createRequestScheduler({
      concurrency: 3,
      limitsFor: (host) => ({ concurrency: host === 'busy' ? 2 : 1, intervalMs: 0 }),
      ...clock,
    });
    const releases: Array<() => void> = [];
    const task = (): Promise<void> => new Promise<void>((resolve) => releases.push(resolve));
    const all = [
      ...Array.from({ length: 5 }, () => scheduler.run('busy', task)),
      ...Array.from({ length: 3 }, () => scheduler.run('quiet', task)),
    ];
    await tick();
    expect(releases).toHaveLength(3);
    while (releases.length > 0) {
      releases.shift()?.();
      await tick();
      await tick();
    }
    await Promise.all(all);
    expect(scheduler.stats()).toEqual({ maxInFlightPerHost: { busy: 2, quiet: 1 }, maxInFlight: 3, requests: 8, globalLimit: 3 });
  });

  it('spaces request starts to one host by the interval', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const scheduler = createRequestScheduler({
        concurrency: 10,
        limitsFor: () => ({ concurrency: 4, intervalMs: 100 }),
        now: () => Date.now(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      });
      const starts: number[] = [];
      const all = Promise.all(Array.from({ length: 6 }, () => scheduler.run('h', async () => void starts.push(Date.now()))));
      await vi.runAllTimersAsync();
      await all;
      expect(starts).toEqual([0, 100, 200, 300, 400, 500]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a pause holds every queued request to the host, and only that host', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const wakers: Array<() => void> = [];
    const sleep = (ms: number): Promise<void> => {
      sleeps.push(ms);
      return new Promise<void>((resolve) => wakers.push(resolve));
    };
    const scheduler = createRequestScheduler({ concurrency: 10, limitsFor: () => ({ concurrency: 4, intervalMs: 0 }), now: () => now, sleep });
    scheduler.pauseHost('h', 5_000);
    const started: string[] = [];
    const all = [
      scheduler.run('h', async () => void started.push('h1')),
      scheduler.run('h', async () => void started.push('h2')),
      scheduler.run('other', async () => void started.push('other')),
    ];
    for (let i = 0; i < 5; i += 1) await tick();
    expect(started).toEqual(['other']);
    expect(sleeps).toEqual([5_000, 5_000]);
    now = 5_000;
    for (const wake of wakers.splice(0)) wake();
    await Promise.all(all);
    expect(started.sort()).toEqual(['h1', 'h2', 'other']);
  });

  it('a later, shorter pause does not shorten an earlier one', async () => {
    const clock = fakeClock();
    const scheduler = createRequestScheduler({ concurrency: 1, limitsFor: () => ({ concurrency: 1, intervalMs: 0 }), ...clock });
    scheduler.pauseHost('h', 3_000);
    scheduler.pauseHost('h', 1_000);
    let started = -1;
    await scheduler.run('h', async () => void (started = clock.now()));
    expect(started).toBe(3_000);
  });
});

describe('silent requests and idle hosts', () => {
  it('a request waiting for an answer keeps its global slot: requests in flight never exceed the limit', async () => {
    const scheduler = createRequestScheduler({
      concurrency: 1,
      limitsFor: () => ({ concurrency: 1, intervalMs: 0 }),
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    let release: () => void = () => undefined;
    const order: string[] = [];
    const silent = scheduler.run('silent', () => new Promise<void>((resolve) => (release = resolve)));
    const other = scheduler.run('other', async () => void order.push('other'));
    // Long past the 2 s a silent request used to give its slot back after (the test timeout is the guard).
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(order).toEqual([]);
    release();
    await Promise.all([silent, other]);
    expect(order).toEqual(['other']);
    expect(scheduler.stats().maxInFlight).toBe(1);
  });

  it('says a host is idle once nothing of it runs or waits, not between a request and the next hop', async () => {
    const idle: string[] = [];
    const scheduler = createRequestScheduler({
      concurrency: 4,
      limitsFor: () => ({ concurrency: 2, intervalMs: 0 }),
      ...fakeClock(),
      onHostIdle: (host) => idle.push(host),
    });
    // A chain: the second request is queued as soon as the first ends, as a redirect hop or a GET after a HEAD is.
    let releaseHop: () => void = () => undefined;
    const chain = scheduler.run('a', async () => undefined).then(() => scheduler.run('a', () => new Promise<void>((resolve) => (releaseHop = resolve))));
    await tick();
    await tick();
    expect(idle).toEqual([]);
    releaseHop();
    await chain;
    await tick();
    expect(idle).toEqual(['a']);
    let release: () => void = () => undefined;
    const held = scheduler.run('b', () => new Promise<void>((resolve) => (release = resolve)));
    await scheduler.run('b', async () => undefined);
    await tick();
    // One request of `b` is still out.
    expect(idle).toEqual(['a']);
    release();
    await held;
    await tick();
    expect(idle).toEqual(['a', 'b']);
  });

  it("forgets an idle host's kept connections, so they no longer force other hosts to close theirs", async () => {
    const scheduler = createRequestScheduler({ concurrency: 2, limitsFor: () => ({ concurrency: 2, intervalMs: 0 }), ...fakeClock() });
    const releases: Array<() => void> = [];
    const closes: Record<string, boolean[]> = { a: [], b: [] };
    const held = (host: 'a' | 'b') => scheduler.run(host, ({ shouldClose }) => {
      closes[host]!.push(shouldClose);
      return new Promise<void>((resolve) => releases.push(resolve));
    });
    const releaseAll = async (): Promise<void> => {
      while (releases.length > 0) {
        releases.shift()!();
        await tick();
      }
    };
    // Three requests on `a`, two at a time: the second keeps its connection, and nothing of `a` comes to reuse it.
    const a = [held('a'), held('a'), held('a')];
    await tick();
    await releaseAll();
    await Promise.all(a);
    await tick();
    expect(closes.a).toEqual([false, false, true]);
    // `a` is done and its pools closed: `b`'s first two requests may keep theirs for the third.
    const b = [held('b'), held('b'), held('b')];
    await tick();
    await releaseAll();
    await Promise.all(b);
    expect(closes.b).toEqual([false, false, true]);
  });
});
