// Lints one document's text: list model, rules, disable comments. Pure: no file system.
import { buildListModel } from '../markdown/list-model.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Style } from '../config/style-schema.js';
import { inferFileStyle, type FileStyle } from './infer-style.js';
import { dropSectionConventions } from './section-conventions.js';
import type { DocumentLocation, LinkRef, ListDocument } from '../markdown/types.js';
import { checkDirectiveIds, filterDiagnostics, parseDirectives, type DirectiveSet } from './directives.js';
import { lintDocument } from './run.js';
import type { LintSetup } from './setup.js';

/** What linting one text produced, as plain data. */
export interface TextLint {
  diagnostics: Diagnostic[];
  /** rule id → summary, for run-wide rules. */
  summaries: Record<string, unknown>;
  /** Every link in the document, for the link checker. */
  links: LinkRef[];
  directives: DirectiveSet;
  eol: '\n' | '\r\n';
  /** The list model the diagnostics were found on (not posted between threads). */
  doc: ListDocument;
  /** The style the file was linted with: the setup's, with the values no config set learned from the file. */
  style: Style;
  /** How each inferable style value was settled for this file. */
  basis: FileStyle['basis'];
}

/**
 * Builds the model of `text` (BOM already removed; `location` says where its file lives) and runs the setup's rules, dropping what disable
 * comments switch off and warning about unknown ids in them. Style values no config set are learned from the file (infer-style.ts). Throws what the model throws (too deep…).
 */
export function lintText(file: string, text: string, setup: LintSetup, location: DocumentLocation = {}): TextLint {
  const doc = buildListModel(file, text, setup.style, location);
  const { style, basis } = inferFileStyle(doc, setup.style, setup.styleOrigins);
  const linted = lintDocument(doc, setup.rules, style, basis);
  const diagnostics = dropSectionConventions(doc, linted.diagnostics, basis);
  const summaries = linted.summaries;
  const directives = parseDirectives(doc.text, doc.tree, doc);
  const kept = filterDiagnostics(directives, [...diagnostics, ...checkDirectiveIds(file, directives, setup.isKnownRuleId)]);
  return { diagnostics: kept, summaries, links: doc.links, directives, eol: doc.eol, doc, style, basis };
}
