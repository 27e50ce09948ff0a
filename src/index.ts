// The public API: lint and fix lists, check links, load config, format reports; plus the types they use.
import path from 'node:path';
import { runLintLists, type RunOptions } from './cli/commands/lint.js';
import { captureIo } from './cli/io.js';
import type { Diagnostic } from './diagnostics.js';
import type { CheckLinksOptions, CheckLinksOutcome } from './links/index.js';
import { loadConfigAndSetup, DEFAULT_RULES_MODULE } from './lint/config-setup.js';
import { fixText } from './lint/fix.js';
import { lintText as lintTextWithSetup } from './lint/lint-text.js';
import type { Report } from './report/types.js';

// Types and building blocks, documented where they are defined.
export type { Diagnostic, Position, Range, Severity, SeveritySetting, TextEdit } from './diagnostics.js';
export { LintListsError, isLintListsError, type ErrorCode } from './errors.js';
export type { Report, FileReport, Reporter, ReporterOptions, RuleInfo } from './report/types.js';
export type { LinkResult, Verdict, RedirectHop, LinkOccurrence } from './links/types.js';
export type { ListDocument, Entry, Section, LinkRef, Span } from './markdown/types.js';
export type { Rule, AnyRule, RuleContext, ReportDescriptor } from './rules/define-rule.js';
export type { ResolvedConfig } from './config/resolve.js';
export type { Style, StyleInput } from './config/style-schema.js';
export type { ConfigInput } from './config/schema.js';
export type { Io } from './cli/io.js';
export { defineRule } from './rules/define-rule.js';
export { rules } from './rules/index.js';
export { loadConfig, findConfigFile } from './config/load.js';
export { getReporter, reporters } from './report/index.js';
export { buildListModel } from './markdown/list-model.js';
export { applyEdits } from './lint/apply-edits.js';
export { normalizeEol } from './lint/eol.js';
export { main } from './cli/main.js';

/** What `lint` and `fix` take; paths and config resolve against `cwd` as on the command line. */
export interface LintOptions {
  /** Files and folders; default: the config's `files` (`lists/`). */
  paths?: string[];
  /** Default: `process.cwd()`. */
  cwd?: string;
  /** A config file to use instead of searching for one. */
  configPath?: string;
  /** Rule severity overrides, as `--rule id:severity`. */
  rules?: Record<string, 'off' | 'warn' | 'error'>;
  /** Also check links (network access). */
  links?: boolean;
  /** Largest file read, in bytes (default 10 MB). */
  maxFileSizeBytes?: number;
}

function runOptions(options: LintOptions, fix: RunOptions['fix']): RunOptions {
  return {
    paths: options.paths ?? [],
    configPath: options.configPath,
    isLintOn: true,
    isLinksOn: options.links === true,
    fix,
    isQuiet: false,
    maxFileSizeBytes: options.maxFileSizeBytes,
    ruleOverrides: options.rules ?? {},
    links: {},
  };
}

/** Lints files as the CLI does and returns the report (no output is written). */
export async function lint(options: LintOptions = {}): Promise<Report> {
  const io = captureIo({ cwd: path.resolve(options.cwd ?? process.cwd()), env: process.env });
  return (await runLintLists(runOptions(options, 'off'), io)).report;
}

/** Fixes files in place (atomically; untouched when nothing changes) and returns what is left, as `--fix`. */
export async function fix(options: LintOptions = {}): Promise<Report> {
  const io = captureIo({ cwd: path.resolve(options.cwd ?? process.cwd()), env: process.env });
  return (await runLintLists(runOptions(options, 'write'), io)).report;
}

/** What `lintText` and `fixText` take. */
export interface TextOptions {
  /** Name used in diagnostics; default `input.md`. */
  file?: string;
  /** Where the config search starts; default `process.cwd()`. */
  cwd?: string;
  configPath?: string;
}

/** Lints a Markdown string (BOM allowed) with the config found from `cwd`; disable comments apply. */
export async function lintText(text: string, options: TextOptions = {}): Promise<Diagnostic[]> {
  const { setup } = await loadConfigAndSetup({ cwd: path.resolve(options.cwd ?? process.cwd()), configPath: options.configPath, rulesModule: DEFAULT_RULES_MODULE });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return lintTextWithSetup(options.file ?? 'input.md', body, setup).diagnostics;
}

/** Fixes a Markdown string and returns the fixed text (a BOM is kept) with what is left to report. */
export async function fixMarkdown(text: string, options: TextOptions = {}): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  const { setup } = await loadConfigAndSetup({ cwd: path.resolve(options.cwd ?? process.cwd()), configPath: options.configPath, rulesModule: DEFAULT_RULES_MODULE });
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const fixed = fixText(options.file ?? 'input.md', hasBom ? text.slice(1) : text, setup);
  return { text: (hasBom ? '\uFEFF' : '') + fixed.text, diagnostics: fixed.lint.diagnostics };
}

/** Checks links (loads the HTTP client only when called). */
export async function checkLinks(options: CheckLinksOptions): Promise<CheckLinksOutcome> {
  const links = await import('./links/index.js');
  return links.checkLinks(options);
}
