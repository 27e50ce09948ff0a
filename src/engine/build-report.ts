// Assembles the Report every reporter takes from per-file outcomes, input problems and link results.
import { ruleDocsUrl } from '../docs-url.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { AnyLinkRule } from '../links/rules/define-link-rule.js';
import { linkRules } from '../links/rules/index.js';
import type { LinkResult } from '../links/types.js';
import { ENGINE_RULES } from '../lint/setup.js';
import type { AnyRule } from '../rules/define-rule.js';
import { summarizeFiles } from '../report/summary.js';
import { REPORT_FORMAT_VERSION, type FileReport, type Report, type RuleInfo } from '../report/types.js';
import { toolVersion } from '../version.js';

/** What the report is built from. */
export interface ReportParts {
  cwd: string;
  files: FileReport[];
  registry: readonly AnyRule[];
  links?: LinkResult[];
  networkDown?: boolean;
  /** `--quiet`: warnings are left out. */
  isQuiet?: boolean;
}

/** Rule metadata for reporters: the registry's rules, the link rules and the engine's own ids. */
export function ruleInfos(registry: readonly AnyRule[], links: readonly AnyLinkRule[] = linkRules): RuleInfo[] {
  const infos = [...registry, ...links].map((rule) => ({ id: rule.id, description: rule.description, fixable: rule.fixable, helpUri: ruleDocsUrl(rule.id) }));
  return [...infos, ...ENGINE_RULES.map((rule) => ({ ...rule, fixable: false }))].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Builds the report: files sorted by path, diagnostics sorted, counts computed. */
export function buildReport(parts: ReportParts): Report {
  const keep = (diagnostic: Diagnostic): boolean => !parts.isQuiet || diagnostic.severity === 'error';
  const files = parts.files
    .map((file) => ({ ...file, diagnostics: file.diagnostics.filter(keep).sort(compareDiagnostics) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const report: Report = {
    version: REPORT_FORMAT_VERSION,
    tool: { name: 'lint-lists', version: toolVersion() },
    cwd: parts.cwd,
    files,
    rules: ruleInfos(parts.registry),
    summary: summarizeFiles(files),
  };
  if (parts.links) report.links = parts.links;
  if (parts.networkDown) report.networkDown = true;
  return report;
}
