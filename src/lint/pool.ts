// A small worker-thread pool for linting many files at once; results come back as plain data.
import type { Worker } from 'node:worker_threads';
import { startSiblingWorker } from '../worker-thread.js';
import { fileDiagnostic, writeFixed, type FileOutcome, type FileTask, type ProcessOptions } from './process-file.js';
import { defaultParseBudgetMs, timedOutMessage } from './risk.js';
import type { SetupSpec } from './setup.js';
import type { RiskyNotice, WorkerInit } from './worker.js';

/**
 * Fewest cores for which the pool is worth starting. On 2 cores, 8 files × 2,500 entries linted on 2 workers took
 * the same wall time as in-process (5.3–5.9 s against 5.0–5.5 s) for 1.35× the CPU and 1.3–1.6× the peak memory:
 * the main thread, the garbage collector and the workers contend for the same two cores.
 */
export const MIN_POOL_CORES = 3;

/** What the pool needs: the tasks, how workers rebuild the setup, and how many workers to start. */
export interface PoolOptions {
  tasks: FileTask[];
  setup: SetupSpec;
  options: ProcessOptions;
  size: number;
}

type WorkerReply = { index: number; outcome: FileOutcome; shouldWrite?: boolean } | { index: number; error: string } | RiskyNotice;

/** Starts a worker: the built `worker.js`, or from sources `worker.ts` through tsx. */
function startWorker(init: WorkerInit): Worker {
  return startSiblingWorker(import.meta.url, 'worker', { workerData: init });
}

function failed(task: FileTask, message: string): FileOutcome {
  return failedWith(task, `${task.file}: internal error while linting: ${message}`);
}

function failedWith(task: FileTask, text: string): FileOutcome {
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
 * A file the risk scan flags gets a deadline: past it, its worker is terminated, the file fails as
 * `file-unparsable`, and a fresh worker takes over the remaining files.
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
    const settle = (index: number, outcome: FileOutcome): void => {
      if (outcomes[index] !== undefined) return;
      outcomes[index] = outcome;
      done++;
    };
    const launch = (): void => {
      const worker = startWorker({ setup: pool.setup, options: pool.options });
      alive++;
      let current = -1;
      let deadline: NodeJS.Timeout | undefined;
      let isStopped = false;
      const feed = (): void => {
        if (next >= pool.tasks.length) {
          current = -1;
          isStopped = true;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, task: pool.tasks[current] });
      };
      const onTimeout = (index: number, notice: RiskyNotice['risky'], budgetMs: number): void => {
        if (isStopped || current !== index) return;
        isStopped = true;
        settle(index, failedWith(pool.tasks[index]!, timedOutMessage(pool.tasks[index]!.file, budgetMs, notice.risk)));
        current = -1;
        void worker.terminate();
        if (next < pool.tasks.length) launch();
        finish();
      };
      worker.on('message', (reply: WorkerReply) => {
        if (isStopped) return;
        if ('risky' in reply) {
          const budgetMs = pool.options.parseBudgetMs ?? defaultParseBudgetMs(reply.risky.chars);
          deadline = setTimeout(() => onTimeout(reply.index, reply.risky, budgetMs), budgetMs);
          return;
        }
        clearTimeout(deadline);
        if ('error' in reply) settle(reply.index, failed(pool.tasks[reply.index]!, reply.error));
        else if (reply.shouldWrite) {
          // Risky files are fixed as a dry run on the worker (which may be killed mid-way) and written here.
          const { index, outcome } = reply;
          void writeFixed(outcome).then(() => {
            settle(index, outcome);
            finish();
          });
          feed();
          return;
        } else settle(reply.index, reply.outcome);
        feed();
        finish();
      });
      worker.on('error', (error) => {
        clearTimeout(deadline);
        if (current !== -1) settle(current, failed(pool.tasks[current]!, error.message));
        current = -1;
      });
      worker.on('exit', (code) => {
        clearTimeout(deadline);
        if (current !== -1 && !isStopped) settle(current, failed(pool.tasks[current]!, `worker exited with code ${code}`));
        current = -1;
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
