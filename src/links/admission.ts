// Admission of checks per host: only a few checks per host are in progress at once, the rest
// wait as a URL and a callback, so 10,000 queued links cost kilobytes rather than megabytes.

/** Lets a bounded number of checks per host run; the rest wait in order. */
export interface Admission {
  /** Runs `task` once fewer than the host's limit of checks are in progress. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** Checks waiting for admission on `host` (part of its backlog). */
  waiting(host: string): number;
}

interface HostQueue {
  active: number;
  queue: Array<() => void>;
}

/** Creates an admission gate allowing `limitFor(host)` checks in progress per host. */
export function createAdmission(limitFor: (host: string) => number): Admission {
  const hosts = new Map<string, HostQueue>();

  const release = (host: string, state: HostQueue): void => {
    const next = state.queue.shift();
    if (next) {
      next();
      return;
    }
    state.active -= 1;
    if (state.active === 0) hosts.delete(host);
  };

  return {
    async run(host, task) {
      let state = hosts.get(host);
      if (!state) {
        state = { active: 0, queue: [] };
        hosts.set(host, state);
      }
      if (state.active < Math.max(1, limitFor(host))) state.active += 1;
      else await new Promise<void>((resolve) => state?.queue.push(resolve));
      try {
        return await task();
      } finally {
        release(host, state);
      }
    },
    waiting: (host) => hosts.get(host)?.queue.length ?? 0,
  };
}
