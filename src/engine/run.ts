// One run, start to end: inputs → lint (fixes computed) → link checks → link fixes through the same fix loop → one write per file → Report.
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve.js';
import { compareDiagnostics } from '../diagnostics.js';
import type { LinkProgressEvent } from '../links/index.js';
import type { LinkResult } from '../links/types.js';
import { lintFiles, runRunWideRules } from '../lint/engine.js';
import { resolveInputs, type ResolvedInputs } from '../lint/inputs.js';
import { fileDiagnostic, type FileOutcome } from '../lint/process-file.js';
import type { LintSetup, SetupSpec } from '../lint/setup.js';
import { removeStaleTempFiles } from '../write-atomic.js';
import type { FileReport, Report } from '../report/types.js';
import type { AnyRule } from '../rules/define-rule.js';
import { buildReport } from './build-report.js';
import { runLinkChecks, type LinkCheckerRun } from './check-links.js';

/** What a run reports while it works; every callback is optional and nothing is printed otherwise. */
export interface RunEvents {
  /** Something the person running should know (cache trouble, network down, a stale temp file removed). */
  onWarning?(message: string): void;
  /** Link-check progress. */
  onLinkProgress?(event: LinkProgressEvent): void;
}

/** A loaded config ready to run: the resolved settings, the setup every file is linted with, and how workers rebuild it. */
export interface RunConfig {
  config: ResolvedConfig;
  setup: LintSetup;
  /** Rebuilds `setup` in a worker thread. */
  setupSpec: SetupSpec;
  /** The rule registry, for the report's rule table. */
  registry: readonly AnyRule[];
}

/** Everything one run takes besides the config. */
export interface RunOptions {
  /** Files, folders or globs, relative to `cwd`; empty: the config's `files` (relative to the config's folder), else the readme. */
  paths: string[];
  /** Folder the report's paths are relative to and symlinks must stay inside. */
  cwd: string;
  /** Environment the link check reads (the GitHub token variable). */
  env?: Record<string, string | undefined>;
  /** Lint rules reported (false for `lint-lists links`). */
  isLintOn: boolean;
  isLinksOn: boolean;
  /** `write` fixes files in place (each written once), `dry-run` only computes the fixed text and a diff. */
  fix: 'off' | 'write' | 'dry-run';
  /** Warnings left out of the report; no link progress. */
  isQuiet: boolean;
  maxFileSizeBytes?: number;
  /** Time allowed for a file the risk scan flags. */
  parseBudgetMs?: number;
  /** Worker threads: `auto` unless a caller (tests, benchmarks) insists. */
  workers?: number | 'auto';
  /** Lint cache file, relative to `cwd`: results of unchanged files are reused (the action passes its cache path here). */
  lintCache?: string;
  links?: { changedSince?: string; shard?: string; cache?: string | false; allowPrivate?: string[] };
  /** The link checker; default the real pipeline. */
  linkChecker?: LinkCheckerRun;
  events?: RunEvents;
}

/** What a run produced: the report, for `dry-run` a unified diff per changed file, and notes on how inputs were chosen. */
export interface RunResult {
  report: Report;
  diffs: string[];
  inputs: Pick<ResolvedInputs, 'notices' | 'warnings' | 'errors'>;
}

/** Runs lint and/or link checks; throws LintListsError only for bad input (paths, refs, shard). */
export async function runLint(loaded: RunConfig, options: RunOptions): Promise<RunResult> {
  const { config, setup } = loaded;
  const cwd = path.resolve(options.cwd);
  const warn = (message: string): void => options.events?.onWarning?.(message);
  // CLI paths (relative to the working directory), else config `files` (relative to its folder), else the readme.
  const inputs = await resolveInputs(options.paths, config, cwd);
  if (options.fix === 'write') await removeStaleTempFiles(inputs.files.map((file) => path.dirname(file.absolutePath)), { onRemoved: (removed: string) => warn(`removed ${path.relative(cwd, removed)}, left by an interrupted run`) });
  // Fixes are computed here and written at the end, after link fixes joined them: one write per file.
  const outcomes = await lintFiles({
    tasks: inputs.files,
    setup: loaded.setupSpec,
    localSetup: setup,
    cwd,
    maxFileSizeBytes: options.maxFileSizeBytes,
    fix: options.fix === 'off' ? 'off' : 'dry-run',
    workers: options.workers ?? 'auto',
    parseBudgetMs: options.parseBudgetMs,
    isRunWideDeferred: true,
    isLinksKept: options.isLinksOn,
    cache: options.lintCache !== undefined ? { location: path.resolve(cwd, options.lintCache), onWarning: warn } : undefined,
  });
  let links: LinkResult[] | undefined;
  let networkDown = false;
  if (options.isLinksOn) {
    const check = options.linkChecker ?? runLinkChecks;
    const checked = await check({
      // Handed over, not shared: the link check drops each file's references once its URLs are out.
      files: outcomes.filter((o) => o.failure === undefined).map(takeLinks),
      config,
      argv: { fix: options.fix !== 'off', quiet: options.isQuiet, ...options.links },
      io: { cwd, env: options.env ?? {}, stderr: (text) => warn(text.replace(/\n$/, '')), stderrIsTTY: false },
      // Always an event handler, so the link checker never draws progress itself.
      onProgress: (event) => {
        if (!options.isQuiet) options.events?.onLinkProgress?.(event);
      },
    });
    links = checked.results;
    networkDown = checked.networkDown;
    const { applyLinkDiagnostics } = await import('./link-fixes.js');
    applyLinkDiagnostics(outcomes, checked.diagnostics, { isFixing: options.fix !== 'off', setup });
  }
  // The fixing modules load the parser: a lint-only run whose files all come from the lint cache never needs it.
  if (options.fix === 'write') await (await import('./write-fixes.js')).writeFixedFiles(outcomes, setup);
  runRunWideRules(outcomes, setup);
  for (const outcome of outcomes) outcome.diagnostics.sort(compareDiagnostics);
  const files: FileReport[] = [
    ...outcomes.map(toFileReport),
    ...inputs.problems.map((problem) => ({ file: problem.file, diagnostics: [fileDiagnostic(problem.file, 'file-unreadable', problem.message)], failure: problem.message })),
  ];
  const fixDiff = options.fix === 'dry-run' ? (await import('../lint/fix.js')).fixDiff : undefined;
  const diffs = fixDiff ? outcomes.flatMap((o) => (o.fix ? [fixDiff(o.file, o.fix.original, o.fix.fixed)] : [])).filter((d) => d !== '') : [];
  const report = buildReport({ cwd, files, registry: loaded.registry, links, networkDown, isQuiet: options.isQuiet });
  return { report, diffs, inputs: { notices: inputs.notices, warnings: inputs.warnings, errors: inputs.errors } };
}

/** A file's link references for the link check, leaving the outcome without them (nothing reads them later). */
function takeLinks(outcome: FileOutcome): { file: string; links: FileOutcome['links'] } {
  const { links } = outcome;
  outcome.links = [];
  return { file: outcome.file, links };
}

function toFileReport(outcome: FileOutcome): FileReport {
  const report: FileReport = { file: outcome.file, diagnostics: outcome.diagnostics };
  if (outcome.failure !== undefined) report.failure = outcome.failure;
  return report;
}
