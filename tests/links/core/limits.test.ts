// The request scheduler: global and per-host limits, start gaps and host-wide pauses.
import { describe, expect, it, vi } from 'vitest';
import { createKeyedLimit, createRequestScheduler } from '../../../src/links/limits.js';

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

describe('silent requests', () => {
  it('a request unanswered past the silent threshold gives its global slot to another host, keeping its host slot', async () => {
    const scheduler = createRequestScheduler({
      concurrency: 1,
      limitsFor: () => ({ concurrency: 1, intervalMs: 0 }),
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      silentAfterMs: 30,
    });
    let release: () => void = () => undefined;
    const order: string[] = [];
    const silent = scheduler.run('silent', () => new Promise<void>((resolve) => (release = resolve)));
    const sameHost = scheduler.run('silent', async () => void order.push('silent-2'));
    const other = scheduler.run('other', async () => void order.push('other'));
    await other;
    // The other host ran while the silent request was still out; the silent host's next request still waits.
    expect(order).toEqual(['other']);
    release();
    await Promise.all([silent, sameHost]);
    expect(order).toEqual(['other', 'silent-2']);
  });
});

describe('createKeyedLimit', () => {
  it('runs at most the key limit at once, counts the rest as pending, and forgets a key once idle', async () => {
    const limit = createKeyedLimit(() => 2);
    const releases: Array<() => void> = [];
    const task = (): Promise<void> => new Promise<void>((resolve) => releases.push(resolve));
    const all = [...Array.from({ length: 5 }, () => limit.run('a', task)), limit.run('b', task)];
    await tick();
    expect(releases).toHaveLength(3);
    expect(limit.pending('a')).toBe(3);
    expect(limit.pending('b')).toBe(0);
    while (releases.length > 0) {
      releases.shift()?.();
      await tick();
    }
    await Promise.all(all);
    expect(limit.size()).toBe(0);
  });
});
