// The report's summary line (errors, warnings, fixable, files): computed in one place for runs and merged shards.
import type { FileReport, Report } from './types.js';

/** Counts a report's problems; a file that failed counts as having problems even when its diagnostics were filtered. */
export function summarizeFiles(files: readonly FileReport[]): Report['summary'] {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const file of files) {
    for (const diagnostic of file.diagnostics) {
      if (diagnostic.severity === 'error') errors++;
      else warnings++;
      if (diagnostic.fix !== undefined && diagnostic.fix.length > 0) fixable++;
    }
  }
  const filesWithProblems = files.filter((file) => file.diagnostics.length > 0 || file.failure !== undefined).length;
  return { errors, warnings, fixable, files: files.length, filesWithProblems };
}
