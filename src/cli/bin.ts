#!/usr/bin/env node
// The `lint-lists` executable: refuses an unsupported Node.js in one line, then loads and runs the CLI.
import { unsupportedNodeMessage } from './node-check.js';

// Only this file and node-check.js load before the check: the CLI's dependencies may need a newer Node
// and would fail with a syntax or import error instead of saying what is wrong.
const unsupported = unsupportedNodeMessage(process.versions.node);
if (unsupported !== undefined) {
  process.stderr.write(`${unsupported}\n`);
  process.exitCode = 2;
} else {
  await import('./run-process.js');
}
