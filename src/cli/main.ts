// The `lint-lists` command line: parses arguments with yargs, runs, prints the report, returns the exit code.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import yargs from 'yargs';
import { isLintListsError, LintListsError } from '../errors.js';
import { errorCode } from '../lint/files.js';
import { DEFAULT_LINT_CACHE_FILE } from '../lint/cache.js';
import type { Report, Reporter } from '../report/types.js';
import { runLintLists, type RunOptions } from './commands/lint.js';
import type { Io } from './io.js';
import { colorDiff } from './color-diff.js';
import { checkShard, parseRuleOverrides, parseSize } from './options.js';
import { plural } from '../plural.js';
import { toolVersion } from '../version.js';

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, problems: 1, failure: 2, networkDown: 3 } as const;

/** Report formats `--format` accepts. */
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'] as const;

/** Hooks for tests and embedders: a different rule registry, reporter lookup, link checker or worker count. */
export interface MainOptions {
  rulesModule?: string;
  linkChecker?: RunOptions['linkChecker'];
  getReporter?: (name: string) => Reporter;
  workers?: number | 'auto';
}

interface ParsedArgs {
  _: Array<string | number>;
  paths?: string[];
  config?: string;
  /** `init`: replace an existing config. */
  force?: boolean;
  fix?: boolean;
  'fix-dry-run'?: boolean;
  format: (typeof FORMATS)[number];
  output?: string;
  quiet?: boolean;
  'max-warnings'?: number | null;
  color?: boolean;
  'max-file-size'?: string;
  rule?: string[];
  links?: boolean;
  'changed-since'?: string;
  shard?: string;
  cache?: string | false;
  'print-config'?: string;
  'lint-cache'?: boolean;
  'lint-cache-location'?: string;
  'allow-private'?: string[];
  reports?: string[];
  /** Arguments after `--`: always paths, even when they start with a dash. */
  '--'?: Array<string | number>;
  report?: string;
  'confirm-after'?: number;
}

function buildParser(argv: string[]) {
  return yargs(argv)
    .scriptName('lint-lists')
    .usage('$0 [paths..]\n\nLint curated Markdown lists against their style schema and check their links.')
    .command('$0 [paths..]', 'Lint lists (files, folders or globs; default: the config\'s `files`, else README.md)')
    .command('links [paths..]', 'Check links only (lint rules are not reported)')
    .command('merge <reports..>', 'Merge JSON reports (e.g. one per --shard) into one report in any --format')
    .command('init', 'Write a lint-lists.config.json (with $schema) for the list in this folder and print the CI steps')
    .option('force', { type: 'boolean', describe: 'init: replace an existing config file' })
    .command('report-issue <report>', 'Create, update or close the dead-link report issue (needs GITHUB_TOKEN, GITHUB_REPOSITORY)')
    .option('confirm-after', { type: 'number', describe: 'report-issue: runs a failure must persist before it is listed' })
    .option('config', { alias: 'c', type: 'string', describe: 'Config file to use (skips the search)' })
    .option('fix', { type: 'boolean', describe: 'Fix what is safe to fix, in place' })
    .option('fix-dry-run', { type: 'boolean', describe: 'Print the fixes as a unified diff; write nothing' })
    .option('print-config', { type: 'string', requiresArg: true, describe: 'Print the style FILE is linted with and where each value came from (JSON)' })
    .option('format', { alias: 'f', choices: FORMATS, default: 'stylish' as const, describe: 'Report format' })
    .option('output', { alias: 'o', type: 'string', describe: 'Write the report to this file instead of stdout' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'Report errors only, no progress' })
    .option('max-warnings', { type: 'number', describe: 'Exit 1 when there are more warnings than this' })
    .option('color', { type: 'boolean', describe: 'Colour the stylish report (default: stdout is a TTY and NO_COLOR is unset)' })
    .option('max-file-size', { type: 'string', describe: 'Refuse larger files (MB, or with unit: 512kB, 20MB)', defaultDescription: '10MB' })
    // `nargs: 1`: a repeatable option takes exactly one value per use, so the paths after it stay paths.
    .option('rule', { type: 'string', array: true, nargs: 1, requiresArg: true, describe: 'Override a rule: id:off|warn|error (repeatable)' })
    .option('links', { type: 'boolean', describe: 'Also check links' })
    .option('changed-since', { type: 'string', describe: 'Links: only lines changed since this git ref' })
    .option('shard', { type: 'string', describe: 'Links: check shard k of n (k/n)' })
    .option('cache', { type: 'string', describe: 'Links: cache file (--no-cache to disable)' })
    .option('lint-cache', { type: 'boolean', describe: 'Reuse lint results of unchanged files (cache file: --lint-cache-location)' })
    .option('lint-cache-location', { type: 'string', describe: 'Lint cache file; implies --lint-cache', defaultDescription: DEFAULT_LINT_CACHE_FILE })
    .option('allow-private', { type: 'string', array: true, nargs: 1, requiresArg: true, describe: 'Links: allow this private host or CIDR (repeatable)' })
    .strict()
    // Dashed keys only: otherwise an unknown `--foo-bar` is reported twice, as `foo-bar, fooBar`.
    .parserConfiguration({ 'camel-case-expansion': false, 'populate--': true })
    .exitProcess(false)
    .version(toolVersion())
    .help()
    .alias('h', 'help')
    .wrap(100)
    .epilog(
      'Environment: NO_COLOR (no colour), LINT_LISTS_PARSE_BUDGET_MS (time allowed for a file the risk scan flags), ' +
        'LINT_LISTS_DEBUG=1 (stack traces of internal errors), GITHUB_TOKEN (GitHub links via the API; report-issue).',
    )
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
}

class UsageError extends Error {}

/** Runs the CLI with `argv` (arguments after the program name); returns the exit code, never throws. */
export async function main(argv: string[], io: Io, options: MainOptions = {}): Promise<number> {
  let output = '';
  let args: ParsedArgs;
  try {
    args = (await buildParser(argv).parseAsync(argv, {}, (_error, _argv, text) => {
      output = text;
    })) as unknown as ParsedArgs;
  } catch (error) {
    io.stderr(`lint-lists: ${error instanceof Error ? error.message : String(error)}\nRun \`lint-lists --help\` for usage.\n`);
    return EXIT.failure;
  }
  if (output !== '') {
    // --help or --version.
    io.stdout(output.endsWith('\n') ? output : `${output}\n`);
    return EXIT.ok;
  }
  try {
    return await run(args, io, options);
  } catch (error) {
    if (isLintListsError(error)) {
      io.stderr(`lint-lists: ${error.message}\n`);
    } else {
      io.stderr(`lint-lists: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      if (io.env.LINT_LISTS_DEBUG === '1' && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    }
    return EXIT.failure;
  }
}

/** Options that take one value: yargs turns a repeated one into an array, which is a usage error. */
const SINGLE_VALUE_OPTIONS = ['config', 'print-config', 'format', 'output', 'max-warnings', 'max-file-size', 'changed-since', 'shard', 'cache', 'report', 'confirm-after'] as const;

async function run(args: ParsedArgs, io: Io, options: MainOptions): Promise<number> {
  if (args._[0] === 'merge') return merge(args, io, options);
  if (args._[0] === 'init') {
    const { runInit } = await import('./commands/init.js');
    return runInit({ force: args.force === true }, io);
  }
  if (args._[0] === 'report-issue') {
    const { runReportIssue } = await import('./commands/report-issue.js');
    await runReportIssue({ reportFile: String(args.report), configPath: args.config, confirmAfterRuns: args['confirm-after'] }, io);
    return EXIT.ok;
  }
  const repeated = SINGLE_VALUE_OPTIONS.find((name) => Array.isArray((args as unknown as Record<string, unknown>)[name]));
  if (repeated !== undefined) return usage(io, `--${repeated} was given more than once; it takes one value`);
  const isLinksCommand = args._[0] === 'links';
  if (args._.length > (isLinksCommand ? 1 : 0)) return usage(io, `unknown command ${JSON.stringify(String(args._[isLinksCommand ? 1 : 0]))}`);
  if (args.fix && args['fix-dry-run']) return usage(io, '--fix and --fix-dry-run cannot be used together');
  if (args['print-config'] !== undefined) {
    const { runPrintConfig } = await import('./commands/print-config.js');
    const rules = parseRuleOverrides(args.rule ?? []);
    return runPrintConfig({ file: args['print-config'], configPath: args.config, ...(Object.keys(rules).length > 0 ? { overrides: { rules } } : {}) }, io);
  }
  if (args['max-warnings'] === null || (args['max-warnings'] !== undefined && (!Number.isInteger(args['max-warnings']) || args['max-warnings'] < 0))) {
    return usage(io, '--max-warnings: expected a whole number ≥ 0');
  }
  const runOptions: RunOptions = {
    paths: [...(args.paths ?? []), ...(args['--'] ?? []).map(String)],
    configPath: args.config,
    isLintOn: !isLinksCommand,
    isLinksOn: isLinksCommand || args.links === true,
    fix: args.fix ? 'write' : args['fix-dry-run'] ? 'dry-run' : 'off',
    isQuiet: args.quiet === true,
    maxFileSizeBytes: args['max-file-size'] !== undefined ? parseSize(args['max-file-size']) : undefined,
    ruleOverrides: parseRuleOverrides(args.rule ?? []),
    workers: options.workers,
    lintCache: args['lint-cache-location'] ?? (args['lint-cache'] === true ? DEFAULT_LINT_CACHE_FILE : undefined),
    rulesModule: options.rulesModule,
    linkChecker: options.linkChecker,
    links: {
      changedSince: args['changed-since'],
      shard: args.shard !== undefined ? checkShard(args.shard) : undefined,
      cache: args.cache,
      allowPrivate: args['allow-private'],
    },
  };
  const getReporter = options.getReporter ?? (await import('../report/index.js')).getReporter;
  const reporter = getReporter(args.format);
  const { report, diffs, inputs } = await runLintLists(runOptions, io);
  if (!runOptions.isQuiet) for (const notice of inputs.notices) io.stderr(`lint-lists: ${notice}\n`);
  for (const warning of inputs.warnings) io.stderr(`lint-lists: warning: ${warning}\n`);
  writeDiffs(diffs, args, io);
  const code = await emit(report, reporter, args, io);
  for (const error of inputs.errors) io.stderr(`lint-lists: ${error}\n`);
  return inputs.errors.length > 0 ? EXIT.failure : code;
}

/**
 * Prints `--fix-dry-run` diffs where they cannot corrupt the report: stdout when the report is stylish or
 * goes to `--output`, else stderr (so `-f json` stays valid JSON). Coloured when that stream is a terminal.
 */
function writeDiffs(diffs: string[], args: ParsedArgs, io: Io): void {
  if (diffs.length === 0) return;
  const isStdout = args.output !== undefined || args.format === 'stylish';
  const isTTY = isStdout ? io.stdoutIsTTY : io.stderrIsTTY;
  const color = args.color ?? (isTTY && !io.env.NO_COLOR);
  const write = isStdout ? io.stdout : io.stderr;
  for (const diff of diffs) write(color ? colorDiff(diff) : diff);
}

/** `merge`: combines JSON reports (one per shard) and prints the result like any run. */
async function merge(args: ParsedArgs, io: Io, options: MainOptions): Promise<number> {
  const { readReportFile } = await import('../report/read-report.js');
  const { mergeShardReports } = await import('../report/merge-shards.js');
  const reports = await Promise.all((args.reports ?? []).map((file) => readReportFile(file, io.cwd)));
  const getReporter = options.getReporter ?? (await import('../report/index.js')).getReporter;
  return emit(mergeShardReports(reports), getReporter(args.format), args, io);
}

/** Renders `report`, writes it to `--output` or stdout, and returns the exit code. */
async function emit(report: Report, reporter: Reporter, args: ParsedArgs, io: Io): Promise<number> {
  const color = args.color ?? (args.output === undefined && io.stdoutIsTTY && !io.env.NO_COLOR);
  const width = args.output === undefined && io.stdoutIsTTY ? io.stdoutColumns : undefined;
  const text = reporter(report, { color, ...(width !== undefined ? { width } : {}) });
  if (args.output !== undefined) {
    try {
      await writeFile(path.resolve(io.cwd, args.output), text);
    } catch (error) {
      throw new LintListsError('USAGE', `--output ${args.output}: cannot write the report (${errorCode(error)})`, { cause: error });
    }
  } else if (text !== '') {
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  }
  return exitCode(report, args['max-warnings'] ?? undefined, io);
}

function usage(io: Io, message: string): number {
  io.stderr(`lint-lists: ${message}\nRun \`lint-lists --help\` for usage.\n`);
  return EXIT.failure;
}

/** 3 when the network was down during a link check, 1 for errors or too many warnings, else 0. */
function exitCode(report: Report, maxWarnings: number | undefined, io: Io): number {
  if (report.networkDown) return EXIT.networkDown;
  if (report.summary.errors > 0) return EXIT.problems;
  if (maxWarnings !== undefined && report.summary.warnings > maxWarnings) {
    io.stderr(`lint-lists: ${plural(report.summary.warnings, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}
