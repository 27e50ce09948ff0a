// The host feed: URLs wait as strings, a few per host and a bounded number in all are handed to the checker.
import { describe, expect, it } from 'vitest';
import { createHostFeed } from '../../../src/links/host-feed.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A check whose URLs stay under way until released, recording the order they started in. */
function heldChecks() {
  const started: string[] = [];
  const releases = new Map<string, () => void>();
  return {
    started,
    check: (url: string) =>
      new Promise<void>((resolve) => {
        started.push(url);
        releases.set(url, resolve);
      }),
    async release(url: string) {
      releases.get(url)?.();
      await tick();
    },
  };
}

describe('createHostFeed', () => {
  it('holds each host to its window and all hosts to the global one, the ending host first, then waiting hosts in turn', async () => {
    const checks = heldChecks();
    const feed = createHostFeed({ windowFor: () => 2, maxRunning: 3, check: checks.check });
    for (const url of ['a1', 'a2', 'a3', 'a4']) feed.add('a', url);
    for (const url of ['b1', 'b2']) feed.add('b', url);
    feed.add('c', 'c1');
    await tick();
    // a's window is 2; the global window of 3 lets only b1 in besides.
    expect(checks.started).toEqual(['a1', 'a2', 'b1']);
    await checks.release('a1');
    // a's own next URL takes the freed place.
    expect(checks.started).toEqual(['a1', 'a2', 'b1', 'a3']);
    await checks.release('b1');
    // b's own next URL goes first; c still waits.
    expect(checks.started.slice(4)).toEqual(['b2']);
    await checks.release('a2');
    // a's last URL, again its own place.
    expect(checks.started.slice(5)).toEqual(['a4']);
    // a has nothing left to start: the place goes to the waiting host.
    await checks.release('a3');
    expect(checks.started.slice(6)).toEqual(['c1']);
    let isDrained = false;
    const drained = feed.drained().then(() => (isDrained = true));
    for (const url of ['b2', 'a4']) await checks.release(url);
    expect(isDrained).toBe(false);
    await checks.release('c1');
    await drained;
    expect(isDrained).toBe(true);
  });

  it('gives a host that waited its turn before a busy host takes a second place', async () => {
    const checks = heldChecks();
    const feed = createHostFeed({ windowFor: () => 4, maxRunning: 2, check: checks.check });
    for (const url of ['a1', 'a2', 'a3']) feed.add('a', url);
    feed.add('b', 'b1');
    feed.add('c', 'c1');
    await tick();
    expect(checks.started).toEqual(['a1', 'a2']);
    await checks.release('a1');
    // a's own URL takes the place (its slots stay fed), b and c wait.
    expect(checks.started.slice(2)).toEqual(['a3']);
    await checks.release('a2');
    expect(checks.started.slice(3)).toEqual(['b1']);
    await checks.release('a3');
    expect(checks.started.slice(4)).toEqual(['c1']);
    await checks.release('b1');
    await checks.release('c1');
    await feed.drained();
  });

  it('goes on past a check that throws and reports the error once drained', async () => {
    const seen: string[] = [];
    const feed = createHostFeed({
      windowFor: () => 1,
      maxRunning: 1,
      check: async (url) => {
        seen.push(url);
        if (url === 'x1') throw new Error('checker bug');
      },
    });
    feed.add('x', 'x1');
    feed.add('x', 'x2');
    await expect(feed.drained()).rejects.toThrow('checker bug');
    expect(seen).toEqual(['x1', 'x2']);
  });
});
