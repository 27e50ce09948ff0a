// The reusable action's entry point: lint (and optionally link-check), then annotate, summarise and write the report.
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../cli/main.js';
import type { Io } from '../cli/io.js';
import { isLintListsError } from '../errors.js';
import { readReportFile } from '../report/read-report.js';
import { escapeData } from '../report/github.js';
import { getReporter } from '../report/index.js';
import type { Report } from '../report/types.js';
import { readActionInputs, type ActionInputs } from './action-inputs.js';
import { plural } from '../plural.js';
import { isBroken } from './report-state.js';

const EXTENSIONS = { markdown: 'md', json: 'json', sarif: 'sarif' } as const;

/** Runs the action with the given process window; returns the step's exit code. */
export async function runAction(io: Io): Promise<number> {
  let inputs: ActionInputs;
  try {
    inputs = readActionInputs(io.env);
  } catch (error) {
    io.stdout(`::error title=lint-lists::${escapeData(isLintListsError(error) ? error.message : String(error))}\n`);
    return 2;
  }
  const scratch = await mkdtemp(path.join(io.env.RUNNER_TEMP || tmpdir(), 'lint-lists-'));
  try {
    const jsonPath = path.join(scratch, 'report.json');
    const code = await main(cliArguments(inputs, jsonPath), { ...io, stdout: () => undefined });
    if (code === 2) {
      io.stdout(`::error title=lint-lists::lint-lists could not run; see the log above\n`);
      return code;
    }
    // Exit 3 (network down) still wrote a report: its lint findings and the warning belong on the pull request.
    const report = await readReportFile(jsonPath, io.cwd);

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
    io.stderr(`lint-lists: ${plural(report.summary.errors, 'error')}, ${plural(report.summary.warnings, 'warning')}, ${plural(broken, 'broken link')}; report at ${reportPath}\n`);
    if (code === 3) return code;
    return failed(inputs.failLevel, report) ? 1 : 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The `lint-lists` arguments equivalent to the action's inputs (arguments, never a shell string). */
export function cliArguments(inputs: ActionInputs, jsonPath: string): string[] {
  const args = ['--format', 'json', '--output', jsonPath];
  if (inputs.config) args.push('--config', inputs.config);
  if (inputs.links) args.push('--links');
  if (inputs.links && inputs.changedOnly && inputs.baseRef) args.push('--changed-since', inputs.baseRef);
  if (inputs.cache) args.push('--cache', inputs.cache);
  // `--` keeps a path that starts with a dash from being read as an option.
  return [...args, '--', ...inputs.paths];
}

function failed(level: ActionInputs['failLevel'], report: Report): boolean {
  if (level === 'none') return false;
  return report.summary.errors > 0 || (level === 'warning' && report.summary.warnings > 0);
}

