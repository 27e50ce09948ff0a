// Progress of a link check on stderr: one updating line on a terminal, a line a minute in logs, nothing when quiet.

/** Reports progress as results come in. */
export interface Progress {
  /** One more URL settled; `isFailing` when its verdict is a failure. */
  tick(isFailing: boolean): void;
  /** `count` more URLs to check (links are found while earlier ones are being checked). */
  expect(count: number): void;
  /** Clears the terminal line (or writes nothing more in logs). */
  done(): void;
}

/** Where progress goes: the part of the CLI's Io it needs (kept structural so links/ does not import cli/). */
export interface ProgressStream {
  stderr(text: string): void;
  stderrIsTTY: boolean;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  io: ProgressStream;
  /** URLs known at the start; {@link Progress.expect} adds more. */
  total: number;
  quiet: boolean;
  now?: () => number;
  /** Gap between terminal redraws (default 100 ms, ~10 Hz). */
  redrawMs?: number;
  /** Gap between log lines when stderr is not a terminal (default one minute). */
  logEveryMs?: number;
}

const CLEAR_LINE = '\r\u001b[2K';

/** Creates the progress reporter suited to `io`. */
export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet) return { tick: () => undefined, expect: () => undefined, done: () => undefined };
  let total = options.total;
  const now = options.now ?? Date.now;
  const started = now();
  const isTTY = options.io.stderrIsTTY;
  const gapMs = isTTY ? (options.redrawMs ?? 100) : (options.logEveryMs ?? 60_000);
  let lastDrawn = started;
  let checked = 0;
  let failing = 0;
  let hasDrawn = false;

  const draw = (): void => {
    if (isTTY) {
      const seconds = (now() - started) / 1000;
      const rate = seconds > 0 ? Math.round(checked / seconds) : 0;
      options.io.stderr(`${CLEAR_LINE}Checking links ${checked}/${total} · ${failing} failing · ${rate}/s`);
      hasDrawn = true;
    } else {
      options.io.stderr(`checked ${checked}/${total} links, ${failing} failing\n`);
    }
  };

  return {
    tick(isFailing) {
      checked++;
      if (isFailing) failing++;
      const time = now();
      // A terminal gets its first and last frames at once; logs only after a full interval.
      if ((isTTY && (!hasDrawn || checked === total)) || time - lastDrawn >= gapMs) {
        lastDrawn = time;
        draw();
      }
    },
    expect(count) {
      total += count;
    },
    done() {
      if (isTTY && hasDrawn) options.io.stderr(CLEAR_LINE);
    },
  };
}
