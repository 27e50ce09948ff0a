// One file, start to end: read, lint (or fix and write), and turn anything that goes wrong into that file's failure.
import type { Diagnostic } from '../diagnostics.js';
import { isLintListsError } from '../errors.js';
import type { LinkRef } from '../markdown/types.js';
import type { DirectiveSet } from './directives.js';
import { readListFile, type ReadResult } from './read-file.js';
import type { LintSetup } from './setup.js';
import { writeFileAtomic } from './write-file.js';

/** One file to process (plain data: it is posted to worker threads). */
export interface FileTask {
  file: string;
  absolutePath: string;
}

/** How files are processed. */
export interface ProcessOptions {
  cwd: string;
  maxFileSizeBytes?: number;
  /** `write` fixes files in place, `dry-run` only computes the fixed text. */
  fix?: 'off' | 'write' | 'dry-run';
  /** Time allowed for linting a file the risk scan flags; default `defaultParseBudgetMs` of its length. */
  parseBudgetMs?: number;
  /**
   * Keep each file's links in its outcome (default true). A run that checks no links and keeps no cache leaves them
   * out: on many files they are most of what outlives each file's lint.
   */
  isLinksKept?: boolean;
}

/** What processing one file produced (plain data: it comes back from worker threads). */
export interface FileOutcome {
  file: string;
  absolutePath: string;
  diagnostics: Diagnostic[];
  summaries: Record<string, unknown>;
  links: LinkRef[];
  directives: DirectiveSet;
  /** Link problems found in this file (set by the engine after the link check), fixed or not. */
  linkDiagnostics?: Diagnostic[];
  /** Set when the file could not be linted at all; also present as a diagnostic. */
  failure?: string;
  hasBom?: boolean;
  /** With fixing on: the text as read and as fixed (BOM removed), and whether the file was written. */
  fix?: { original: string; fixed: string; passes: number; applied: number; isWritten: boolean };
}

/** A diagnostic at 1:1 for a whole-file problem. */
export function fileDiagnostic(file: string, ruleId: string, message: string): Diagnostic {
  return { ruleId, severity: 'error', message, file, start: { line: 1, column: 1, offset: 0 } };
}

/** Reads, lints and optionally fixes one file; never throws. */
export async function processFile(task: FileTask, setup: LintSetup, options: ProcessOptions): Promise<FileOutcome> {
  const read = await readListFile(task.file, task.absolutePath, { cwd: options.cwd, maxFileSizeBytes: options.maxFileSizeBytes });
  return processRead(task, read, setup, options);
}

/** Lints and optionally fixes one file already read (`processFile` after the read); never throws. */
export async function processRead(task: FileTask, read: ReadResult, setup: LintSetup, options: ProcessOptions): Promise<FileOutcome> {
  const base = { file: task.file, absolutePath: task.absolutePath, summaries: {}, links: [], directives: { directives: [] } };
  if (!read.ok) return { ...base, diagnostics: [fileDiagnostic(task.file, 'file-unreadable', read.message)], failure: read.message };
  // The model knows where the file lives, so rules never resolve paths against the process's directory.
  const location = { path: task.absolutePath, rootDir: options.cwd };
  const keptLinks = <T>(links: T[]): T[] => (options.isLinksKept === false ? [] : links);
  try {
    const mode = options.fix ?? 'off';
    if (mode === 'off') {
      // Loaded on the first file that is really linted: a run served wholly from the lint cache never loads the parser.
      const { lintText } = await import('./lint-text.js');
      const lint = lintText(task.file, read.text, setup, location);
      return { ...base, diagnostics: lint.diagnostics, summaries: lint.summaries, links: keptLinks(lint.links), directives: lint.directives, hasBom: read.hasBom };
    }
    const { fixText } = await import('./fix.js');
    const fixed = fixText(task.file, read.text, setup, [], location);
    const outcome: FileOutcome = {
      ...base,
      diagnostics: fixed.lint.diagnostics,
      summaries: fixed.lint.summaries,
      links: keptLinks(fixed.lint.links),
      directives: fixed.lint.directives,
      hasBom: read.hasBom,
      fix: { original: read.text, fixed: fixed.text, passes: fixed.passes, applied: fixed.applied, isWritten: false },
    };
    if (mode === 'write') await writeFixed(outcome);
    return outcome;
  } catch (error) {
    // Bad input the model refuses (nesting too deep…) carries a user-ready message; anything else is a bug, named as such.
    const message = isLintListsError(error) ? prefixed(task.file, error.message) : `${task.file}: internal error while linting: ${errorMessage(error)}`;
    return { ...base, diagnostics: [fileDiagnostic(task.file, 'file-unparsable', message)], failure: message };
  }
}

/**
 * Writes an outcome's fixed text (BOM restored) when it differs from the original and the file on disk is still
 * what was read; a refused or failed write becomes a `file-unwritable` diagnostic. Returns false only then.
 */
export async function writeFixed(outcome: FileOutcome): Promise<boolean> {
  const fix = outcome.fix;
  if (!fix || fix.fixed === fix.original) return true;
  try {
    const bom = outcome.hasBom ? '\uFEFF' : '';
    await writeFileAtomic(outcome.file, outcome.absolutePath, bom + fix.fixed, { expected: bom + fix.original });
    fix.isWritten = true;
    return true;
  } catch (error) {
    outcome.diagnostics = [...outcome.diagnostics, fileDiagnostic(outcome.file, 'file-unwritable', errorMessage(error))];
    return false;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function prefixed(file: string, message: string): string {
  return message.startsWith(file) ? message : `${file}: ${message}`;
}
