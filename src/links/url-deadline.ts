// One URL's total time budget across its hops, retries and waits, counted from its first request.

/** The time one URL may still take; starts counting when its first request is granted a slot. */
export interface UrlDeadline {
  /** Starts the clock (only the first call counts). */
  start(nowMs: number): void;
  /** Milliseconds left, `Infinity` before the first request. */
  remainingMs(nowMs: number): number;
  /** The whole budget in ms, for messages. */
  readonly budgetMs: number;
}

/**
 * Creates a deadline of `budgetMs` (0 or less: none). It starts at the first request rather than when the URL was
 * queued, so waiting behind other URLs of a busy host never uses up a URL's own budget.
 */
export function createUrlDeadline(budgetMs: number): UrlDeadline {
  let startedMs: number | undefined;
  return {
    budgetMs,
    start(nowMs) {
      startedMs ??= nowMs;
    },
    remainingMs(nowMs) {
      if (budgetMs <= 0 || startedMs === undefined) return Number.POSITIVE_INFINITY;
      return startedMs + budgetMs - nowMs;
    },
  };
}
