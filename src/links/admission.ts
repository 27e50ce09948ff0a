// Admission of URL checks per host: a check starts only when its first request could go out, one host gap apart.
import Queue from 'yocto-queue';

/** Options of {@link createPacedAdmission}. */
export interface PacedAdmissionOptions {
  /** Checks of `host` under way at once. */
  windowFor(host: string): number;
  /** Minimum gap between two checks of `host` starting. */
  intervalFor(host: string): number;
  /** Milliseconds until a new request to `host` could start (its gap or a pause it announced); 0 when it could now. */
  readyInMs(host: string): number;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** True once the run is stopped: waiting checks start at once, to settle without a request. */
  isStopped(): boolean;
  /**
   * Whether one more check may start with `running` under way, all hosts together (see `load-governor.ts`); asked
   * again when a check ends, or after `retryMs` when none does.
   */
  gate?: { allows(running: number): boolean; retryMs: number };
}

/** Runs checks within each host's window and pace. */
export interface PacedAdmission {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** Checks of `host` not yet started. */
  pending(host: string): number;
  /** Hosts with checks running or waiting. */
  size(): number;
}

interface HostLine {
  waiting: Queue<() => void>;
  running: number;
  lastStartMs: number;
  isSleeping: boolean;
}

/**
 * Creates a paced admission. A check waiting for its host's gap inside the request scheduler holds its whole chain
 * (the URL's state, its hop's frames, timers): thousands of them, alive for seconds, are promoted to the old
 * generation and swell the heap long before a full GC. Held here, a waiting check is one closure, and the chain is
 * built when its first request can go out at once, so it lives about as long as the request does. One timer per
 * host, not per check.
 */
export function createPacedAdmission(options: PacedAdmissionOptions): PacedAdmission {
  const lines = new Map<string, HostLine>();
  const gate = options.gate;
  /** Checks under way, all hosts together. */
  let running = 0;
  /** Hosts whose next check is due but held back by the gate, in the order they were held. */
  const held = new Set<string>();
  let isGateTimerSet = false;

  /** Keeps `host` waiting for the gate, and makes sure the gate is asked again even if no check ends. */
  const hold = (host: string): void => {
    held.add(host);
    if (isGateTimerSet) return;
    // Checks that only wait (a hanging host) may not end for a long time: do not wait for one to.
    isGateTimerSet = true;
    void options.sleep(gate!.retryMs).then(() => {
      isGateTimerSet = false;
      release();
    });
  };

  /** Starts held hosts' checks while the gate allows, oldest first (a host held again goes to the back). */
  const release = (): void => {
    for (const host of held) {
      if (!gate!.allows(running)) break;
      held.delete(host);
      const line = lines.get(host);
      if (line) pump(host, line);
    }
  };

  const pump = (host: string, line: HostLine): void => {
    while (line.waiting.size > 0 && line.running < Math.max(1, options.windowFor(host))) {
      if (!options.isStopped()) {
        const nowMs = options.now();
        const waitMs = Math.max(options.readyInMs(host), line.lastStartMs + options.intervalFor(host) - nowMs);
        if (waitMs > 0) {
          if (!line.isSleeping) {
            line.isSleeping = true;
            void options.sleep(waitMs).then(() => {
              line.isSleeping = false;
              pump(host, line);
            });
          }
          return;
        }
        if (gate && !gate.allows(running)) {
          hold(host);
          return;
        }
        line.lastStartMs = nowMs;
      }
      const start = line.waiting.dequeue()!;
      line.running += 1;
      running += 1;
      start();
    }
    if (line.running === 0 && line.waiting.size === 0 && !line.isSleeping) lines.delete(host);
  };

  return {
    run(host, task) {
      let line = lines.get(host);
      if (!line) {
        line = { waiting: new Queue(), running: 0, lastStartMs: Number.NEGATIVE_INFINITY, isSleeping: false };
        lines.set(host, line);
      }
      const owner = line;
      return new Promise((resolve, reject) => {
        owner.waiting.enqueue(() => {
          task()
            .then(resolve, reject)
            .finally(() => {
              owner.running -= 1;
              running -= 1;
              // The host goes on first (a host with work under way keeps its pace), then the hosts held longest.
              pump(host, owner);
              if (held.size > 0) release();
            });
        });
        pump(host, owner);
      });
    },
    pending(host) {
      const line = lines.get(host);
      return line ? line.waiting.size : 0;
    },
    size: () => lines.size,
  };
}
