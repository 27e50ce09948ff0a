// Admission per host and the backlog-first global semaphore.
import { describe, expect, it } from 'vitest';
import { createAdmission } from '../../../src/links/admission.js';
import { createBacklogSemaphore } from '../../../src/links/backlog-semaphore.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createAdmission', () => {
  it('runs at most the host limit at once and counts the rest as waiting', async () => {
    const admission = createAdmission(() => 2);
    const releases: Array<() => void> = [];
    const task = (): Promise<void> => new Promise<void>((resolve) => releases.push(resolve));
    const all = [...Array.from({ length: 5 }, () => admission.run('a', task)), admission.run('b', task)];
    await tick();
    expect(releases).toHaveLength(3);
    expect(admission.waiting('a')).toBe(3);
    expect(admission.waiting('b')).toBe(0);
    while (releases.length > 0) {
      releases.shift()?.();
      await tick();
    }
    await Promise.all(all);
    expect(admission.waiting('a')).toBe(0);
  });
});

describe('createBacklogSemaphore', () => {
  it('gives a freed slot to the key with the largest backlog', async () => {
    const semaphore = createBacklogSemaphore(1);
    const order: string[] = [];
    let release: () => void = () => {};
    const first = semaphore.run('x', () => 0, () => new Promise<void>((resolve) => (release = resolve)));
    const small = semaphore.run('small', () => 1, async () => void order.push('small'));
    const big = semaphore.run('big', () => 50, async () => void order.push('big'));
    await tick();
    release();
    await Promise.all([first, small, big]);
    expect(order).toEqual(['big', 'small']);
  });

  it('serves ties in arrival order and never exceeds its slots', async () => {
    const semaphore = createBacklogSemaphore(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        semaphore.run(`k${i}`, () => 0, async () => {
          running += 1;
          peak = Math.max(peak, running);
          order.push(i);
          await tick();
          running -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
