// How many URL checks may run at once given how busy this process is: fewer while its event loop is saturated.
import { performance } from 'node:perf_hooks';

/** Options of {@link createLoadGovernor}. */
export interface LoadGovernorOptions {
  /** Share of time the event loop was busy since the previous call, 0 to 1. */
  utilization(): number;
  now(): number;
  /** How often the limit is reconsidered. */
  intervalMs: number;
  /** The limit starts at this many checks and never goes below it. */
  floor: number;
}

/** Decides whether one more check may start. */
export interface LoadGovernor {
  /** True when a check may start with `running` under way. */
  allows(running: number): boolean;
  /** The limit in force (Infinity while the process keeps up). */
  limit(): number;
}

/** Busier than this, the loop is saturated: more checks at once only queue in memory. */
const SATURATED = 0.9;
/** Idler than this, the loop has room again. */
const RELAXED = 0.75;

/**
 * Creates a governor. A check under way costs memory whether it waits on the network or on this process: when the
 * event loop is saturated (answers arriving faster than they can be handled), more checks at once add no speed,
 * only answers queued in socket buffers and chains of half-finished checks, which live long enough to be promoted
 * to the old generation and swell the heap. So, every `intervalMs`, a saturated loop cuts the limit to 80% of the
 * checks running, and a relaxed one raises it by a quarter, until it stops binding. Checks that only wait (a hanging
 * host) cost no loop time, so they never hold the limit down for long: an idle loop raises it again.
 *
 * It starts at `floor`, as TCP starts slowly: a list of a thousand hosts would otherwise send a thousand first
 * requests in the first millisecond, before the loop could say whether it keeps up; from 64 it reaches 1,000 in
 * about 13 intervals if the loop stays relaxed.
 */
export function createLoadGovernor(options: LoadGovernorOptions): LoadGovernor {
  const floor = Math.max(1, options.floor);
  let limit = floor;
  let lastMs = options.now();

  const reconsider = (running: number): void => {
    const nowMs = options.now();
    if (nowMs - lastMs < options.intervalMs) return;
    lastMs = nowMs;
    const busy = options.utilization();
    if (busy >= SATURATED) limit = Math.max(floor, Math.floor(Math.min(limit, running) * 0.8));
    else if (busy < RELAXED && limit !== Number.POSITIVE_INFINITY) {
      limit = Math.ceil(limit * 1.25);
      // No longer binding: lift it, so a later cut starts from the checks then running.
      if (limit > 2 * running) limit = Number.POSITIVE_INFINITY;
    }
  };

  return {
    allows(running) {
      reconsider(running);
      return running < limit;
    },
    limit: () => limit,
  };
}

/** This process's event-loop utilization since the previous call (Node's own measure, from its loop's idle time). */
export function eventLoopUtilizationSampler(): () => number {
  let previous = performance.eventLoopUtilization();
  return () => {
    const current = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(current, previous);
    previous = current;
    return utilization;
  };
}
