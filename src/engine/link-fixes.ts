// Joins link diagnostics to their files; with fixing on, their edits go through the lint fix loop so the file is re-linted.
import type { Diagnostic, TextEdit } from '../diagnostics.js';
import { filterDiagnostics } from '../lint/directives.js';
import { groupByFile } from '../lint/engine.js';
import { fixText } from '../lint/fix.js';
import type { FileOutcome } from '../lint/process-file.js';
import type { LintSetup } from '../lint/setup.js';

/** Options of {@link applyLinkDiagnostics}. */
export interface LinkFixOptions {
  /** `--fix` or `--fix-dry-run`: link edits are applied to the fixed text. */
  isFixing: boolean;
  setup: LintSetup;
}

/**
 * Adds link diagnostics to their files (disable comments apply to them too). With fixing on, their edits
 * (offsets into the text as linted, i.e. after lint fixes) are passed to `fixText` as `extraFixes`, so the
 * file is fixed to a fixed point once more and its lint diagnostics describe the final text.
 */
export function applyLinkDiagnostics(outcomes: FileOutcome[], diagnostics: Diagnostic[], options: LinkFixOptions): void {
  const byFile = new Map(outcomes.map((outcome) => [outcome.file, outcome]));
  for (const [file, found] of groupByFile(diagnostics)) {
    const outcome = byFile.get(file);
    if (!outcome) continue;
    let kept = filterDiagnostics(outcome.directives, found);
    outcome.linkDiagnostics = kept;
    const edits: TextEdit[][] = kept.flatMap((d) => (d.fix ? [d.fix] : []));
    const fix = outcome.fix;
    if (options.isFixing && fix && edits.length > 0) {
      const refixed = fixText(outcome.file, fix.fixed, options.setup, edits, { path: outcome.absolutePath });
      if (refixed.text !== fix.fixed) {
        fix.fixed = refixed.text;
        fix.passes += refixed.passes;
        fix.applied += refixed.applied;
        outcome.diagnostics = refixed.lint.diagnostics;
        outcome.summaries = refixed.lint.summaries;
        outcome.links = refixed.lint.links;
        outcome.directives = refixed.lint.directives;
        // Fixed problems are no longer reported; a failed write is reported as `file-unwritable`.
        kept = kept.filter((d) => !d.fix);
      }
    }
    outcome.diagnostics.push(...kept);
  }
}
