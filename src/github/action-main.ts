#!/usr/bin/env node
// Executable wrapper the composite action runs: the real process in, an exit code out (the only place the action touches the process).
import { runAction, type ActionIo } from './action.js';

const io: ActionIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
};

runAction(io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lint-lists action failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
