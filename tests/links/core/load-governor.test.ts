// The load governor alone, with a scripted event-loop utilization and clock.
import { describe, expect, it } from 'vitest';
import { createLoadGovernor, eventLoopUtilizationSampler } from '../../../src/links/load-governor.js';

function scripted(samples: number[]) {
  let now = 0;
  let asked = 0;
  const governor = createLoadGovernor({
    utilization: () => {
      asked += 1;
      return samples.shift() ?? 0;
    },
    now: () => now,
    intervalMs: 100,
    floor: 10,
  });
  return { governor, advance: (ms: number) => (now += ms), asked: () => asked };
}

describe('createLoadGovernor', () => {
  it('starts at its floor and rises by a quarter each interval while the loop keeps up, until it no longer binds', () => {
    const { governor, advance } = scripted([0.5, 0.5, 0.5, 0.8, 0.5]);
    expect(governor.allows(9)).toBe(true);
    expect(governor.allows(10)).toBe(false);
    advance(100);
    expect(governor.allows(10)).toBe(true);
    expect(governor.limit()).toBe(13);
    advance(100);
    governor.allows(13);
    expect(governor.limit()).toBe(17);
    advance(100);
    governor.allows(17);
    expect(governor.limit()).toBe(22);
    // Between the thresholds: held where it is.
    advance(100);
    governor.allows(22);
    expect(governor.limit()).toBe(22);
    // Raised past twice the checks running: lifted altogether.
    advance(100);
    governor.allows(13);
    expect(governor.limit()).toBe(Number.POSITIVE_INFINITY);
    expect(governor.allows(5_000)).toBe(true);
  });

  it('cuts the limit below the checks running while the loop is saturated, never under the floor', () => {
    const { governor, advance } = scripted([0.5, 0.97, ...new Array<number>(20).fill(0.99)]);
    advance(100);
    governor.allows(1);
    expect(governor.limit()).toBe(Number.POSITIVE_INFINITY);
    advance(100);
    expect(governor.allows(500)).toBe(false);
    expect(governor.limit()).toBe(400);
    // Checks end, the loop is still saturated: the cut goes on from the smaller of limit and checks running.
    advance(100);
    expect(governor.allows(300)).toBe(false);
    expect(governor.limit()).toBe(240);
    for (let i = 0; i < 18; i++) {
      advance(100);
      governor.allows(governor.limit());
    }
    expect(governor.limit()).toBe(10);
    expect(governor.allows(9)).toBe(true);
  });

  it('reconsiders once per interval, not on every question', () => {
    const { governor, advance, asked } = scripted([0.5, 0.99]);
    advance(100);
    governor.allows(1);
    advance(100);
    governor.allows(100);
    governor.allows(100);
    advance(50);
    governor.allows(100);
    expect(asked()).toBe(2);
    expect(governor.limit()).toBe(80);
  });

  it('raises a cut limit by a quarter while the loop is relaxed', () => {
    const { governor, advance } = scripted([0.5, 0.99, 0.5, 0.5]);
    advance(100);
    governor.allows(1);
    advance(100);
    governor.allows(100);
    expect(governor.limit()).toBe(80);
    advance(100);
    expect(governor.allows(80)).toBe(true);
    expect(governor.limit()).toBe(100);
    advance(100);
    governor.allows(100);
    expect(governor.limit()).toBe(125);
  });
});

describe('eventLoopUtilizationSampler', () => {
  it('reads near 1 for a loop kept busy and near 0 for one left idle', async () => {
    const sample = eventLoopUtilizationSampler();
    const until = performance.now() + 150;
    while (performance.now() < until) {
      // Busy: the loop never gets to wait.
    }
    expect(sample()).toBeGreaterThan(0.9);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sample()).toBeLessThan(0.5);
  });
});
