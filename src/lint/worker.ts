// Worker-thread entry: rebuilds the lint setup from plain data, then processes the files the pool posts.
import { parentPort, workerData } from 'node:worker_threads';
import { processFile, type FileTask, type ProcessOptions } from './process-file.js';
import { loadSetup, type SetupSpec } from './setup.js';

/** What the pool passes to each worker at start-up. */
export interface WorkerInit {
  setup: SetupSpec;
  options: ProcessOptions;
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
      const outcome = await processFile(message.task, setup, init.options);
      port.postMessage({ index: message.index, outcome });
    } catch (error) {
      port.postMessage({ index: message.index, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
