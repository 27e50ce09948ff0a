// Sharding: `--shard k/n` splits a run by host (so per-host politeness holds within a shard), and shard reports merge back.
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { LintListsError } from '../errors.js';
import type { FileReport, Report, RuleInfo } from '../report/types.js';
import type { LinkResult } from './types.js';

/** One shard of a run: 1-based `index` of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `k/n` (1 ≤ k ≤ n ≤ 1000). */
export function parseShard(text: string): Shard {
  const slash = text.indexOf('/');
  const isDigits = (part: string): boolean => part.length > 0 && part.length <= 4 && [...part].every((c) => c >= '0' && c <= '9');
  const k = text.slice(0, slash);
  const n = text.slice(slash + 1);
  if (slash === -1 || !isDigits(k) || !isDigits(n)) {
    throw new LintListsError('USAGE', `--shard: got \`${text}\`, expected \`k/n\` such as \`1/4\``);
  }
  const index = Number(k);
  const count = Number(n);
  if (count < 1 || count > 1000 || index < 1 || index > count) {
    throw new LintListsError('USAGE', `--shard: got \`${text}\`, expected 1 ≤ k ≤ n ≤ 1000`);
  }
  return { index, count };
}

/** 32-bit FNV-1a over the UTF-8 bytes of `text`: stable across runs, platforms and Node versions. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The 1-based shard a hostname belongs to. */
export function shardOfHost(host: string, count: number): number {
  return (fnv1a(host.toLowerCase()) % count) + 1;
}

/** True when `host` belongs to `shard`. */
export function isInShard(host: string, shard: Shard): boolean {
  return shardOfHost(host, shard.count) === shard.index;
}

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
  const diagnostics = fileReports.flatMap((file) => file.diagnostics);
  const merged: Report = {
    version: first.version,
    tool: first.tool,
    cwd: first.cwd,
    files: fileReports,
    rules: [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    summary: {
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      fixable: diagnostics.filter((d) => d.fix !== undefined && d.fix.length > 0).length,
      files: fileReports.length,
      filesWithProblems: fileReports.filter((f) => f.diagnostics.length > 0 || f.failure !== undefined).length,
    },
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
