// Merges the JSON reports of a sharded run (`lint-lists merge`) back into one report.
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { LintListsError } from '../errors.js';
import type { LinkResult } from '../links/types.js';
import { summarizeFiles } from './summary.js';
import type { FileReport, Report, RuleInfo } from './types.js';

/**
 * Merges the reports of the shards of one run: files and their diagnostics joined (duplicates, such as
 * lint problems every shard found, kept once), link results deduped by URL, summary recomputed.
 */
export function mergeShardReports(reports: readonly Report[]): Report {
  const first = reports[0];
  if (!first) throw new LintListsError('USAGE', 'merge: no reports to merge');
  const files = new Map<string, FileReport & { seen: Set<string> }>();
  const links = new Map<string, LinkResult>();
  const rules = new Map<string, RuleInfo>();
  let hasLinks = false;
  let isNetworkDown = false;
  for (const report of reports) {
    for (const fileReport of report.files) {
      const merged = files.get(fileReport.file) ?? { file: fileReport.file, diagnostics: [], seen: new Set<string>() };
      if (fileReport.failure !== undefined && merged.failure === undefined) merged.failure = fileReport.failure;
      for (const diagnostic of fileReport.diagnostics) {
        const key = diagnosticKey(diagnostic);
        if (merged.seen.has(key)) continue;
        merged.seen.add(key);
        merged.diagnostics.push(diagnostic);
      }
      files.set(fileReport.file, merged);
    }
    if (report.links) hasLinks = true;
    for (const link of report.links ?? []) {
      const existing = links.get(link.url);
      // A shard that checked the URL beats one that only saw it as skipped or excluded.
      if (!existing || (isSettledOnly(existing) && !isSettledOnly(link))) links.set(link.url, link);
    }
    for (const rule of report.rules) if (!rules.has(rule.id)) rules.set(rule.id, rule);
    if (report.networkDown) isNetworkDown = true;
  }
  const fileReports: FileReport[] = [...files.values()]
    .map(({ seen: _seen, ...rest }) => ({ ...rest, diagnostics: rest.diagnostics.sort(compareDiagnostics) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const merged: Report = {
    version: first.version,
    tool: first.tool,
    cwd: first.cwd,
    files: fileReports,
    rules: [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    summary: summarizeFiles(fileReports),
  };
  if (hasLinks) merged.links = [...links.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  if (isNetworkDown) merged.networkDown = true;
  return merged;
}

function isSettledOnly(result: LinkResult): boolean {
  return result.verdict === 'skipped' || result.verdict === 'excluded';
}

function diagnosticKey(d: Diagnostic): string {
  return JSON.stringify([d.ruleId, d.severity, d.start.offset, d.end?.offset ?? null, d.message, d.url ?? null]);
}
