// The CLI's side of a run: turns parsed flags into engine options and engine events into stderr output.
import type { ConfigInput } from '../../config/schema.js';
import type { LinkCheckerRun } from '../../engine/check-links.js';
import { loadRunConfig } from '../../engine/load.js';
import { runLint, type RunEvents, type RunResult } from '../../engine/run.js';
import type { LinkProgressEvent } from '../../links/index.js';
import { createProgress, type Progress } from '../../links/progress.js';
import type { Io } from '../io.js';

export type { RunResult } from '../../engine/run.js';

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
  /** Lint cache file (relative to the working directory); no cache when absent. */
  lintCache?: string;
  /** URL of the module exporting the rule registry; tests swap in fake rules. */
  rulesModule?: string;
  /** The link checker; default the real pipeline, loaded only when links are checked. */
  linkChecker?: LinkCheckerRun;
}

/** Runs lint and/or link checks as `options` say, messages and progress on `io.stderr`. Throws LintListsError for config and usage problems only. */
export async function runLintLists(options: RunOptions, io: Io): Promise<RunResult> {
  const overrides: ConfigInput | undefined = Object.keys(options.ruleOverrides).length > 0 ? { rules: options.ruleOverrides } : undefined;
  const loaded = await loadRunConfig({
    cwd: io.cwd,
    configPath: options.configPath,
    overrides,
    rulesModule: options.rulesModule,
    isLinksOnly: !options.isLintOn,
  });
  for (const warning of loaded.config.warnings) io.stderr(`lint-lists: ${warning}\n`);
  return runLint(loaded, {
    paths: options.paths,
    cwd: io.cwd,
    env: io.env,
    isLintOn: options.isLintOn,
    isLinksOn: options.isLinksOn,
    fix: options.fix,
    isQuiet: options.isQuiet,
    maxFileSizeBytes: options.maxFileSizeBytes,
    parseBudgetMs: options.parseBudgetMs ?? budgetFromEnv(io.env),
    workers: options.workers ?? 'auto',
    lintCache: options.lintCache,
    links: options.links,
    linkChecker: options.linkChecker,
    events: stderrEvents(io, options.isQuiet),
  });
}

/** Engine events as the CLI shows them: messages as lines, link progress as one redrawn line (or a line a minute in logs). */
export function stderrEvents(io: Io, isQuiet: boolean): RunEvents {
  let progress: Progress | undefined;
  let failing = 0;
  return {
    onWarning: (message) => io.stderr(`${message}\n`),
    onLinkProgress: (event: LinkProgressEvent) => {
      progress ??= createProgress({ io, total: event.total, quiet: isQuiet });
      if (event.isDone) return progress.done();
      progress.tick(event.failing > failing);
      failing = event.failing;
    },
  };
}

/** `LINT_LISTS_PARSE_BUDGET_MS` when it is a positive whole number (tests and slow CI machines set it). */
function budgetFromEnv(env: Io['env']): number | undefined {
  const value = env.LINT_LISTS_PARSE_BUDGET_MS;
  if (value === undefined || !/^\d{1,9}$/.test(value.trim())) return undefined;
  const ms = Number(value.trim());
  return ms > 0 ? ms : undefined;
}
