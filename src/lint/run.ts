// Runs the configured rules over one list model and stamps each report with its rule id and severity.
import { formatMessage, type AnyRule, type ReportDescriptor } from '../rules/define-rule.js';
import type { Diagnostic, RelatedLocation } from '../diagnostics.js';
import type { ActiveRule as ConfigActiveRule } from '../config/resolve.js';
import type { Style } from '../config/style-schema.js';
import type { ListDocument } from '../markdown/types.js';
import { evidenceText, type FileStyle } from './infer-style.js';

/** A lint rule switched on, with its severity and validated options (resolved by config/resolve.ts). */
export type ActiveRule = ConfigActiveRule<AnyRule>;

/** What one file's lint produced: its diagnostics and the run-wide rules' summaries. */
export interface DocumentLint {
  diagnostics: Diagnostic[];
  /** rule id → summary, for rules with `checkRun`. */
  summaries: Record<string, unknown>;
}

/** Turns a rule's report into a diagnostic. */
export function toDiagnostic(active: ActiveRule, file: string, descriptor: ReportDescriptor): Diagnostic {
  const template = active.rule.messages[descriptor.messageId];
  if (template === undefined) throw new Error(`rule ${active.rule.id} reported unknown messageId ${descriptor.messageId}`);
  // As in ESLint: a fix from a rule that does not declare itself fixable is a bug in the rule, not a fix to apply.
  if (descriptor.fix && descriptor.fix.length > 0 && !active.rule.fixable) throw new Error(`rule ${active.rule.id} reported a fix but does not declare \`fixable: true\``);
  const diagnostic: Diagnostic = {
    ruleId: active.rule.id,
    severity: descriptor.severity ?? active.severity,
    message: formatMessage(template, descriptor.data),
    messageId: descriptor.messageId,
    file,
    start: descriptor.at.start,
    end: descriptor.at.end,
  };
  if (descriptor.fix && descriptor.fix.length > 0) diagnostic.fix = descriptor.fix;
  if (descriptor.actual !== undefined) diagnostic.actual = descriptor.actual;
  if (descriptor.expected !== undefined) diagnostic.expected = descriptor.expected;
  if (descriptor.url !== undefined) diagnostic.url = descriptor.url;
  if (descriptor.related && descriptor.related.length > 0) {
    diagnostic.related = descriptor.related.map((place) => {
      const location: RelatedLocation = { file: place.file ?? file, start: place.at.start, end: place.at.end };
      if (place.message !== undefined) location.message = place.message;
      return location;
    });
  }
  return diagnostic;
}

/**
 * Runs every active rule on `doc` with `style`; `basis` says which style values were learned from the file (for the
 * evidence in messages). A rule that throws becomes one error diagnostic naming it.
 */
export function lintDocument(doc: ListDocument, rules: ActiveRule[], style: Style, basis: FileStyle['basis'] = {}): DocumentLint {
  const evidence = (path: string): string => evidenceText((basis as Record<string, FileStyle['basis'][keyof FileStyle['basis']]>)[path]);
  const diagnostics: Diagnostic[] = [];
  const summaries: Record<string, unknown> = {};
  for (const active of rules) {
    const ctx = {
      doc,
      style,
      options: active.options,
      evidence,
      report: (descriptor: ReportDescriptor) => diagnostics.push(toDiagnostic(active, doc.file, descriptor)),
    };
    try {
      active.rule.check(ctx);
      if (active.rule.summarize) summaries[active.rule.id] = active.rule.summarize(ctx);
    } catch (error) {
      diagnostics.push(ruleCrashed(active.rule.id, doc.file, error));
    }
  }
  return { diagnostics, summaries };
}

/** The one diagnostic a rule that throws becomes: an error at 1:1 of `file`, naming the rule and what it threw. */
export function ruleCrashed(ruleId: string, file: string, error: unknown): Diagnostic {
  return {
    ruleId,
    severity: 'error',
    message: `Rule \`${ruleId}\` failed: ${error instanceof Error ? error.message : String(error)}`,
    messageId: 'rule-crashed',
    file,
    start: { line: 1, column: 1, offset: 0 },
  };
}
