// Diagnostics: the one shape that lint rules and the link checker both report, so every reporter handles both.

/** A place in a file: 1-based line and column (column counts UTF-16 code units), 0-based offset into the decoded text. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open stretch of a file, `start` inclusive and `end` exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of `text[start, end)` (0-based offsets into the decoded text, BOM excluded) by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** How bad a diagnostic is once configured; `off` rules never report. */
export type Severity = 'error' | 'warning';

/** A severity as written in config: `off` switches a rule or verdict off. */
export type SeveritySetting = 'off' | 'warn' | 'error';

/** Another place that belongs to the same problem, e.g. the other occurrences of a duplicated link. */
export interface RelatedLocation {
  /** Path as in `Diagnostic.file`; another file of the run for cross-file problems. */
  file: string;
  start: Position;
  end?: Position;
  /** What is there, e.g. "also listed here". */
  message?: string;
}

/** One problem found in one file. */
export interface Diagnostic {
  /** Kebab-case id of the rule (or `link-*` check) that found it. */
  ruleId: string;
  severity: Severity;
  /** Human-readable, one line, values in backticks, no trailing period. */
  message: string;
  /** Stable key of the message template inside its rule. */
  messageId?: string;
  /** Path as given on the command line / discovered, relative to the working directory where possible. */
  file: string;
  start: Position;
  end?: Position;
  /** Edits that fix the problem; applied together or not at all. */
  fix?: TextEdit[];
  /** The offending text, when there is one. */
  actual?: string;
  /** What would have been accepted. */
  expected?: string[];
  /** The URL concerned (link problems, duplicates). */
  url?: string;
  /** Set when a fix was found but not applied because it is not certain (says why); such a diagnostic has no `fix`. */
  fixWithheld?: string;
  /** Other places that are part of the problem (every other occurrence of a duplicate), in document order. */
  related?: RelatedLocation[];
}

/** Maps a config severity to a diagnostic severity, or `undefined` when switched off. */
export function toSeverity(setting: SeveritySetting): Severity | undefined {
  if (setting === 'off') return undefined;
  return setting === 'warn' ? 'warning' : 'error';
}

/** Orders diagnostics by file, then position, then rule id, so every reporter prints them the same way. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.start.offset - b.start.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
