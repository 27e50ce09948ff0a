// A hard ceiling on the checker's open sockets: a connection starts only with a free slot, held until its socket closes.
import type { Socket } from 'node:net';
import type { buildConnector } from 'undici';
import Queue from 'yocto-queue';

/** Holds the count of open sockets within a limit; a connector wrapped with it waits for room. */
export interface SocketBudget {
  /** `connector`, connecting only once a slot is free (asking `freeIdle` for room when none is). */
  wrap(connector: buildConnector.connector): buildConnector.connector;
  /** Sockets opened through the budget and not yet closed, the most there ever were, and connections waiting. */
  stats(): { open: number; maxOpen: number; waiting: number };
  /** True while a connection waits for a slot: a connection that turns idle should then be closed for it. */
  hasWaiting(): boolean;
}

/**
 * Creates a budget of `limit` sockets. The request scheduler keeps requests in flight plus connections it keeps idle
 * within the global limit, but it counts what it asked for, not what the sockets do: a socket that is closing still
 * holds its slot here until its `close` event, a keep-alive connection the scheduler thinks closed may still be open,
 * and when the event loop is saturated those lags add up to hundreds of sockets beyond the limit. A connection that
 * would go past the limit waits, and `freeIdle` is asked to close one idle keep-alive connection (it returns false
 * when there is none; the owner of the connections then closes the next one that turns idle, see `hasWaiting`).
 */
export function createSocketBudget(limit: number, freeIdle: () => boolean): SocketBudget {
  const ceiling = Math.max(1, limit);
  let open = 0;
  let maxOpen = 0;
  const waiting = new Queue<() => void>();

  const release = (): void => {
    const start = waiting.dequeue();
    if (!start) {
      open -= 1;
      return;
    }
    // The slot passes straight from the closed socket to the waiting connection: `open` stays as it is.
    start();
  };

  const acquire = (start: () => void): void => {
    if (open < ceiling) {
      open += 1;
      maxOpen = Math.max(maxOpen, open);
      start();
      return;
    }
    waiting.enqueue(start);
    // One idle connection closed per waiting connection: its close event hands its slot on.
    freeIdle();
  };

  return {
    wrap(connector) {
      return (options, callback) => {
        acquire(() => {
          let isReleased = false;
          const releaseOnce = (): void => {
            if (isReleased) return;
            isReleased = true;
            release();
          };
          const done = callback as (error: Error | null, socket: unknown) => void;
          try {
            connector(options, (error, socket) => {
              if (error || !socket) releaseOnce();
              else (socket as Socket).once('close', releaseOnce);
              done(error, socket);
            });
          } catch (error) {
            // A connection started from another socket's close event must not throw into that event.
            releaseOnce();
            done(error as Error, null);
          }
        });
      };
    },
    stats: () => ({ open, maxOpen, waiting: waiting.size }),
    hasWaiting: () => waiting.size > 0,
  };
}
