// Per-host circuit breaker: a host that keeps timing out or refusing connections gets no more requests this run.
import type { FailureJudgement } from './verdict.js';

/** Why a host's breaker opened: the kind of failure that tripped it. */
export type TripCause = 'timeout' | 'connect';

/** Counts consecutive silent failures per host and, past the limit, answers for the host instead of a request. */
export interface HostBreaker {
  /** Records how a request to `host` ended: a cause counts towards the trip, `undefined` (any answer) resets it. */
  record(host: string, cause: TripCause | undefined): void;
  /** The verdict for a request not sent because `host`'s breaker is open, or undefined while it is closed. */
  refusal(host: string): FailureJudgement | undefined;
  /** Hosts whose breaker opened, in the order they tripped. */
  trippedHosts(): string[];
}

interface HostCount {
  consecutive: number;
  cause?: TripCause;
  refusal?: FailureJudgement;
}

/**
 * Creates a breaker that opens after `failures` consecutive timeouts or connect failures on one host (0 turns it
 * off). It never closes again within a run: a host silent for that long is not worth the rest of its links' timeouts.
 * `onStreak` hears when a host starts failing and when an answer ends its streak: the scheduler then lets a failing
 * host probe with one request at a time, so requests started while the first ones hang do not each cost a timeout.
 */
export function createHostBreaker(failures: number, onStreak?: (host: string, isFailing: boolean) => void): HostBreaker {
  const hosts = new Map<string, HostCount>();
  const tripped: string[] = [];
  return {
    record(host, cause) {
      let count = hosts.get(host);
      if (!cause) {
        // An answer resets the streak; a host never seen failing needs no entry at all.
        if (count && !count.refusal && count.consecutive > 0) {
          count.consecutive = 0;
          onStreak?.(host, false);
        }
        return;
      }
      if (!count) {
        count = { consecutive: 0 };
        hosts.set(host, count);
      }
      if (count.refusal) return;
      count.consecutive += 1;
      count.cause = cause;
      if (failures > 0 && count.consecutive === 1) onStreak?.(host, true);
      if (failures > 0 && count.consecutive >= failures) {
        count.refusal = hostClosed(host, failures, cause);
        tripped.push(host);
      }
    },
    refusal: (host) => hosts.get(host)?.refusal,
    trippedHosts: () => [...tripped],
  };
}

/** The message says that no request was made, and why, so a maintainer can tell it from a real timeout. */
function hostClosed(host: string, failures: number, cause: TripCause): FailureJudgement {
  const what = cause === 'timeout' ? 'timed out' : 'failed to connect';
  return {
    verdict: cause === 'timeout' ? 'timeout' : 'error',
    reason: `not requested: ${host} ${what} ${failures} times in a row, so its remaining links were not checked`,
    failureClass: cause === 'timeout' ? 'timeout' : 'connect',
    retryable: false,
    isTimeout: false,
    isGetWorthTrying: false,
  };
}
