// A small worker-thread pool for linting many files at once; results come back as plain data.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fileDiagnostic, type FileOutcome, type FileTask, type ProcessOptions } from './process-file.js';
import type { SetupSpec } from './setup.js';
import type { WorkerInit } from './worker.js';

/** What the pool needs: the tasks, how workers rebuild the setup, and how many workers to start. */
export interface PoolOptions {
  tasks: FileTask[];
  setup: SetupSpec;
  options: ProcessOptions;
  size: number;
}

type WorkerReply = { index: number; outcome: FileOutcome } | { index: number; error: string };

// Running from sources (tests, tsx), the worker is TypeScript: a tiny bootstrap registers tsx's loader first.
const TS_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((api) => { api.register(); return import(workerData.entry); });
`;

/** Starts a worker: the built `worker.js`, or from sources `worker.ts` through tsx. */
function startWorker(init: WorkerInit): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData: init });
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { ...init, tsxApi, entry } });
}

function failed(task: FileTask, message: string): FileOutcome {
  const text = `${task.file}: internal error while linting: ${message}`;
  return {
    file: task.file,
    absolutePath: task.absolutePath,
    diagnostics: [fileDiagnostic(task.file, 'file-unparsable', text)],
    summaries: {},
    links: [],
    directives: { directives: [] },
    failure: text,
  };
}

/**
 * Processes every task on `size` workers, handing out the next file as each one finishes (big and
 * small files mix). A worker that dies fails only the file it held; its share goes to the others.
 */
export function runPool(pool: PoolOptions): Promise<FileOutcome[]> {
  const outcomes: Array<FileOutcome | undefined> = new Array(pool.tasks.length);
  let next = 0;
  let done = 0;
  let alive = 0;
  return new Promise((resolve) => {
    const finish = (): void => {
      if (done === pool.tasks.length) resolve(outcomes.map((outcome, i) => outcome ?? failed(pool.tasks[i]!, 'no result')));
    };
    const launch = (): void => {
      const worker = startWorker({ setup: pool.setup, options: pool.options });
      alive++;
      let current = -1;
      const feed = (): void => {
        if (next >= pool.tasks.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, task: pool.tasks[current] });
      };
      worker.on('message', (reply: WorkerReply) => {
        outcomes[reply.index] = 'outcome' in reply ? reply.outcome : failed(pool.tasks[reply.index]!, reply.error);
        done++;
        feed();
        finish();
      });
      worker.on('error', (error) => {
        if (current !== -1 && outcomes[current] === undefined) {
          outcomes[current] = failed(pool.tasks[current]!, error.message);
          done++;
          current = -1;
        }
      });
      worker.on('exit', () => {
        alive--;
        // The last worker died with work left: start a fresh one for the rest.
        if (alive === 0 && next < pool.tasks.length) launch();
        finish();
      });
      feed();
    };
    const size = Math.max(1, Math.min(pool.size, pool.tasks.length));
    for (let i = 0; i < size; i++) launch();
  });
}
