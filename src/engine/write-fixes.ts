// The single write of a fix run: each changed file written once; a file left unwritten reports its problems as they stand on disk.
import { lintText } from '../lint/lint-text.js';
import { writeFixed, type FileOutcome } from '../lint/process-file.js';
import type { LintSetup } from '../lint/setup.js';

/**
 * Writes every outcome whose text changed. When a write is refused or fails, the file on disk is unchanged, so its
 * diagnostics go back to those of the text as read (plus its link problems) next to the `file-unwritable` reason.
 * One file failing never stops the others.
 */
export async function writeFixedFiles(outcomes: FileOutcome[], setup: LintSetup): Promise<void> {
  for (const outcome of outcomes) {
    const fix = outcome.fix;
    if (!fix || fix.fixed === fix.original) continue;
    if (await writeFixed(outcome)) continue;
    const reasons = outcome.diagnostics.filter((d) => d.ruleId === 'file-unwritable');
    const lint = lintText(outcome.file, fix.original, setup, { path: outcome.absolutePath });
    outcome.diagnostics = [...lint.diagnostics, ...(outcome.linkDiagnostics ?? []), ...reasons];
    outcome.summaries = lint.summaries;
    outcome.directives = lint.directives;
    fix.fixed = fix.original;
    fix.applied = 0;
    fix.passes = 0;
  }
}
