// Concurrency and politeness, all on p-limit: one limiter per host, one global limiter sized from the hosts seen,
// a gap between request starts to a host, and host-wide pauses when a server asks us to slow down.
import pLimit, { type LimitFunction } from 'p-limit';

/** Limits for one host. */
export interface HostLimits {
  concurrency: number;
  intervalMs: number;
}

/** Options of {@link createRequestScheduler}. */
export interface RequestSchedulerOptions {
  /** Ceiling of requests in flight, all hosts together. */
  concurrency: number;
  limitsFor(host: string): HostLimits;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** True once the run is aborted: waits are skipped so queued tasks fail fast instead of spinning. */
  isAborted?(): boolean;
  /** Work queued for `host` outside the scheduler (checks not yet admitted). */
  backlogOf?(host: string): number;
  /**
   * Called once `host` has nothing running or waiting (a turn of the event loop after its last request ended, so the
   * next hop or the GET after a HEAD does not count as idle): its connections are no longer worth keeping.
   */
  onHostIdle?(host: string): void;
  /**
   * Told to close `host`'s connections (its idle ones now, those in use once their request ends) because a new
   * connection elsewhere needs the room within the global limit.
   */
  onCloseConnections?(host: string): void;
}

/** What a task is told when it starts. */
export interface StartInfo {
  /**
   * Close the connection after this request rather than keep it for reuse: no other request of the host is waiting,
   * the host already keeps one connection, or the connections kept idle would push the total past the global limit.
   */
  shouldClose: boolean;
}

/** Runs requests within the global and per-host limits and records the peaks it allowed. */
export interface RequestScheduler {
  /** Runs `task` once a host slot, the host's start gap, any host pause and a global slot allow it. */
  run<T>(host: string, task: (info: StartInfo) => Promise<T>): Promise<T>;
  /** Holds back every request to `host` until `untilMs` (on the scheduler's clock). */
  pauseHost(host: string, untilMs: number): void;
  /** Lets `host` run one request at a time (`true`), or its own limit again (`false`). */
  probeOnly(host: string, isOn: boolean): void;
  /** Milliseconds until a new request to `host` would start without waiting for the host's gap or pause (0: now). */
  readyInMs(host: string): number;
  stats(): { maxInFlightPerHost: Record<string, number>; maxInFlight: number; requests: number; globalLimit: number };
}

interface HostState {
  limit: LimitFunction;
  concurrency: number;
  intervalMs: number;
  lastStartMs: number;
  /** Earliest start not yet promised to a waiting request. */
  nextStartMs: number;
  pausedUntilMs: number;
  inFlight: number;
  maxInFlight: number;
  /** Connections to this host believed open and idle (kept after a request), at most its concurrency. */
  idleConnections: number;
  /** Bumped when the host's connections are closed: a request sent before then has no connection left to keep. */
  generation: number;
}

/**
 * Builds a scheduler; host limiters are created lazily, the first time a host is seen. The global limit is the
 * smaller of `concurrency` and the sum of the per-host limits of the hosts seen so far: more global slots than that
 * could never be used, and fewer would leave a host's polite share idle.
 */
export function createRequestScheduler(options: RequestSchedulerOptions): RequestScheduler {
  const ceiling = Math.max(1, options.concurrency);
  const global = pLimit(1);
  const hosts = new Map<string, HostState>();
  let hostSlots = 0;
  let inFlight = 0;
  let idleConnections = 0;
  /** Hosts holding idle connections, oldest first: the ones to close when a new connection needs room. */
  const idleHosts = new Set<string>();
  let maxInFlight = 0;
  let requests = 0;

  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (!state) {
      const limits = options.limitsFor(host);
      const concurrency = Math.max(1, limits.concurrency);
      state = {
        limit: pLimit(concurrency),
        concurrency,
        intervalMs: Math.max(0, limits.intervalMs),
        lastStartMs: Number.NEGATIVE_INFINITY,
        nextStartMs: Number.NEGATIVE_INFINITY,
        pausedUntilMs: 0,
        inFlight: 0,
        maxInFlight: 0,
        idleConnections: 0,
        generation: 0,
      };
      hosts.set(host, state);
      hostSlots += concurrency;
      global.concurrency = Math.min(ceiling, hostSlots);
    }
    return state;
  };

  /** Forgets `host`'s idle connections, which its pools are closed with (`onClose`). */
  const dropIdle = (host: string, state: HostState): void => {
    idleConnections -= state.idleConnections;
    state.idleConnections = 0;
    state.generation += 1;
    idleHosts.delete(host);
  };

  /** Makes room for a new connection by closing the connections of the host idle the longest (other than `host`). */
  const evictIdle = (host: string): void => {
    for (const other of idleHosts) {
      if (other === host) continue;
      const state = hosts.get(other);
      if (state) dropIdle(other, state);
      options.onCloseConnections?.(other);
      return;
    }
  };

  const start = async <T>(host: string, state: HostState, task: (info: StartInfo) => Promise<T>): Promise<T> => {
    const isLastQueued = state.limit.pendingCount === 0 && (options.backlogOf?.(host) ?? 0) === 0;
    if (state.idleConnections > 0) {
      // This request reuses one.
      state.idleConnections -= 1;
      idleConnections -= 1;
      if (state.idleConnections === 0) idleHosts.delete(host);
    } else if (inFlight + idleConnections >= global.concurrency) {
      // A new connection, and requests in flight plus idle connections already fill the limit: close some idle ones.
      evictIdle(host);
    }
    // Sockets are requests in flight plus connections kept idle: keep them only while the total stays within the
    // global limit, so open sockets never outgrow it by more than a few.
    const shouldClose = isLastQueued || inFlight + idleConnections >= global.concurrency;
    const generation = state.generation;
    state.lastStartMs = options.now();
    state.nextStartMs = Math.max(state.nextStartMs, state.lastStartMs + state.intervalMs);
    requests += 1;
    inFlight += 1;
    state.inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    try {
      return await task({ shouldClose });
    } finally {
      inFlight -= 1;
      state.inFlight -= 1;
      if (!shouldClose && generation === state.generation && state.idleConnections < state.concurrency) {
        state.idleConnections += 1;
        idleConnections += 1;
        idleHosts.add(host);
      }
    }
  };

  /** Starts now, or says how long to wait first: a global slot is never held through a host's gap or pause. */
  const startIfDue = <T>(
    host: string,
    state: HostState,
    task: (info: StartInfo) => Promise<T>,
  ): Promise<number | { value: T }> => {
    if (!options.isAborted?.()) {
      // The global queue (or a late timer) may have delayed an earlier request so this one would start too soon.
      const waitMs = Math.max(state.pausedUntilMs, state.lastStartMs + state.intervalMs) - options.now();
      if (waitMs > 0) return Promise.resolve(waitMs);
    }
    // The global slot is held until the answer (or the request's timeout): a request that gave it back while still
    // waiting would keep its socket open beyond the limit.
    return start(host, state, task).then((value) => ({ value }));
  };

  /** A turn after a request ended: if the host has nothing left, forget its idle connections and say so. */
  const noteMaybeIdle = (host: string, state: HostState): void => {
    if (!options.onHostIdle && state.idleConnections === 0) return;
    setImmediate(() => {
      if (state.limit.activeCount > 0 || state.limit.pendingCount > 0 || (options.backlogOf?.(host) ?? 0) > 0) return;
      dropIdle(host, state);
      options.onHostIdle?.(host);
    });
  };

  return {
    run(host, task) {
      const state = stateOf(host);
      // Host slot first, global slot second: a busy host queues on its own limiter instead of
      // parking its backlog in global slots that other hosts could use.
      const running = state.limit(async () => {
        // Promise this request a start time (after any pause, one gap after the last promise) and sleep until
        // then, holding only the host's slot: one timer per request, not a poll.
        const nowMs = options.now();
        const startAtMs = Math.max(nowMs, state.nextStartMs, state.pausedUntilMs, state.lastStartMs + state.intervalMs);
        state.nextStartMs = startAtMs + state.intervalMs;
        let waitMs = startAtMs - nowMs;
        for (;;) {
          if (waitMs > 0 && !options.isAborted?.()) await options.sleep(waitMs);
          const outcome = await global(() => startIfDue(host, state, task));
          if (typeof outcome !== 'number') return outcome.value;
          // Only the rest of the gap or pause, keeping this request's place rather than queueing it behind others.
          waitMs = outcome;
        }
      });
      const afterwards = (): void => noteMaybeIdle(host, state);
      running.then(afterwards, afterwards);
      return running;
    },
    probeOnly(host, isOn) {
      const state = stateOf(host);
      state.limit.concurrency = isOn ? 1 : state.concurrency;
    },
    readyInMs(host) {
      const state = hosts.get(host);
      if (!state) return 0;
      return Math.max(0, Math.max(state.nextStartMs, state.pausedUntilMs, state.lastStartMs + state.intervalMs) - options.now());
    },
    pauseHost(host, untilMs) {
      const state = stateOf(host);
      state.pausedUntilMs = Math.max(state.pausedUntilMs, untilMs);
    },
    stats() {
      const perHost: Record<string, number> = {};
      for (const [host, state] of hosts) perHost[host] = state.maxInFlight;
      return { maxInFlightPerHost: perHost, maxInFlight, requests, globalLimit: global.concurrency };
    },
  };
}
