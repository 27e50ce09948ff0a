// Paced admission: a host's checks start one gap apart, within its window, and never while the host must wait.
import { describe, expect, it } from 'vitest';
import { createPacedAdmission } from '../../../src/links/admission.js';
import { createRequestScheduler } from '../../../src/links/limits.js';

/** A clock whose sleeps end only when the test moves time on. */
function manualClock() {
  let now = 0;
  let sleepers: Array<{ at: number; wake: () => void }> = [];
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ at: now + ms, wake })),
    async advance(ms: number) {
      now += ms;
      const due = sleepers.filter((s) => s.at <= now);
      sleepers = sleepers.filter((s) => s.at > now);
      for (const sleeper of due) sleeper.wake();
      await tick();
    },
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Tasks that record when they start and end when the test says. */
function trackedTasks(clock: { now(): number }) {
  const started: Array<{ name: string; at: number }> = [];
  const finishers = new Map<string, () => void>();
  return {
    started,
    task: (name: string) => () =>
      new Promise<string>((resolve) => {
        started.push({ name, at: clock.now() });
        finishers.set(name, () => resolve(name));
      }),
    async finish(name: string) {
      finishers.get(name)?.();
      await tick();
    },
  };
}

describe('createPacedAdmission', () => {
  it("starts a host's checks one gap apart and at most its window at once", async () => {
    const clock = manualClock();
    const admission = createPacedAdmission({
      windowFor: () => 2,
      intervalFor: () => 100,
      readyInMs: () => 0,
      isStopped: () => false,
      ...clock,
    });
    const tasks = trackedTasks(clock);
    const results = ['a', 'b', 'c', 'd'].map((name) => admission.run('host', tasks.task(name)));
    await tick();
    expect(tasks.started).toEqual([{ name: 'a', at: 0 }]);
    expect(admission.pending('host')).toBe(3);
    await clock.advance(100);
    expect(tasks.started.map((s) => s.name)).toEqual(['a', 'b']);
    // The window is full: the gap alone does not start a third.
    await clock.advance(100);
    expect(tasks.started).toHaveLength(2);
    await tasks.finish('a');
    expect(tasks.started.at(-1)).toEqual({ name: 'c', at: 200 });
    await tasks.finish('b');
    // c started at 200: d waits for its own gap.
    expect(tasks.started).toHaveLength(3);
    await clock.advance(100);
    expect(tasks.started.at(-1)).toEqual({ name: 'd', at: 300 });
    await tasks.finish('c');
    await tasks.finish('d');
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(admission.size()).toBe(0);
  });

  it('keeps hosts apart: one host waiting for its gap never holds another back', async () => {
    const clock = manualClock();
    const admission = createPacedAdmission({ windowFor: () => 4, intervalFor: () => 100, readyInMs: () => 0, isStopped: () => false, ...clock });
    const tasks = trackedTasks(clock);
    void admission.run('one', tasks.task('one-1'));
    void admission.run('one', tasks.task('one-2'));
    void admission.run('two', tasks.task('two-1'));
    await tick();
    expect(tasks.started.map((s) => s.name)).toEqual(['one-1', 'two-1']);
  });

  it('starts nothing while the scheduler says the host must wait (a Retry-After pause), then goes on', async () => {
    const clock = manualClock();
    const scheduler = createRequestScheduler({ concurrency: 8, limitsFor: () => ({ concurrency: 4, intervalMs: 0 }), ...clock });
    scheduler.pauseHost('host', 500);
    const admission = createPacedAdmission({
      windowFor: () => 4,
      intervalFor: () => 0,
      readyInMs: (host) => scheduler.readyInMs(host),
      isStopped: () => false,
      ...clock,
    });
    const tasks = trackedTasks(clock);
    void admission.run('host', tasks.task('a'));
    void admission.run('host', tasks.task('b'));
    await tick();
    expect(tasks.started).toEqual([]);
    await clock.advance(499);
    expect(tasks.started).toEqual([]);
    await clock.advance(1);
    // No gap configured: both start as soon as the pause is over.
    expect(tasks.started).toEqual([
      { name: 'a', at: 500 },
      { name: 'b', at: 500 },
    ]);
  });

  it('once stopped, waiting checks start without waiting for their gap (they settle without a request)', async () => {
    const clock = manualClock();
    let isStopped = false;
    const admission = createPacedAdmission({ windowFor: () => 4, intervalFor: () => 1_000, readyInMs: () => 0, isStopped: () => isStopped, ...clock });
    const tasks = trackedTasks(clock);
    void admission.run('host', tasks.task('a'));
    void admission.run('host', tasks.task('b'));
    await tick();
    expect(tasks.started).toHaveLength(1);
    isStopped = true;
    void admission.run('host', tasks.task('c'));
    await tick();
    expect(tasks.started.map((s) => s.name)).toEqual(['a', 'b', 'c']);
  });

  it('starts no check the gate refuses: held hosts start in order when a check ends or the gate is asked again', async () => {
    const clock = manualClock();
    let limit = 2;
    const asked: number[] = [];
    const admission = createPacedAdmission({
      windowFor: () => 4,
      intervalFor: () => 0,
      readyInMs: () => 0,
      isStopped: () => false,
      gate: {
        allows: (running) => {
          asked.push(running);
          return running < limit;
        },
        retryMs: 100,
      },
      ...clock,
    });
    const tasks = trackedTasks(clock);
    for (const name of ['a1', 'a2', 'a3']) void admission.run('a', tasks.task(name));
    void admission.run('b', tasks.task('b1'));
    void admission.run('c', tasks.task('c1'));
    await tick();
    // Two checks at once, all hosts together, though host a's window is four.
    expect(tasks.started.map((s) => s.name)).toEqual(['a1', 'a2']);
    // A check ends: its own host goes on first (a host with work under way keeps its pace), then held hosts in order.
    await tasks.finish('a1');
    expect(tasks.started.map((s) => s.name)).toEqual(['a1', 'a2', 'a3']);
    await tasks.finish('a2');
    expect(tasks.started.map((s) => s.name)).toEqual(['a1', 'a2', 'a3', 'b1']);
    // The gate opens with no check ending (the process has room again): asked again after retryMs.
    limit = 3;
    await clock.advance(100);
    expect(tasks.started.map((s) => s.name)).toEqual(['a1', 'a2', 'a3', 'b1', 'c1']);
    expect(Math.max(...asked)).toBeLessThanOrEqual(3);
  });

  it('passes a failing check on to its caller and goes on with the host', async () => {
    const clock = manualClock();
    const admission = createPacedAdmission({ windowFor: () => 1, intervalFor: () => 0, readyInMs: () => 0, isStopped: () => false, ...clock });
    const failed = admission.run('host', () => Promise.reject(new Error('boom')));
    const next = admission.run('host', () => Promise.resolve('next'));
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('next');
  });
});

describe('RequestScheduler.readyInMs', () => {
  it("is the time to the host's next free start: its gap after a request, or a pause it announced", async () => {
    const clock = manualClock();
    const scheduler = createRequestScheduler({ concurrency: 8, limitsFor: () => ({ concurrency: 4, intervalMs: 100 }), ...clock });
    expect(scheduler.readyInMs('host')).toBe(0);
    await scheduler.run('host', async () => undefined);
    expect(scheduler.readyInMs('host')).toBe(100);
    await clock.advance(40);
    expect(scheduler.readyInMs('host')).toBe(60);
    scheduler.pauseHost('host', 1_000);
    expect(scheduler.readyInMs('host')).toBe(960);
    expect(scheduler.readyInMs('other')).toBe(0);
  });
});

describe('RequestScheduler.probeOnly', () => {
  it('lets a failing host run one request at a time, and its own limit again once it answers', async () => {
    const clock = manualClock();
    const scheduler = createRequestScheduler({ concurrency: 8, limitsFor: () => ({ concurrency: 3, intervalMs: 0 }), ...clock });
    const tasks = trackedTasks(clock);
    scheduler.probeOnly('host', true);
    const runs = ['a', 'b', 'c'].map((name) => scheduler.run('host', tasks.task(name)));
    await tick();
    expect(tasks.started.map((s) => s.name)).toEqual(['a']);
    scheduler.probeOnly('host', false);
    await tick();
    expect(tasks.started.map((s) => s.name)).toEqual(['a', 'b', 'c']);
    for (const name of ['a', 'b', 'c']) await tasks.finish(name);
    await Promise.all(runs);
  });
});
