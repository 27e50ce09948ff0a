// Worker-thread entry of the link check: runs the link pipeline on its own heap, fed file by file by the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { isLintListsError, type ErrorCode } from '../errors.js';
import { packOutcome } from './outcome-parts.js';
import { startLinkRun, type CheckLinksOutcome, type FileLinks, type LinkProgressEvent, type LinkRunOptions } from '../links/index.js';

/** What the main thread passes at start-up: the run's options without their callbacks, which become messages. */
export interface LinkWorkerInit {
  options: Omit<LinkRunOptions, 'io' | 'onProgress'> & { io: { cwd: string; env: Record<string, string | undefined>; stderrIsTTY: boolean } };
  /** Progress goes back as messages; otherwise the pipeline draws it on the (relayed) standard error. */
  isProgressPosted: boolean;
}

/** From the main thread: one file's links, then `finish` once every file is out. */
export type LinkWorkerRequest = { kind: 'file'; file: FileLinks } | { kind: 'finish' };

/** To the main thread. A failure carries the error's code when it is one of ours, so it keeps its user-ready message. */
export type LinkWorkerReply =
  | { kind: 'stderr'; text: string }
  | { kind: 'progress'; event: LinkProgressEvent }
  /** The outcome as {@link packOutcome} wrote it, transferred rather than copied. */
  | { kind: 'done'; parts: ArrayBuffer[] }
  | { kind: 'failed'; message: string; code?: ErrorCode; stack?: string };

const port = parentPort;
const init = workerData as LinkWorkerInit;
if (port) {
  const post = (reply: LinkWorkerReply): void => port.postMessage(reply);
  const run = startLinkRun({
    ...init.options,
    io: { ...init.options.io, stderr: (text) => post({ kind: 'stderr', text }) },
    onProgress: init.isProgressPosted ? (event) => post({ kind: 'progress', event }) : undefined,
  });
  // Serialized here and handed over, not cloned: the main thread rebuilds it once this thread and its heap are gone,
  // so the results never exist on both heaps at once (at 50,000 links that doubling was the run's peak).
  const postOutcome = (outcome: CheckLinksOutcome): void => {
    const parts = packOutcome(outcome);
    port.postMessage({ kind: 'done', parts } satisfies LinkWorkerReply, parts);
  };
  const fail = (error: unknown): void => {
    if (isLintListsError(error)) post({ kind: 'failed', message: error.message, code: error.code });
    else post({ kind: 'failed', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
  };
  // A bad shard is reported once, here; the messages that follow find no run and are dropped.
  run.catch(fail);
  port.on('message', (request: LinkWorkerRequest) => {
    void run.then(async (linkRun) => {
      if (request.kind === 'file') linkRun.addFile(request.file);
      else postOutcome(await linkRun.finish());
    }, () => undefined).catch(fail);
  });
}
