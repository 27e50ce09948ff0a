// The link stage of a run: hands the linted files' links and the resolved config to the link-check pipeline on a worker thread.
import type { ResourceLimits } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { linksSchema } from '../config/links-schema.js';
import { LintListsError } from '../errors.js';
import type { CheckLinksOutcome, LinkIo, LinkProgressEvent } from '../links/index.js';
import { startSiblingWorker } from '../worker-thread.js';
import { unpackOutcome } from './outcome-parts.js';
import type { LinkWorkerInit, LinkWorkerReply, LinkWorkerRequest } from './link-worker.js';
import type { LinkRef } from '../markdown/types.js';
import type { LinkResult } from '../links/types.js';

/** What a run hands the link check: the parsed files' links, the resolved config, the link flags and where messages go. */
export interface LinkCheckInput {
  /**
   * The files' links. The real pipeline takes them file by file and empties each file's `links` once they are out,
   * so the link references can be collected while the URLs are checked.
   */
  files: Array<{ file: string; links: LinkRef[] }>;
  config: ResolvedConfig;
  argv: {
    fix: boolean;
    changedSince?: string;
    shard?: string;
    /** A cache file, `false` for `--no-cache`, absent for the configured one. */
    cache?: string | false;
    quiet: boolean;
    allowPrivate?: string[];
  };
  /** Working directory, environment (token) and the warning channel. */
  io: LinkIo;
  /** Progress as results come in; absent: none. */
  onProgress?: (event: LinkProgressEvent) => void;
}

/** What the link check found; `networkDown` becomes exit code 3, `diagnostic.fix` goes into the fix loop. */
export interface LinkCheckOutput {
  diagnostics: Diagnostic[];
  results: LinkResult[];
  networkDown: boolean;
}

/** A link checker as a run calls it; tests pass a scripted one. */
export type LinkCheckerRun = (input: LinkCheckInput) => Promise<LinkCheckOutput>;

/**
 * Runs the link-check pipeline on a worker thread, fed file by file: a file's links are posted as soon as the run is
 * given them and dropped here, and only compact occurrences stay behind on the worker. Its messages to standard error
 * and its progress come back as messages; a bad shard or ref comes back as the same user-ready error.
 *
 * Why a thread: the worker's heap gets its own limits ({@link linkCheckHeapLimits}), so the garbage of tens of
 * thousands of requests is collected early instead of piling up to the main heap's far larger limit.
 */
export async function runLinkChecks(input: LinkCheckInput): Promise<LinkCheckOutput> {
  const { argv, io } = input;
  const init: LinkWorkerInit = {
    options: {
      // A config resolved without a `links` block still gets every default.
      config: input.config.links ?? linksSchema.parse({}),
      linkSeverity: input.config.linkRules,
      changedSince: argv.changedSince,
      shard: argv.shard,
      cache: argv.cache,
      allowPrivate: argv.allowPrivate,
      quiet: argv.quiet,
      io: { cwd: io.cwd, env: { ...io.env }, stderrIsTTY: io.stderrIsTTY },
    },
    isProgressPosted: input.onProgress !== undefined,
  };
  const linkCount = input.files.reduce((sum, file) => sum + file.links.length, 0);
  const limits = linkCheckHeapLimits(linkCount);
  const worker = startSiblingWorker(import.meta.url, 'link-worker', { workerData: init, resourceLimits: limits });
  const outcome = new Promise<ArrayBuffer[]>((resolve, reject) => {
    worker.on('message', (reply: LinkWorkerReply) => {
      if (reply.kind === 'stderr') io.stderr(reply.text);
      else if (reply.kind === 'progress') input.onProgress?.(reply.event);
      else if (reply.kind === 'done') resolve(reply.parts);
      else reject(failure(reply));
    });
    worker.on('error', (error: Error & { code?: string }) => reject(describeWorkerError(error, linkCount, limits)));
    worker.on('exit', (code) => reject(new Error(`the link check stopped before it finished (exit code ${code})`)));
  });
  let parts: ArrayBuffer[];
  try {
    for (const file of input.files) {
      worker.postMessage({ kind: 'file', file: { file: file.file, links: file.links } } satisfies LinkWorkerRequest);
      file.links = [];
    }
    worker.postMessage({ kind: 'finish' } satisfies LinkWorkerRequest);
    parts = await outcome;
  } finally {
    // Kept-alive connections and idle timers would hold the thread: it is stopped once its answer is in.
    await worker.terminate();
  }
  // Rebuilt only now that the worker's heap is gone.
  return unpackOutcome(parts);
}

/**
 * The link check's heap limits for a run of `linkCount` links. With a heap limit of 2 GB or more V8 lets the old
 * generation grow to four times what survived its last full collection (1.3 to 2 times below that), and Node's
 * default limit is about 4 GB: at 50,000 links over 1,000 hosts, checked on the main heap, garbage piled up to a
 * 274 MB peak for about 52 MB live. Here the old generation gets 256 MB plus 4 kB a link: about three times the
 * most the worker held at 50,000 links (70 MB, 1.4 kB a link, while the results were built), with a floor for small
 * runs. A small young generation promotes a little more and is collected more often, but keeps its pages few: at
 * 12 MB the 50,000-link run took 28–36 s of CPU against 23 s on the main heap, in the same wall time.
 */
export function linkCheckHeapLimits(linkCount: number): ResourceLimits {
  return { maxOldGenerationSizeMb: 256 + Math.ceil((linkCount * 4) / 1024), maxYoungGenerationSizeMb: 12 };
}

/** A failure the worker reported, rebuilt: one of our errors keeps its code, anything else its stack. */
function failure(reply: Extract<LinkWorkerReply, { kind: 'failed' }>): Error {
  if (reply.code !== undefined) return new LintListsError(reply.code, reply.message);
  const error = new Error(reply.message);
  if (reply.stack !== undefined) error.stack = reply.stack;
  return error;
}

/** A worker error as the run reports it: running out of the heap limit says so, with what to do about it. */
export function describeWorkerError(error: Error & { code?: string }, linkCount: number, limits: ResourceLimits): Error {
  if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return error;
  const limitMb = limits.maxOldGenerationSizeMb;
  return new LintListsError('INTERNAL', `the link check of ${linkCount} links ran out of memory (its heap is limited to ${limitMb} MB); split the run with --shard k/n`);
}
