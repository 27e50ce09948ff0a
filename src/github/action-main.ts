#!/usr/bin/env node
// Executable wrapper the composite action runs: the real process in, an exit code out.
import { processIo } from '../cli/io.js';
import { runAction } from './action.js';

runAction(processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lint-lists action failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
