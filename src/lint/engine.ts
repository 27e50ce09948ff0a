// Lints a set of files (in-process or on worker threads), then runs the run-wide rules over their summaries.
import { availableParallelism } from 'node:os';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { fingerprintSetup, openLintCache, type LintCache, type LintCacheOptions } from './cache.js';
import type { ReportDescriptor } from '../rules/define-rule.js';
import { filterDiagnostics } from './directives.js';
import { MIN_POOL_CORES, runPool } from './pool.js';
import { processRead, type FileOutcome, type FileTask, type ProcessOptions } from './process-file.js';
import { readListFile } from './read-file.js';
import { scanInlineRisk } from './risk.js';
import { ruleCrashed, toDiagnostic } from './run.js';
import { loadSetup, type LintSetup, type SetupSpec } from './setup.js';

/** Below this much Markdown in total, starting workers costs more than it saves. */
export const PARALLEL_MIN_TOTAL_BYTES = 512 * 1024;

/** What to lint and how. */
export interface LintFilesOptions extends ProcessOptions {
  tasks: Array<FileTask & { sizeBytes?: number }>;
  /** How to build the setup; workers rebuild it from this. */
  setup: SetupSpec;
  /** An already built setup for this thread (saves building it twice); built from `setup` when absent. */
  localSetup?: LintSetup;
  /** Worker threads to use: `auto` decides from file count, sizes and cores; 0 or 1 lints in-process. */
  workers?: number | 'auto';
  /** The caller runs `runRunWideRules` itself, later (after link fixes changed some files). */
  isRunWideDeferred?: boolean;
  /** Reuse results of unchanged files from this cache file (ignored when fixing). */
  cache?: LintCacheOptions;
}

/** How many workers `auto` picks for these tasks (0: lint in-process). */
export function chooseWorkerCount(tasks: Array<{ sizeBytes?: number }>, cores = availableParallelism()): number {
  if (tasks.length < 2 || cores < MIN_POOL_CORES) return 0;
  const totalBytes = tasks.reduce((sum, task) => sum + (task.sizeBytes ?? 0), 0);
  if (totalBytes < PARALLEL_MIN_TOTAL_BYTES) return 0;
  return Math.min(tasks.length, cores);
}

/** Lints (or fixes) every file, then applies run-wide rules (unless deferred); each outcome's diagnostics come back sorted. */
export async function lintFiles(options: LintFilesOptions): Promise<FileOutcome[]> {
  const setup = options.localSetup ?? (await loadSetup(options.setup));
  const workers = options.workers === undefined || options.workers === 'auto' ? chooseWorkerCount(options.tasks) : options.workers;
  const isCacheOn = options.cache !== undefined && (options.fix ?? 'off') === 'off';
  // The cache stores links for a later run that checks them.
  const isLinksKept = options.isLinksKept !== false || isCacheOn;
  const processOptions: ProcessOptions = { cwd: options.cwd, maxFileSizeBytes: options.maxFileSizeBytes, fix: options.fix, parseBudgetMs: options.parseBudgetMs, isLinksKept };
  const tasks = options.tasks.map(({ file, absolutePath }) => ({ file, absolutePath }));
  const lint = async (pending: FileTask[]): Promise<FileOutcome[]> =>
    workers > 1 && pending.length > 1
      ? runPool({ tasks: pending, setup: options.setup, options: processOptions, size: workers })
      : lintInProcess(pending, setup, options.setup, processOptions);
  const outcomes = isCacheOn ? await lintWithCache(tasks, await openLintCache(options.cache!, fingerprintSetup(setup, options.setup)), lint, processOptions) : await lint(tasks);
  if (options.isRunWideDeferred) return outcomes;
  runRunWideRules(outcomes, setup);
  for (const outcome of outcomes) outcome.diagnostics.sort(compareDiagnostics);
  return outcomes;
}

/**
 * Restores unchanged files from the cache, lints the rest with `lint` and stores their outcomes. Run-wide rules
 * then see every file's summary, cached or fresh, so cross-file checks stay whole.
 */
async function lintWithCache(tasks: FileTask[], cache: LintCache, lint: (pending: FileTask[]) => Promise<FileOutcome[]>, options: ProcessOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(tasks.length);
  const hashes = await Promise.all(tasks.map((task) => cache.hashFile(task.absolutePath, options.maxFileSizeBytes)));
  const missed: number[] = [];
  for (const [index, task] of tasks.entries()) {
    const hash = hashes[index];
    const hit = hash === undefined ? undefined : cache.lookup(task.file, task.absolutePath, hash);
    if (hit) outcomes[index] = hit;
    else missed.push(index);
  }
  if (missed.length > 0) {
    const fresh = await lint(missed.map((index) => tasks[index]!));
    for (const [k, index] of missed.entries()) {
      outcomes[index] = fresh[k]!;
      const hash = hashes[index];
      if (hash !== undefined) cache.store(tasks[index]!.absolutePath, hash, fresh[k]!);
    }
    await cache.save();
  }
  return outcomes;
}

/**
 * Lints files on this thread, except those the risk scan flags: remark could take minutes on them, so
 * they go to one worker thread with a deadline (see `runPool`), which reads them again.
 */
async function lintInProcess(tasks: FileTask[], setup: LintSetup, spec: SetupSpec, options: ProcessOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(tasks.length);
  const risky: number[] = [];
  for (const [index, task] of tasks.entries()) {
    const read = await readListFile(task.file, task.absolutePath, { cwd: options.cwd, maxFileSizeBytes: options.maxFileSizeBytes });
    if (read.ok && scanInlineRisk(read.text).isRisky) risky.push(index);
    else outcomes[index] = await processRead(task, read, setup, options);
  }
  if (risky.length > 0) {
    const guarded = await runPool({ tasks: risky.map((index) => tasks[index]!), setup: spec, options, size: 1 });
    for (const [k, index] of risky.entries()) outcomes[index] = guarded[k]!;
  }
  return outcomes;
}

/** Runs every active rule that has `checkRun` over the summaries of the files that were linted. */
export function runRunWideRules(outcomes: FileOutcome[], setup: LintSetup): void {
  const byFile = new Map(outcomes.map((outcome) => [outcome.file, outcome]));
  for (const active of setup.rules) {
    const checkRun = active.rule.checkRun;
    if (!checkRun) continue;
    // Summaries are read on demand: a cached file's summary is decoded only if the rule looks at it.
    const files = outcomes
      .filter((o) => o.failure === undefined && active.rule.id in o.summaries)
      .map((o) => ({
        file: o.file,
        get summary(): unknown {
          return o.summaries[active.rule.id];
        },
      }));
    const found: Diagnostic[] = [];
    try {
      checkRun.call(active.rule, {
        files,
        style: setup.style,
        options: active.options,
        report: (file: string, descriptor: ReportDescriptor) => found.push(toDiagnostic(active, file, descriptor)),
      });
    } catch (error) {
      const first = outcomes[0];
      if (first) found.push(ruleCrashed(active.rule.id, first.file, error));
    }
    // One filter per file, not per diagnostic: each call compiles that file's disable comments.
    for (const [file, diagnostics] of groupByFile(found)) {
      const outcome = byFile.get(file);
      if (outcome) outcome.diagnostics.push(...filterDiagnostics(outcome.directives, diagnostics));
    }
  }
}

/** Diagnostics grouped by their file, in first-seen order. */
export function groupByFile(diagnostics: Diagnostic[]): Map<string, Diagnostic[]> {
  const grouped = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = grouped.get(diagnostic.file);
    if (list) list.push(diagnostic);
    else grouped.set(diagnostic.file, [diagnostic]);
  }
  return grouped;
}
