// The reusable action's run: lint (and optionally link-check) through the engine, then annotate, summarise and write the report.
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadRunConfig } from '../engine/load.js';
import { runLint, type RunOptions } from '../engine/run.js';
import { isLintListsError } from '../errors.js';
import { escapeData } from '../report/github.js';
import { getReporter } from '../report/index.js';
import type { Report } from '../report/types.js';
import { readActionInputs, type ActionInputs } from './action-inputs.js';
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
    report = await runEngine(inputs, io, options);
  } catch (error) {
    const message = isLintListsError(error) ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    io.stdout(`::error title=lint-lists::${escapeData(message)}\n`);
    return 2;
  }
  io.stdout(getReporter('github')(report, { color: false }));
  const summary = getReporter('markdown')(report, { color: false });
  if (io.env.GITHUB_STEP_SUMMARY) await appendFile(io.env.GITHUB_STEP_SUMMARY, `${summary}\n`);

  const reportPath = path.resolve(io.cwd, inputs.reportPath ?? path.join(io.env.RUNNER_TEMP || io.cwd, `lint-lists-report.${EXTENSIONS[inputs.reportFormat]}`));
  await writeFile(reportPath, inputs.reportFormat === 'markdown' ? summary : getReporter(inputs.reportFormat)(report, { color: false }));

  const broken = (report.links ?? []).filter(isBroken).length;
  if (io.env.GITHUB_OUTPUT) {
    const lines = [`errors=${report.summary.errors}`, `warnings=${report.summary.warnings}`, `broken-links=${broken}`, `report-path=${reportPath}`];
    await appendFile(io.env.GITHUB_OUTPUT, `${lines.join('\n')}\n`);
  }
  io.stderr(`lint-lists: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${broken} broken links; report at ${reportPath}\n`);
  // Network down still produced a report: its lint findings and the warning belong on the pull request.
  if (report.networkDown) return 3;
  return failed(inputs.failLevel, report) ? 1 : 0;
}

/** The inputs as an engine run: config once, then lint (and links); warnings go to the log. */
async function runEngine(inputs: ActionInputs, io: ActionIo, options: ActionOptions): Promise<Report> {
  const loaded = await loadRunConfig({ cwd: io.cwd, ...(inputs.config !== undefined ? { configPath: inputs.config } : {}) });
  for (const warning of loaded.config.warnings) io.stderr(`lint-lists: ${warning}\n`);
  const { report } = await runLint(loaded, {
    paths: inputs.paths,
    cwd: io.cwd,
    env: io.env,
    isLintOn: true,
    isLinksOn: inputs.links,
    fix: 'off',
    isQuiet: false,
    workers: options.workers,
    linkChecker: options.linkChecker,
    links: {
      ...(inputs.links && inputs.changedOnly && inputs.baseRef ? { changedSince: inputs.baseRef } : {}),
      ...(inputs.cache !== undefined ? { cache: inputs.cache } : {}),
    },
    events: { onWarning: (message) => io.stderr(`${message}\n`) },
  });
  return report;
}

function failed(level: ActionInputs['failLevel'], report: Report): boolean {
  if (level === 'none') return false;
  return report.summary.errors > 0 || (level === 'warning' && report.summary.warnings > 0);
}
