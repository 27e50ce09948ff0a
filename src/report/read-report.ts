// Reads JSON reports written by `--format json` (shard results, the weekly run, the action's own run), refusing anything else clearly.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LintListsError } from '../errors.js';
import { REPORT_FORMAT_VERSION, type Report } from './types.js';

/** Reads one JSON report; a missing file, bad JSON or another format version is a `USAGE` error naming the file. */
export async function readReportFile(file: string, cwd: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new LintListsError('INPUT_NOT_FOUND', `${file}: cannot read the report (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LintListsError('USAGE', `${file}: not a JSON report (${(error as Error).message})`, { cause: error });
  }
  const report = data as Partial<Report>;
  if (typeof data !== 'object' || data === null || report.tool?.name !== 'lint-lists' || !Array.isArray(report.files)) {
    throw new LintListsError('USAGE', `${file}: not a lint-lists JSON report (write one with --format json)`);
  }
  if (report.version !== REPORT_FORMAT_VERSION) {
    throw new LintListsError('USAGE', `${file}: report format version ${String(report.version)}, expected ${REPORT_FORMAT_VERSION}`);
  }
  return data as Report;
}
