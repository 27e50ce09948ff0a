// `--fix`: lint → apply edits until nothing changes (at most 10 passes); `--fix-dry-run` diffs instead of writing.
import type { TextEdit } from '../diagnostics.js';
import { applyEdits } from './apply-edits.js';
import { unifiedDiff } from './fix-diff.js';
import { detectEol, normalizeEol } from './eol.js';
import { withholdUncertainFixes } from './fix-safety.js';
import { lintText, type TextLint } from './lint-text.js';
import type { DocumentLocation } from '../markdown/types.js';
import type { LintSetup } from './setup.js';

/** Passes of lint → apply before giving up: fixes that keep enabling each other must still terminate. */
export const MAX_FIX_PASSES = 10;

/** The result of fixing one text. */
export interface FixedText {
  text: string;
  /** How many passes changed the text. */
  passes: number;
  /** How many fixes were applied in total. */
  applied: number;
  /** The lint of the final text: what is left to report. */
  lint: TextLint;
}

/** Applies `fixes` to `text`, converting line endings the fixes insert to the document's own (`eol`, detected when not given). */
export function applyFixes(text: string, fixes: TextEdit[][], eol: '\n' | '\r\n' = detectEol(text)): { text: string; applied: number } {
  const converted = eol === '\n' ? fixes : fixes.map((fix) => fix.map((edit) => ({ ...edit, text: normalizeEol(edit.text, eol) })));
  const result = applyEdits(text, converted);
  return { text: result.text, applied: result.applied };
}

/**
 * Fixes `text` (BOM removed) with the setup's rules until stable; fixes that are not certain are withheld
 * (see `withholdUncertainFixes`) and stay reported with `fixWithheld`. `extraFixes` (e.g. permanent
 * redirects from the link checker, offsets into `text`) are applied in the first pass with the rules' own.
 */
export function fixText(file: string, text: string, setup: LintSetup, extraFixes: TextEdit[][] = [], location: DocumentLocation = {}): FixedText {
  let current = text;
  let applied = 0;
  let passes = 0;
  let lint = lintText(file, current, setup, location);
  withholdUncertainFixes(lint.doc, lint.diagnostics, { ...setup, style: lint.style });
  while (passes < MAX_FIX_PASSES) {
    const fixes = lint.diagnostics.flatMap((diagnostic) => (diagnostic.fix ? [diagnostic.fix] : []));
    if (passes === 0) fixes.push(...extraFixes);
    if (fixes.length === 0) break;
    // The model already found the line ending of `current`: no need to scan for it again.
    const next = applyFixes(current, fixes, lint.eol);
    if (next.text === current) break;
    current = next.text;
    applied += next.applied;
    passes++;
    lint = lintText(file, current, setup, location);
    withholdUncertainFixes(lint.doc, lint.diagnostics, { ...setup, style: lint.style });
  }
  return { text: current, passes, applied, lint };
}

/** A unified diff of one file's fixes, as `--fix-dry-run` prints it ('' when nothing changes). */
export function fixDiff(file: string, before: string, after: string): string {
  return unifiedDiff(file, before, after);
}
