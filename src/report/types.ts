// The Report: everything one run found, the single input of every reporter.
import type { Diagnostic } from '../diagnostics.js';
import type { LinkResult } from '../links/types.js';

/** Version of the JSON report format; bump on any incompatible change. */
export const REPORT_FORMAT_VERSION = 1;

/** One file of the run and what was found in it. */
export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
  /** Set when the file could not be linted at all (not found, binary, too deep…); also present as a diagnostic. */
  failure?: string;
}

/** Rule metadata reporters need (SARIF rule table, help links). */
export interface RuleInfo {
  id: string;
  description: string;
  fixable: boolean;
  /** Link to the rule's documentation. */
  helpUri?: string;
}

/** What one run of lint-lists found. */
export interface Report {
  version: typeof REPORT_FORMAT_VERSION;
  tool: { name: 'lint-lists'; version: string };
  /** Absolute working directory the file paths are relative to. */
  cwd: string;
  files: FileReport[];
  /** Link check results, one per distinct URL checked (absent when links were not checked). */
  links?: LinkResult[];
  /** Set when the network was found unreachable: link verdicts are then not trustworthy. */
  networkDown?: boolean;
  rules: RuleInfo[];
  summary: { errors: number; warnings: number; fixable: number; files: number; filesWithProblems: number };
}

/** Options every reporter takes. */
export interface ReporterOptions {
  /** Emit ANSI colour (stylish only). */
  color: boolean;
  /** Columns of the terminal the report is shown on (stylish wraps to it); undefined: no wrapping. */
  width?: number;
}

/** Turns a report into text; the CLI writes it to stdout or `--output`. */
export type Reporter = (report: Report, options: ReporterOptions) => string;
