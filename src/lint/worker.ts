// Worker-thread entry: rebuilds the lint setup from plain data, then processes the files the pool posts.
import { parentPort, workerData } from 'node:worker_threads';
import { processRead, type FileTask, type ProcessOptions } from './process-file.js';
import { readListFile } from './read-file.js';
import { scanInlineRisk, type InlineRisk } from './risk.js';
import { loadSetup, type SetupSpec } from './setup.js';

/** What the pool passes to each worker at start-up. */
export interface WorkerInit {
  setup: SetupSpec;
  options: ProcessOptions;
}

/** Posted before linting a file the risk scan flags: the pool arms its deadline on it. */
export interface RiskyNotice {
  index: number;
  risky: { risk: InlineRisk; chars: number };
}

const init = workerData as WorkerInit;
const port = parentPort;
// Rules and config are functions and class instances; they are rebuilt here, never posted.
const setupPromise = loadSetup(init.setup);
// Don't let a setup failure surface as an unhandled rejection before the first task arrives.
setupPromise.catch(() => undefined);

port?.on('message', (message: { index: number; task: FileTask }) => {
  void (async () => {
    try {
      const setup = await setupPromise;
      const { task } = message;
      const read = await readListFile(task.file, task.absolutePath, { cwd: init.options.cwd, maxFileSizeBytes: init.options.maxFileSizeBytes });
      const risk = read.ok ? scanInlineRisk(read.text) : undefined;
      if (!read.ok || !risk?.isRisky) {
        port.postMessage({ index: message.index, outcome: await processRead(task, read, setup, init.options) });
        return;
      }
      port.postMessage({ index: message.index, risky: { risk, chars: read.text.length } } satisfies RiskyNotice);
      // The pool may terminate this thread at any moment from here on, so the pool writes fixes, never a half-done write here.
      const isWrite = init.options.fix === 'write';
      const outcome = await processRead(task, read, setup, isWrite ? { ...init.options, fix: 'dry-run' } : init.options);
      port.postMessage({ index: message.index, outcome, shouldWrite: isWrite });
    } catch (error) {
      port.postMessage({ index: message.index, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
