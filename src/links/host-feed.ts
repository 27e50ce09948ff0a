// Feeds a run's URLs to the checker a few per host at a time, keeping the rest as plain strings until a slot frees.

/** Options of {@link createHostFeed}. */
export interface HostFeedOptions {
  /** URLs of `host` handed to `check` at once; the checker's own host limit is the useful upper bound. */
  windowFor(host: string): number;
  /** Checks one URL; the feed waits for it before handing over the host's next one. */
  check(url: string): Promise<void>;
}

/** A queue of URLs per host, drained by at most `windowFor(host)` checks at a time. */
export interface HostFeed {
  /** Queues `url` under `host`; starts it at once if the host's window has room. */
  add(host: string, url: string): void;
  /** Resolves once every URL added so far (and any added meanwhile) has been checked; rejects with the first error a check threw. */
  drained(): Promise<void>;
}

interface HostQueue {
  urls: string[];
  /** Index of the next URL to start: the array is only ever appended to, then dropped with the host. */
  next: number;
  running: number;
}

/**
 * Creates a host feed. Tens of thousands of URLs waiting as promises and closures cost a few kB each and, living long
 * enough to be promoted, inflate the heap many times over before a full GC; waiting as strings they cost a pointer.
 * Each host gets its own window so a host with most of the links never crowds out the others.
 */
export function createHostFeed(options: HostFeedOptions): HostFeed {
  const hosts = new Map<string, HostQueue>();
  let running = 0;
  let onDrained: (() => void) | undefined;
  // A check that throws is a bug, not an outcome: the feed goes on and `drained` reports it.
  let firstError: { error: unknown } | undefined;

  const pump = (host: string, queue: HostQueue): void => {
    while (queue.running < Math.max(1, options.windowFor(host)) && queue.next < queue.urls.length) {
      const url = queue.urls[queue.next]!;
      queue.next += 1;
      queue.running += 1;
      running += 1;
      void options
        .check(url)
        .catch((error: unknown) => {
          firstError ??= { error };
        })
        .then(() => {
          queue.running -= 1;
          running -= 1;
          if (queue.next < queue.urls.length) pump(host, queue);
          else if (queue.running === 0) hosts.delete(host);
          if (running === 0 && hosts.size === 0) onDrained?.();
        });
    }
  };

  return {
    add(host, url) {
      let queue = hosts.get(host);
      if (!queue) {
        queue = { urls: [], next: 0, running: 0 };
        hosts.set(host, queue);
      }
      queue.urls.push(url);
      pump(host, queue);
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
