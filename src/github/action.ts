// The reusable action's run: lint (and optionally link-check) through the engine, then annotate, summarise and write the report.
import { execFile } from 'node:child_process';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadRunConfig } from '../engine/load.js';
import { runLint, type RunOptions } from '../engine/run.js';
import { isLintListsError } from '../errors.js';
import { escapeData } from '../report/github.js';
import { getReporter } from '../report/index.js';
import type { Report } from '../report/types.js';
import { readActionInputs, type ActionInputs } from './action-inputs.js';
import { plural } from '../plural.js';
import { isBroken } from './report-state.js';

const EXTENSIONS = { markdown: 'md', json: 'json', sarif: 'sarif' } as const;

/** The action's window on the runner process: workflow commands on stdout, logs on stderr, INPUT_* and paths in env. */
export interface ActionIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Hooks for tests: a scripted link checker, a fixed worker count. */
export interface ActionOptions {
  linkChecker?: RunOptions['linkChecker'];
  workers?: RunOptions['workers'];
}

/** Runs the action with the given process window; returns the step's exit code (0 pass, 1 problems, 2 could not run, 3 network down). */
export async function runAction(io: ActionIo, options: ActionOptions = {}): Promise<number> {
  let inputs: ActionInputs;
  let report: Report;
  try {
    inputs = readActionInputs(io.env);
    if (inputs.links && inputs.changedOnly && inputs.baseRef) await ensureCommit(inputs.baseRef, io);
    const run = await runEngine(inputs, io, options);
    if (run.errors.length > 0) {
      for (const error of run.errors) io.stdout(`::error title=lint-lists::${escapeData(error)}\n`);
      return 2;
    }
    report = run.report;
  } catch (error) {
    const message = isLintListsError(error) ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    io.stdout(`::error title=lint-lists::${escapeData(message)}\n`);
    return 2;
  }
  io.stdout(getReporter('github')(report, { color: false }));
  const summary = getReporter('markdown')(report, { color: false }) + hiddenAnnotationsNote(report);
  if (io.env.GITHUB_STEP_SUMMARY) await appendFile(io.env.GITHUB_STEP_SUMMARY, `${summary}\n`);

  const reportPath = path.resolve(io.cwd, inputs.reportPath ?? path.join(io.env.RUNNER_TEMP || io.cwd, `lint-lists-report.${EXTENSIONS[inputs.reportFormat]}`));
  await writeFile(reportPath, inputs.reportFormat === 'markdown' ? summary : getReporter(inputs.reportFormat)(report, { color: false }));

  const broken = (report.links ?? []).filter(isBroken).length;
  if (io.env.GITHUB_OUTPUT) {
    const lines = [`errors=${report.summary.errors}`, `warnings=${report.summary.warnings}`, `broken-links=${broken}`, `report-path=${reportPath}`];
    await appendFile(io.env.GITHUB_OUTPUT, `${lines.join('\n')}\n`);
  }
  io.stderr(`lint-lists: ${plural(report.summary.errors, 'error')}, ${plural(report.summary.warnings, 'warning')}, ${plural(broken, 'broken link')}; report at ${reportPath}\n`);
  // Network down still produced a report: its lint findings and the warning belong on the pull request.
  if (report.networkDown) return 3;
  return failed(inputs.failLevel, report) ? 1 : 0;
}

/** The inputs as an engine run: config once, then lint (and links); warnings go to the log. */
async function runEngine(inputs: ActionInputs, io: ActionIo, options: ActionOptions): Promise<{ report: Report; errors: string[] }> {
  const loaded = await loadRunConfig({ cwd: io.cwd, ...(inputs.config !== undefined ? { configPath: inputs.config } : {}) });
  for (const warning of loaded.config.warnings) io.stderr(`lint-lists: ${warning}\n`);
  const cacheDir = inputs.cacheDir !== undefined ? path.resolve(io.cwd, inputs.cacheDir) : undefined;
  if (cacheDir !== undefined) await mkdir(cacheDir, { recursive: true });
  const { report, inputs: chosen } = await runLint(loaded, {
    paths: inputs.paths,
    cwd: io.cwd,
    env: io.env,
    isLintOn: true,
    isLinksOn: inputs.links,
    fix: 'off',
    isQuiet: false,
    workers: options.workers,
    linkChecker: options.linkChecker,
    ...(cacheDir !== undefined ? { lintCache: path.join(cacheDir, 'lint.json') } : {}),
    links: {
      ...(inputs.links && inputs.changedOnly && inputs.baseRef ? { changedSince: inputs.baseRef } : {}),
      ...(cacheDir !== undefined ? { cache: path.join(cacheDir, 'links.json') } : {}),
    },
    events: { onWarning: (message) => io.stderr(`${message}\n`) },
  });
  for (const notice of [...chosen.notices, ...chosen.warnings]) io.stderr(`lint-lists: ${notice}\n`);
  return { report, errors: chosen.errors };
}

// GitHub shows at most this many annotations of each type per step; the rest are only in the summary and report.
const ANNOTATIONS_SHOWN_PER_TYPE = 10;

/** A line for the job summary when GitHub's per-step annotation limit hides some problems. */
export function hiddenAnnotationsNote(report: Report): string {
  const hidden = Math.max(0, report.summary.errors - ANNOTATIONS_SHOWN_PER_TYPE) + Math.max(0, report.summary.warnings - ANNOTATIONS_SHOWN_PER_TYPE);
  if (hidden === 0) return '';
  return `\n> GitHub shows at most ${ANNOTATIONS_SHOWN_PER_TYPE} annotations of each type per step, so ${plural(hidden, 'problem')} of this run ${hidden === 1 ? 'is' : 'are'} listed here and in the report but not annotated on the diff.\n`;
}

/**
 * Makes sure the base commit of a pull request is present: a shallow checkout (the default of actions/checkout)
 * lacks it, and the changed lines are found by diffing against it. Arguments are passed without a shell.
 */
async function ensureCommit(ref: string, io: ActionIo): Promise<void> {
  if (await git(['cat-file', '-e', `${ref}^{commit}`], io.cwd)) return;
  io.stderr(`lint-lists: fetching ${ref} to find the lines this change touches\n`);
  if (!(await git(['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', ref], io.cwd))) {
    io.stderr(`lint-lists: could not fetch ${ref}; set fetch-depth: 0 on actions/checkout\n`);
  }
}

function git(args: string[], cwd: string): Promise<boolean> {
  return new Promise((resolve) => execFile('git', args, { cwd }, (error) => resolve(error === null)));
}

function failed(level: ActionInputs['failLevel'], report: Report): boolean {
  if (level === 'none') return false;
  return report.summary.errors > 0 || (level === 'warning' && report.summary.warnings > 0);
}
