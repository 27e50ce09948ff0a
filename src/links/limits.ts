// Concurrency and politeness: one global limit, one limit per host, a gap between request starts
// to a host, and host-wide pauses when a server asks us to slow down.
import pLimit, { type LimitFunction } from 'p-limit';
import { createBacklogSemaphore } from './backlog-semaphore.js';

/** Limits for one host. */
export interface HostLimits {
  concurrency: number;
  intervalMs: number;
}

/** Options of {@link createRequestScheduler}. */
export interface RequestSchedulerOptions {
  concurrency: number;
  limitsFor(host: string): HostLimits;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** True once the run is aborted: waits are skipped so queued tasks fail fast instead of spinning. */
  isAborted?(): boolean;
  /** Work queued for `host` outside the scheduler (checks not yet admitted), for prioritising. */
  backlogOf?(host: string): number;
}

/** Runs requests within the global and per-host limits and records the peaks it allowed. */
export interface RequestScheduler {
  /** Runs `task` once a host slot, the host's start gap, any host pause and a global slot allow it. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** Holds back every request to `host` until `untilMs` (on the scheduler's clock). */
  pauseHost(host: string, untilMs: number): void;
  stats(): { maxInFlightPerHost: Record<string, number>; maxInFlight: number; requests: number };
}

interface HostState {
  limit: LimitFunction;
  intervalMs: number;
  lastStartMs: number;
  /** Earliest start not yet promised to a waiting request. */
  nextStartMs: number;
  pausedUntilMs: number;
  inFlight: number;
  maxInFlight: number;
  /** Requests queued on this host's limiter plus checks not yet admitted: its claim on a global slot. */
  backlog(): number;
}

const NOT_YET = Symbol('not yet');

/** Builds a scheduler; host limiters are created lazily, the first time a host is seen. */
export function createRequestScheduler(options: RequestSchedulerOptions): RequestScheduler {
  // Not a FIFO p-limit: when more hosts want slots than there are, FIFO hands the busiest host
  // one slot in many and it finishes last, long after the rest. Serving the host with the
  // longest queue first keeps the run near its bound (busiest host's work / its own limit).
  const global = createBacklogSemaphore(Math.max(1, options.concurrency));
  const hosts = new Map<string, HostState>();
  let inFlight = 0;
  let maxInFlight = 0;
  let requests = 0;

  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (!state) {
      const limits = options.limitsFor(host);
      const limit = pLimit(Math.max(1, limits.concurrency));
      state = {
        limit,
        intervalMs: Math.max(0, limits.intervalMs),
        lastStartMs: Number.NEGATIVE_INFINITY,
        nextStartMs: Number.NEGATIVE_INFINITY,
        pausedUntilMs: 0,
        inFlight: 0,
        maxInFlight: 0,
        // Built once per host, not per request: the global semaphore reads it on every release.
        backlog: () => limit.pendingCount + (options.backlogOf?.(host) ?? 0),
      };
      hosts.set(host, state);
    }
    return state;
  };

  const start = async <T>(state: HostState, task: () => Promise<T>): Promise<T> => {
    // A promised start can still land too close to the previous one when the global queue delayed
    // the earlier request; hold the (already granted) slot for the rest of the gap.
    const gapMs = state.lastStartMs + state.intervalMs - options.now();
    if (gapMs > 0 && !options.isAborted?.()) await options.sleep(gapMs);
    state.lastStartMs = options.now();
    state.nextStartMs = Math.max(state.nextStartMs, state.lastStartMs + state.intervalMs);
    requests += 1;
    inFlight += 1;
    state.inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    try {
      return await task();
    } finally {
      inFlight -= 1;
      state.inFlight -= 1;
    }
  };

  return {
    run(host, task) {
      const state = stateOf(host);
      // Host slot first, global slot second: a busy host queues on its own limiter instead of
      // parking its backlog in global slots that other hosts could use.
      return state.limit(async () => {
        for (;;) {
          if (options.isAborted?.()) return start(state, task);
          // Promise this request a start time (after any pause, one gap after the last promise)
          // and sleep until then: one timer per request, not a poll.
          const nowMs = options.now();
          const startAtMs = Math.max(nowMs, state.nextStartMs, state.pausedUntilMs);
          state.nextStartMs = startAtMs + state.intervalMs;
          if (startAtMs > nowMs) await options.sleep(startAtMs - nowMs);
          // A pause may have begun while we slept or queued for a global slot: then wait again.
          const outcome = await global.run(
            host,
            state.backlog,
            async () => (options.now() < state.pausedUntilMs ? NOT_YET : { value: await start(state, task) }),
          );
          if (outcome !== NOT_YET) return outcome.value;
        }
      });
    },
    pauseHost(host, untilMs) {
      const state = stateOf(host);
      state.pausedUntilMs = Math.max(state.pausedUntilMs, untilMs);
    },
    stats() {
      const perHost: Record<string, number> = {};
      for (const [host, state] of hosts) perHost[host] = state.maxInFlight;
      return { maxInFlightPerHost: perHost, maxInFlight, requests };
    },
  };
}
