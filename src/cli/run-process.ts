// Runs the CLI on the real process (loaded by bin.ts once the Node.js version is checked) and sets the exit code.
import { processIo } from './io.js';
import { main } from './main.js';

// `lint-lists | head` closes stdout early: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// Last line of defence: whatever escapes main() is reported in one line, as documented (exit 2).
process.on('uncaughtException', (error) => {
  process.stderr.write(`lint-lists: internal error: ${error.message}\n`);
  if (process.env.LINT_LISTS_DEBUG === '1' && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(2);
});

process.exitCode = await main(process.argv.slice(2), processIo());

// Everything is written and saved by now. What may still hold the event loop are DNS lookups of a stopped link
// check, queued in libuv's thread pool where they cannot be cancelled (offline, each waits out the resolver's
// timeout): flush the output, then leave instead of waiting for them.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
process.exit();
