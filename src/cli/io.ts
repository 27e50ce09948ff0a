// The CLI's window on the process (output streams, TTY state, environment, working directory), swapped in tests.

/** Everything the CLI reads from or writes to the process; tests pass a fake to capture output. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Columns of the terminal stdout is, when it is one. */
  stdoutColumns?: number;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The real process: writes go straight to the standard streams. */
export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdoutColumns: process.stdout.isTTY === true ? process.stdout.columns : undefined,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** An Io that records what is written, for tests and programmatic use. */
export interface CapturedIo extends Io {
  out: string[];
  err: string[];
}

/** Creates an Io that keeps output in memory instead of writing it. */
export function captureIo(options: { cwd: string; env?: Record<string, string | undefined>; isTTY?: boolean; columns?: number }): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    stdoutIsTTY: options.isTTY ?? false,
    stderrIsTTY: options.isTTY ?? false,
    ...(options.columns !== undefined ? { stdoutColumns: options.columns } : {}),
    env: options.env ?? {},
    cwd: options.cwd,
  };
}
