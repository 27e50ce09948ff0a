// Evaluates lint-lists on a folder of real lists, zero config: findings per rule per list, and what `--fix` changes.
//
// Usage: tsx src/scripts/eval-corpus.ts <folder> [--json out.json] [--changes] [--findings] [--rule id] [--list name]
//
// Each list is copied alone into a fresh temporary folder (no config file anywhere above it in the
// search path that matters), linted and fixed there through the public API, exactly as a new user's
// first `lint-lists` / `lint-lists --fix` run would. The original files are never written.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { diffArrays } from 'diff';
import { loadConfig } from '../config/load.js';
import type { Diagnostic } from '../diagnostics.js';
import { fix, lint } from '../index.js';
import { buildListModel } from '../markdown/list-model.js';
import { rules as registry } from '../rules/index.js';

/** One run of consecutive lines that `--fix` replaced: the lines before and the lines after. */
export interface LineChange {
  /** 1-based line of the first replaced line in the original text (the line after, for pure insertions). */
  line: number;
  before: string[];
  after: string[];
}

/** Findings of one rule in one list. */
export interface RuleTally {
  errors: number;
  warnings: number;
}

/** One finding, with the text of the line it points at (for reading and judging). */
export interface Finding {
  ruleId: string;
  severity: Diagnostic['severity'];
  line: number;
  column: number;
  message: string;
  source: string;
}

/** Everything measured for one list. */
export interface ListEvaluation {
  list: string;
  lines: number;
  /** Entries the list model found. */
  entries: number;
  errors: number;
  warnings: number;
  byRule: Record<string, RuleTally>;
  findings: Finding[];
  /** Lines `--fix` replaced, inserted or removed (see `countChangedLines`). */
  fixChangedLines: number;
  changes: LineChange[];
  /** Whether a second `--fix` over the fixed text left it unchanged. */
  isFixIdempotent: boolean;
  /** Lines a second `--fix` still changed (0 when idempotent). */
  secondFixChangedLines: number;
  /** Set when the list could not be evaluated at all. */
  failure?: string;
}

/** Splits text into lines, treating `\r\n` and `\n` alike; a final newline does not make an extra empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Compares two texts line by line and groups the differences into runs of replaced lines, so a
 * fixed line shows up as one change with its old and new text side by side.
 */
export function diffLineChanges(before: string, after: string): LineChange[] {
  const parts = diffArrays(splitLines(before), splitLines(after));
  const changes: LineChange[] = [];
  let line = 1;
  let pending: LineChange | undefined;
  for (const part of parts) {
    if (!part.added && !part.removed) {
      if (pending) changes.push(pending);
      pending = undefined;
      line += part.value.length;
      continue;
    }
    pending ??= { line, before: [], after: [] };
    if (part.removed) {
      pending.before.push(...part.value);
      line += part.value.length;
    } else {
      pending.after.push(...part.value);
    }
  }
  if (pending) changes.push(pending);
  return changes;
}

/** Lines touched by a set of changes: a replaced run counts its longer side, so one edited line counts once. */
export function countChangedLines(changes: readonly LineChange[]): number {
  return changes.reduce((sum, change) => sum + Math.max(change.before.length, change.after.length), 0);
}

/** Counts errors and warnings per rule id. */
export function tallyByRule(diagnostics: readonly Pick<Diagnostic, 'ruleId' | 'severity'>[]): Record<string, RuleTally> {
  const tally: Record<string, RuleTally> = {};
  for (const diagnostic of diagnostics) {
    const entry = (tally[diagnostic.ruleId] ??= { errors: 0, warnings: 0 });
    if (diagnostic.severity === 'error') entry.errors += 1;
    else entry.warnings += 1;
  }
  return tally;
}

/** Share of a list's entries a rule reports, in percent (findings over entries; 0 for a list with no entries). */
export function shareOfEntries(tally: RuleTally, entries: number): number {
  if (entries === 0) return 0;
  return ((tally.errors + tally.warnings) / entries) * 100;
}

/** Lints and fixes one list in a fresh temporary folder with no config file, as a first run would. */
export async function evaluateList(listPath: string): Promise<ListEvaluation> {
  const list = path.basename(listPath, path.extname(listPath));
  const original = await readFile(listPath, 'utf8');
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lint-lists-eval-'));
  const base: ListEvaluation = {
    list, lines: splitLines(original).length, entries: 0, errors: 0, warnings: 0, byRule: {}, findings: [],
    fixChangedLines: 0, changes: [], isFixIdempotent: true, secondFixChangedLines: 0,
  };
  try {
    const name = 'list.md';
    const copy = path.join(folder, name);
    await writeFile(copy, original);
    const config = await loadConfig({ cwd: folder, rules: registry });
    base.entries = buildListModel(name, original, config.style).entries.length;

    const report = await lint({ paths: [name], cwd: folder });
    const fileReport = report.files[0];
    if (fileReport?.failure !== undefined) return { ...base, failure: fileReport.failure };
    const diagnostics = fileReport?.diagnostics ?? [];
    const originalLines = splitLines(original);
    base.findings = diagnostics.map((d) => ({
      ruleId: d.ruleId, severity: d.severity, line: d.start.line, column: d.start.column, message: d.message,
      source: originalLines[d.start.line - 1] ?? '',
    }));
    base.byRule = tallyByRule(diagnostics);
    base.errors = diagnostics.filter((d) => d.severity === 'error').length;
    base.warnings = diagnostics.length - base.errors;

    await fix({ paths: [name], cwd: folder });
    const fixedOnce = await readFile(copy, 'utf8');
    base.changes = diffLineChanges(original, fixedOnce);
    base.fixChangedLines = countChangedLines(base.changes);

    await fix({ paths: [name], cwd: folder });
    const fixedTwice = await readFile(copy, 'utf8');
    base.secondFixChangedLines = countChangedLines(diffLineChanges(fixedOnce, fixedTwice));
    base.isFixIdempotent = fixedTwice === fixedOnce;
    return base;
  } catch (error) {
    return { ...base, failure: error instanceof Error ? error.message : String(error) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function pad(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells.map((cell, i) => (typeof cell === 'number' ? String(cell).padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
}

/** Renders rows as an aligned plain-text table (numbers right-aligned). */
export function formatTable(header: readonly string[], rows: readonly (string | number)[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i] ?? '').length)));
  return [pad(header, widths), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((row) => pad(row, widths))].join('\n');
}

const percent = (value: number): string => `${value.toFixed(1)}%`;

/** Renders the per-list summary, the per-rule totals and the per-list-per-rule table. */
export function formatSummary(results: readonly ListEvaluation[]): string {
  const out: string[] = [];
  out.push('Per list (zero config)', formatTable(
    ['list', 'entries', 'errors', 'warnings', 'fix lines', 'idempotent', 'worst rule (% of entries)'],
    results.map((r) => {
      const worst = Object.entries(r.byRule).sort((a, b) => (b[1].errors + b[1].warnings) - (a[1].errors + a[1].warnings))[0];
      return [
        r.list, r.entries, r.errors, r.warnings, r.fixChangedLines,
        r.failure !== undefined ? `FAILED: ${r.failure}` : r.isFixIdempotent ? 'yes' : `no (${r.secondFixChangedLines} lines)`,
        worst ? `${worst[0]} ${percent(shareOfEntries(worst[1], r.entries))}` : '',
      ];
    }),
  ));

  const totals = new Map<string, { errors: number; warnings: number; lists: number; worst: number; worstList: string }>();
  for (const r of results) {
    for (const [rule, tally] of Object.entries(r.byRule)) {
      const total = totals.get(rule) ?? { errors: 0, warnings: 0, lists: 0, worst: 0, worstList: '' };
      total.errors += tally.errors;
      total.warnings += tally.warnings;
      total.lists += 1;
      const share = shareOfEntries(tally, r.entries);
      if (share >= total.worst) Object.assign(total, { worst: share, worstList: r.list });
      totals.set(rule, total);
    }
  }
  out.push('', 'Per rule', formatTable(
    ['rule', 'errors', 'warnings', 'lists', 'worst % of entries'],
    [...totals].sort((a, b) => (b[1].errors + b[1].warnings) - (a[1].errors + a[1].warnings))
      .map(([rule, t]) => [rule, t.errors, t.warnings, t.lists, `${percent(t.worst)} ${t.worstList}`]),
  ));

  const sum = (pick: (r: ListEvaluation) => number): number => results.reduce((s, r) => s + pick(r), 0);
  out.push('', `Total: ${results.length} lists, ${sum((r) => r.entries)} entries, ${sum((r) => r.errors)} errors, ${sum((r) => r.warnings)} warnings, `
    + `${sum((r) => r.fixChangedLines)} lines changed by --fix, ${results.filter((r) => !r.isFixIdempotent).length} lists not idempotent`);

  out.push('', 'Per list and rule', formatTable(
    ['list', 'rule', 'errors', 'warnings', '% of entries'],
    results.flatMap((r) => Object.entries(r.byRule).sort((a, b) => a[0].localeCompare(b[0]))
      .map(([rule, t]) => [r.list, rule, t.errors, t.warnings, percent(shareOfEntries(t, r.entries))])),
  ));
  return out.join('\n');
}

/** Renders every finding with its line, for reading and judging. */
export function formatFindings(result: ListEvaluation, ruleFilter?: string): string {
  return result.findings
    .filter((f) => ruleFilter === undefined || f.ruleId === ruleFilter)
    .map((f) => `${result.list}:${f.line}:${f.column} ${f.severity} ${f.ruleId}: ${f.message}\n    | ${f.source}`)
    .join('\n');
}

/** Renders what `--fix` changed, old lines above new ones. */
export function formatChanges(result: ListEvaluation): string {
  return result.changes
    .map((c) => [`${result.list}:${c.line}`, ...c.before.map((l) => `  - ${l}`), ...c.after.map((l) => `  + ${l}`)].join('\n'))
    .join('\n');
}

const USAGE = 'usage: eval-corpus <folder> [--json out.json] [--changes] [--findings] [--rule id] [--list name]\n';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'string' },
        changes: { type: 'boolean', default: false },
        findings: { type: 'boolean', default: false },
        rule: { type: 'string' },
        list: { type: 'string', multiple: true },
      },
    });
  } catch (error) {
    process.stderr.write(`eval-corpus: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const folder = positionals[0];
  if (folder === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    process.stderr.write(`eval-corpus: cannot read folder ${folder}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const wanted = values.list;
  const results: ListEvaluation[] = [];
  for (const name of names) {
    if (wanted && !wanted.some((w) => name.includes(w))) continue;
    results.push(await evaluateList(path.join(folder, name)));
  }
  process.stdout.write(formatSummary(results) + '\n');
  if (values.findings) {
    for (const r of results) process.stdout.write(`\n${formatFindings(r, values.rule)}\n`);
  }
  if (values.changes) {
    for (const r of results) if (r.changes.length > 0) process.stdout.write(`\n${formatChanges(r)}\n`);
  }
  if (values.json !== undefined) await writeFile(values.json, JSON.stringify(results, null, 2) + '\n');
  return results.some((r) => r.failure !== undefined) ? 1 : 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
