// A counting semaphore that wakes a waiter of the key (host) with the largest backlog first.

/** Runs tasks under a slot limit; a freed slot goes to the key whose `backlog()` is largest. */
export interface BacklogSemaphore {
  /**
   * Runs `task` in a slot. Waiters are grouped by `key`; `backlog` is read when a slot frees up
   * (ties: the key that started waiting first), and within a key waiters are served in order.
   */
  run<T>(key: string, backlog: () => number, task: () => Promise<T>): Promise<T>;
}

interface KeyQueue {
  backlog: () => number;
  wakers: Array<() => void>;
}

/** Creates a semaphore with `slots` slots. */
export function createBacklogSemaphore(slots: number): BacklogSemaphore {
  let free = slots;
  // Insertion-ordered, so ties go to the key waiting longest.
  const waiting = new Map<string, KeyQueue>();

  const acquire = (key: string, backlog: () => number): Promise<void> => {
    if (free > 0 && waiting.size === 0) {
      free -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((wake) => {
      const queue = waiting.get(key);
      if (queue) queue.wakers.push(wake);
      else waiting.set(key, { backlog, wakers: [wake] });
    });
  };

  const release = (): void => {
    // A scan over waiting keys (hosts), not waiters: backlogs change all the time, so a heap
    // would need re-keying on every request anyway.
    let bestKey: string | undefined;
    let bestQueue: KeyQueue | undefined;
    let bestBacklog = Number.NEGATIVE_INFINITY;
    // forEach, not for…of: the entry iterator allocates a pair per key per release, which at
    // thousands of releases a second was most of the checker's garbage.
    waiting.forEach((queue, key) => {
      const backlog = queue.backlog();
      if (backlog > bestBacklog) {
        bestKey = key;
        bestQueue = queue;
        bestBacklog = backlog;
      }
    });
    if (bestKey === undefined || !bestQueue) {
      free += 1;
      return;
    }
    const wake = bestQueue.wakers.shift();
    if (bestQueue.wakers.length === 0) waiting.delete(bestKey);
    wake?.();
  };

  return {
    async run(key, backlog, task) {
      await acquire(key, backlog);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
