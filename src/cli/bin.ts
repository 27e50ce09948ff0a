#!/usr/bin/env node
// The `lint-lists` executable: runs the CLI on the real process and sets the exit code (never calls process.exit on success, so output is flushed).
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
