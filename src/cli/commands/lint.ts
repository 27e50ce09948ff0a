// The run behind both commands: config, inputs, lint (or fix), optional link check, and the resulting report.
import path from 'node:path';
import type { ConfigInput } from '../../config/schema.js';
import type { Diagnostic, TextEdit } from '../../diagnostics.js';
import type { LinkResult } from '../../links/types.js';
import { filterDiagnostics } from '../../lint/directives.js';
import { groupByFile, lintFiles } from '../../lint/engine.js';
import { resolveInputs, type ResolvedInputs } from '../../lint/inputs.js';
import { applyFixes, fixDiff } from '../../lint/fix.js';
import { configSetupSpec, DEFAULT_RULES_MODULE, loadConfigAndSetup } from '../../lint/config-setup.js';
import { fileDiagnostic, writeFixed, type FileOutcome } from '../../lint/process-file.js';
import type { FileReport, Report } from '../../report/types.js';
import { buildReport } from '../build-report.js';
import type { Io } from '../io.js';
import type { LinksCommandInput, LinksCommandOutput } from './links.js';

/** Everything a run takes, already parsed from the command line. */
export interface RunOptions {
  paths: string[];
  configPath?: string;
  /** Lint rules on (false for `lint-lists links`). */
  isLintOn: boolean;
  /** Check links (`links` command or `--links`). */
  isLinksOn: boolean;
  fix: 'off' | 'write' | 'dry-run';
  isQuiet: boolean;
  maxFileSizeBytes?: number;
  /** `--rule id:severity` overrides. */
  ruleOverrides: Record<string, 'off' | 'warn' | 'error'>;
  /** Time allowed for a file the risk scan flags; default from `LINT_LISTS_PARSE_BUDGET_MS`, else 20 s plus 10 s per MB. */
  parseBudgetMs?: number;
  /** Worker threads: `auto` unless a caller (tests, benchmarks) insists. */
  workers?: number | 'auto';
  links: { changedSince?: string; shard?: string; cache?: string | false; allowPrivate?: string[] };
  /** URL of the module exporting the rule registry; tests swap in fake rules. */
  rulesModule?: string;
  /** The link checker; default: `runLinkChecks` from `./links.js`, loaded only when links are checked. */
  linkChecker?: (input: LinksCommandInput) => Promise<LinksCommandOutput>;
}

/** What a run produced: the report, for `--fix-dry-run` a unified diff per changed file, and notes on the inputs. */
export interface RunResult {
  report: Report;
  diffs: string[];
  inputs: Pick<ResolvedInputs, 'notices' | 'warnings' | 'errors'>;
}

/** Runs lint and/or link checks as `options` say. Throws LintListsError for config and usage problems only. */
export async function runLintLists(options: RunOptions, io: Io): Promise<RunResult> {
  const cwd = path.resolve(io.cwd);
  const overrides: ConfigInput | undefined = Object.keys(options.ruleOverrides).length > 0 ? { rules: options.ruleOverrides } : undefined;
  const setupData = {
    cwd,
    configPath: options.configPath,
    overrides,
    rulesModule: options.rulesModule ?? DEFAULT_RULES_MODULE,
    isLinksOnly: !options.isLintOn,
  };
  const { config, setup, registry } = await loadConfigAndSetup(setupData);
  // CLI paths (relative to the working directory), else config `files` (relative to its folder), else the readme.
  const inputs = await resolveInputs(options.paths, config, cwd);
  const outcomes = await lintFiles({
    tasks: inputs.files,
    setup: configSetupSpec(setupData),
    localSetup: setup,
    cwd,
    maxFileSizeBytes: options.maxFileSizeBytes,
    fix: options.fix,
    workers: options.workers ?? 'auto',
    parseBudgetMs: options.parseBudgetMs ?? budgetFromEnv(io.env),
  });
  let links: LinkResult[] | undefined;
  let networkDown = false;
  if (options.isLinksOn) {
    const checked = await checkLinks(outcomes, options, config, io);
    links = checked.results;
    networkDown = checked.networkDown;
    await mergeLinkDiagnostics(outcomes, checked.diagnostics, options.fix);
  }
  const files: FileReport[] = [
    ...outcomes.map((outcome) => toFileReport(outcome)),
    ...inputs.problems.map((problem) => ({ file: problem.file, diagnostics: [fileDiagnostic(problem.file, 'file-unreadable', problem.message)], failure: problem.message })),
  ];
  const diffs = options.fix === 'dry-run' ? outcomes.flatMap((o) => (o.fix ? [fixDiff(o.file, o.fix.original, o.fix.fixed)] : [])).filter((d) => d !== '') : [];
  const report = buildReport({ cwd, files, registry, links, networkDown, isQuiet: options.isQuiet });
  return { report, diffs, inputs };
}

/** `LINT_LISTS_PARSE_BUDGET_MS` when it is a positive whole number (tests and slow CI machines set it). */
function budgetFromEnv(env: Io['env']): number | undefined {
  const value = env.LINT_LISTS_PARSE_BUDGET_MS;
  if (value === undefined || !/^\d{1,9}$/.test(value.trim())) return undefined;
  const ms = Number(value.trim());
  return ms > 0 ? ms : undefined;
}

function toFileReport(outcome: FileOutcome): FileReport {
  const report: FileReport = { file: outcome.file, diagnostics: outcome.diagnostics };
  if (outcome.failure !== undefined) report.failure = outcome.failure;
  return report;
}

async function checkLinks(outcomes: FileOutcome[], options: RunOptions, config: LinksCommandInput['config'], io: Io): Promise<LinksCommandOutput> {
  // Loaded only here, so a plain lint never loads undici.
  const runLinkChecks = options.linkChecker ?? (await import('./links.js')).runLinkChecks;
  return runLinkChecks({
    files: outcomes.filter((o) => o.failure === undefined).map((o) => ({ file: o.file, links: o.links })),
    config,
    argv: {
      fix: options.fix !== 'off',
      quiet: options.isQuiet,
      ...(options.links.changedSince !== undefined ? { changedSince: options.links.changedSince } : {}),
      ...(options.links.shard !== undefined ? { shard: options.links.shard } : {}),
      ...(options.links.cache !== undefined ? { cache: options.links.cache } : {}),
      ...(options.links.allowPrivate !== undefined ? { allowPrivate: options.links.allowPrivate } : {}),
    },
    io,
  });
}

/**
 * Adds link diagnostics to their files (disable comments apply to them too). With fixing on, their
 * edits (offsets into the text as linted, i.e. after lint fixes) are applied like lint fixes.
 */
async function mergeLinkDiagnostics(outcomes: FileOutcome[], diagnostics: Diagnostic[], fix: RunOptions['fix']): Promise<void> {
  const byFile = new Map(outcomes.map((outcome) => [outcome.file, outcome]));
  for (const [file, found] of groupByFile(diagnostics)) {
    const outcome = byFile.get(file);
    if (!outcome) continue;
    let kept = filterDiagnostics(outcome.directives, found);
    const edits: TextEdit[][] = kept.flatMap((d) => (d.fix ? [d.fix] : []));
    if (fix !== 'off' && outcome.fix && edits.length > 0) {
      const fixed = applyFixes(outcome.fix.fixed, edits).text;
      if (fixed !== outcome.fix.fixed) {
        outcome.fix.fixed = fixed;
        // Fixed problems are no longer reported; a failed write is reported by `writeFixed` instead.
        if (fix === 'write' && (await writeFixed(outcome))) kept = kept.filter((d) => !d.fix);
      }
    }
    outcome.diagnostics.push(...kept);
  }
}
