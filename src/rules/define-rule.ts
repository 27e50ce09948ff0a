// The rule API: what a rule declares about itself and what it sees while checking one file (or a whole run).
import type * as z from 'zod';
import type { Range, SeveritySetting, TextEdit } from '../diagnostics.js';
import type { Style } from '../config/style-schema.js';
import type { ListDocument } from '../markdown/types.js';

/** A snippet that must lint clean under the rule (with the given style and options). */
export interface ValidExample {
  /** What the example shows, used as the test name and in the README. */
  name?: string;
  markdown: string;
  /** Style overrides for this example (merged over the default style). */
  style?: Record<string, unknown>;
  options?: Record<string, unknown>;
}

/** A snippet the rule must flag, with what it must report and, for fixable rules, the fixed text. */
export interface InvalidExample extends ValidExample {
  /** The expected problems, in order: messageId and 1-based line and column of each. */
  errors: Array<{ messageId: string; line: number; column: number }>;
  /** The text after `--fix` (all passes). Required on at least one example of a fixable rule. */
  output?: string;
}

/** What `ctx.report` takes: a message template key, where, its data and an optional fix. */
export interface ReportDescriptor {
  messageId: string;
  /** Where the problem is; a Range from the list model. */
  at: Range;
  /** Values substituted into the message template's `{name}` placeholders. */
  data?: Record<string, string | number>;
  /** Small offset-based edits, applied together or not at all. */
  fix?: TextEdit[];
  actual?: string;
  expected?: string[];
  url?: string;
  /** Other places that belong to this problem; `file` defaults to the file being linted. */
  related?: Array<{ at: Range; file?: string; message?: string }>;
  /**
   * Lowers this one report to a warning (e.g. a near-duplicate beside exact duplicates). It can only soften the
   * configured severity, never raise it, so `"warn"` in config still means no errors from the rule.
   */
  severity?: 'warning';
}

/** What a rule sees while checking one file. */
export interface RuleContext<Options> {
  doc: ListDocument;
  style: Style;
  options: Options;
  report(descriptor: ReportDescriptor): void;
  /**
   * For a message about a style value: " as in 412 of 430 entries" when the value was learned from the file's own
   * entries (style inference), '' when a config set it or it is the default.
   */
  evidence(path: string): string;
}

/** One file's contribution to a run-wide check (computed where the file was linted, possibly in a worker). */
export interface FileSummary<Summary> {
  file: string;
  summary: Summary;
}

/** What a run-wide rule sees after every file has been linted. */
export interface RunContext<Options, Summary> {
  files: Array<FileSummary<Summary>>;
  style: Style;
  options: Options;
  /** Reports a problem in `file`. */
  report(file: string, descriptor: ReportDescriptor): void;
}

/** What every rule, lint or link, declares about itself: documentation, default severity, options and messages. */
export interface RuleMeta<Options> {
  /** Kebab-case, subject first: `entry-separator`, `heading-case`, `link-dead`. */
  id: string;
  /** One sentence: what the rule checks. */
  description: string;
  /** Why a list is better for it. */
  rationale: string;
  fixable: boolean;
  /** Severity under the recommended preset. */
  defaultSeverity: SeveritySetting;
  /** Validates and defaults the rule's options; `z.object({}).strict()` when there are none. */
  options: z.ZodType<Options>;
  /** messageId → template with `{name}` placeholders, e.g. "Unexpected `{actual}`, expected `{expected}`". */
  messages: Record<string, string>;
}

/** A rule: its documentation, its options and its check. */
export interface Rule<Options = Record<string, never>, Summary = never> extends RuleMeta<Options> {
  examples: { valid: ValidExample[]; invalid: InvalidExample[] };
  check(ctx: RuleContext<Options>): void;
  /** For run-wide rules: a serialisable summary of one file, gathered after `check`. */
  summarize?(ctx: RuleContext<Options>): Summary;
  /** For run-wide rules: checks across every file of the run. */
  checkRun?(ctx: RunContext<Options, Summary>): void;
}

/** A rule whose option and summary types are erased, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry is heterogeneous by design
export type AnyRule = Rule<any, any>;

/** Declares a rule; only gives the literal its type. */
export function defineRule<Options, Summary = never>(rule: Rule<Options, Summary>): Rule<Options, Summary> {
  return rule;
}

/** Fills `{name}` placeholders in a message template. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
