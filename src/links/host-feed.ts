// Feeds a run's URLs to the checker a few per host and a bounded number in all, keeping the rest as plain strings.

/** Options of {@link createHostFeed}. */
export interface HostFeedOptions {
  /** URLs of `host` handed to `check` at once; the checker's own host limit is the useful upper bound. */
  windowFor(host: string): number;
  /** URLs under way at once, all hosts together (at least 1). */
  maxRunning: number;
  /** Checks one URL; the feed waits for it before handing over another. */
  check(url: string): Promise<void>;
}

/** A queue of URLs per host, drained by at most `windowFor(host)` checks at a time and `maxRunning` in all. */
export interface HostFeed {
  /** Queues `url` under `host`; starts it at once if the windows have room. */
  add(host: string, url: string): void;
  /** URLs of `host` waiting to be handed to `check`. */
  waiting(host: string): number;
  /** Resolves once every URL added so far (and any added meanwhile) has been checked; rejects with the first error a check threw. */
  drained(): Promise<void>;
}

interface HostQueue {
  host: string;
  urls: string[];
  /** Index of the next URL to start: the array is only ever appended to, then dropped with the host. */
  next: number;
  running: number;
  window: number;
}

/**
 * Creates a host feed. A URL under way costs a few kB (its check's state, timers, queued requests) and one waiting as
 * a promise about as much; tens of thousands of them, living long enough to be promoted, inflate the heap many times
 * over before a full GC. Waiting as strings they cost a pointer, and the checks under way are bounded by `maxRunning`.
 * When a check ends its own host goes first, so a busy host's slots stay fed; then hosts waiting for room, in turn.
 */
export function createHostFeed(options: HostFeedOptions): HostFeed {
  const maxRunning = Math.max(1, options.maxRunning);
  const hosts = new Map<string, HostQueue>();
  /** Hosts with URLs waiting and room in their own window, held back only by `maxRunning`; oldest first. */
  const waiting = new Set<HostQueue>();
  let running = 0;
  let onDrained: (() => void) | undefined;
  // A check that throws is a bug, not an outcome: the feed goes on and `drained` reports it.
  let firstError: { error: unknown } | undefined;

  const hasWork = (queue: HostQueue): boolean => queue.next < queue.urls.length && queue.running < queue.window;

  const startOne = (queue: HostQueue): void => {
    const url = queue.urls[queue.next]!;
    queue.next += 1;
    queue.running += 1;
    running += 1;
    void options
      .check(url)
      .catch((error: unknown) => {
        firstError ??= { error };
      })
      .then(() => finished(queue));
  };

  /** Starts what the windows allow for `queue`, and parks it in `waiting` if only the global window is full. */
  const fill = (queue: HostQueue): void => {
    while (hasWork(queue) && running < maxRunning) startOne(queue);
    if (hasWork(queue)) waiting.add(queue);
    else waiting.delete(queue);
  };

  const finished = (queue: HostQueue): void => {
    queue.running -= 1;
    running -= 1;
    fill(queue);
    for (const next of waiting) {
      if (running >= maxRunning) break;
      // One each, in turn: a host with many URLs goes to the back of the line.
      waiting.delete(next);
      startOne(next);
      if (hasWork(next)) waiting.add(next);
    }
    if (queue.running === 0 && queue.next >= queue.urls.length) hosts.delete(queue.host);
    if (running === 0 && hosts.size === 0) onDrained?.();
  };

  return {
    add(host, url) {
      let queue = hosts.get(host);
      if (!queue) {
        queue = { host, urls: [], next: 0, running: 0, window: Math.max(1, options.windowFor(host)) };
        hosts.set(host, queue);
      }
      queue.urls.push(url);
      // Behind hosts already waiting for room: first come, first served.
      if (waiting.size > 0 && running >= maxRunning) {
        if (hasWork(queue)) waiting.add(queue);
        return;
      }
      fill(queue);
    },
    waiting(host) {
      const queue = hosts.get(host);
      return queue ? queue.urls.length - queue.next : 0;
    },
    async drained() {
      if (running > 0 || hosts.size > 0) {
        await new Promise<void>((resolve) => {
          const previous = onDrained;
          onDrained = () => {
            onDrained = undefined;
            previous?.();
            resolve();
          };
        });
      }
      if (firstError) throw firstError.error;
    },
  };
}
