// Starting a worker thread from a sibling module, built (`.js`) or from sources (`.ts`, through tsx's loader).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

// Running from sources (tests, tsx), the worker is TypeScript: a tiny bootstrap registers tsx's loader first.
const TS_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((api) => { api.register(); return import(workerData.entry); });
`;

/**
 * Starts the worker module `name` (no extension) that sits beside the caller, whose `import.meta.url` is `callerUrl`.
 * Built code and the bundle keep entries beside their callers as `.js`; from sources the entry is the `.ts` file.
 */
export function startSiblingWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const tsxRoot = path.dirname(createRequire(callerUrl).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const data: unknown = options.workerData;
  return new Worker(TS_BOOTSTRAP, { ...options, eval: true, workerData: { ...(data as object), tsxApi, entry } });
}
