// The public API: a linter created once from a config, lint and fix of files and text, link checks, reporters; plus the types they use.
import path from 'node:path';
import type { ConfigInput } from './config/schema.js';
import type { ResolvedConfig } from './config/resolve.js';
import type { Diagnostic } from './diagnostics.js';
import { loadRunConfig } from './engine/load.js';
import { runLint, type RunConfig, type RunEvents } from './engine/run.js';
import type { CheckLinksOptions, CheckLinksOutcome } from './links/index.js';
import { fixText as fixWithSetup } from './lint/fix.js';
import { lintText as lintWithSetup } from './lint/lint-text.js';
import type { Report } from './report/types.js';

// Types and building blocks, documented where they are defined.
export type { Diagnostic, Position, Range, Severity, SeveritySetting, TextEdit } from './diagnostics.js';
export { LintListsError, isLintListsError, type ErrorCode } from './errors.js';
export type { Report, FileReport, Reporter, ReporterOptions, RuleInfo } from './report/types.js';
export type { LinkResult, Verdict, RedirectHop, LinkOccurrence } from './links/types.js';
export type { ListDocument, Entry, Section, LinkRef, Span } from './markdown/types.js';
export type { Rule, AnyRule, RuleContext, ReportDescriptor } from './rules/define-rule.js';
export type { LinkRule, AnyLinkRule } from './links/rules/define-link-rule.js';
export type { ResolvedConfig } from './config/resolve.js';
export type { Style, StyleInput } from './config/style-schema.js';
export type { ConfigInput } from './config/schema.js';
export type { RunEvents } from './engine/run.js';
export type { LinkProgressEvent } from './links/index.js';
export type { Io } from './cli/io.js';
export { defineRule } from './rules/define-rule.js';
export { rules } from './rules/index.js';
export { linkRules } from './links/rules/index.js';
export { loadConfig, findConfigFile } from './config/load.js';
export { getReporter, reporters } from './report/index.js';
export { buildListModel } from './markdown/list-model.js';
export { applyEdits } from './lint/apply-edits.js';
export { normalizeEol } from './lint/eol.js';
export { main } from './cli/main.js';

/** What `Linter.lintFiles` and `Linter.fixFiles` take besides the paths. */
export interface FileRunOptions {
  /** Also check links (network access). */
  links?: boolean;
  /** Largest file read, in bytes (default 10 MB). */
  maxFileSizeBytes?: number;
  /** Progress and warnings; nothing is printed. */
  events?: RunEvents;
}

/** A linter bound to one resolved config: every call reuses it, nothing is looked up again. */
export interface Linter {
  /** The settings every call uses. */
  readonly config: ResolvedConfig;
  /** Lints a Markdown string (BOM allowed); disable comments apply. `file` names it in diagnostics (default `input.md`). */
  lintText(text: string, options?: { file?: string }): Diagnostic[];
  /** Fixes a Markdown string; returns the fixed text (a BOM is kept) and what is left to report. */
  fixText(text: string, options?: { file?: string }): { text: string; diagnostics: Diagnostic[] };
  /** Lints files and folders (relative to the linter's `cwd`; default the config's `files`) and returns the report. */
  lintFiles(paths?: string[], options?: FileRunOptions): Promise<Report>;
  /** Fixes files in place (each written once, atomically) and returns what is left, as `--fix`. */
  fixFiles(paths?: string[], options?: FileRunOptions): Promise<Report>;
}

/** Where a linter's config comes from besides the object itself. */
export interface CreateLinterOptions {
  /** Folder paths are relative to (default `process.cwd()`); `extends` paths in the object resolve against it. */
  cwd?: string;
  /** Read this config file instead of using an object. */
  configPath?: string;
  /** Find the config file from `cwd` as the CLI does (ignored when a config object is given). */
  isConfigSearched?: boolean;
}

/**
 * Creates a linter from a config object (as written in `lint-lists.config.json`; `{}` is the recommended
 * defaults), in the manner of ESLint's `Linter`: the config is resolved once, here.
 */
export async function createLinter(config?: ConfigInput, options: CreateLinterOptions = {}): Promise<Linter> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const useObject = config !== undefined || (options.configPath === undefined && options.isConfigSearched !== true);
  const loaded = await loadRunConfig({ cwd, ...(useObject ? { config: config ?? {} } : { configPath: options.configPath }) });
  return linterFor(loaded, cwd);
}

function linterFor(loaded: RunConfig, cwd: string): Linter {
  const run = (paths: string[], fix: 'off' | 'write', options: FileRunOptions): Promise<Report> =>
    runLint(loaded, {
      paths,
      cwd,
      env: process.env,
      isLintOn: true,
      isLinksOn: options.links === true,
      fix,
      isQuiet: false,
      maxFileSizeBytes: options.maxFileSizeBytes,
      events: options.events,
    }).then((result) => result.report);
  return {
    config: loaded.config,
    lintText: (text, options = {}) => lintWithSetup(options.file ?? 'input.md', withoutBom(text), loaded.setup).diagnostics,
    fixText: (text, options = {}) => {
      const fixed = fixWithSetup(options.file ?? 'input.md', withoutBom(text), loaded.setup);
      return { text: (hasBom(text) ? '\uFEFF' : '') + fixed.text, diagnostics: fixed.lint.diagnostics };
    },
    lintFiles: (paths = [], options = {}) => run(paths, 'off', options),
    fixFiles: (paths = [], options = {}) => run(paths, 'write', options),
  };
}

function hasBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

function withoutBom(text: string): string {
  return hasBom(text) ? text.slice(1) : text;
}

/** What `lint` and `fix` take; paths and config resolve against `cwd` as on the command line. */
export interface LintOptions {
  /** Files and folders; default: the config's `files` (`lists/`). */
  paths?: string[];
  /** Default: `process.cwd()`. */
  cwd?: string;
  /** A config object; no config file is searched for. */
  config?: ConfigInput;
  /** A config file to use instead of searching for one. */
  configPath?: string;
  /** Rule severity overrides, as `--rule id:severity`. */
  rules?: Record<string, 'off' | 'warn' | 'error'>;
  /** Also check links (network access). */
  links?: boolean;
  /** Largest file read, in bytes (default 10 MB). */
  maxFileSizeBytes?: number;
}

async function linterFromOptions(options: { cwd?: string; config?: ConfigInput; configPath?: string; rules?: LintOptions['rules'] }): Promise<{ linter: Linter; cwd: string }> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const overrides = options.rules && Object.keys(options.rules).length > 0 ? { rules: options.rules } : undefined;
  const loaded = await loadRunConfig({
    cwd,
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.configPath !== undefined ? { configPath: options.configPath } : {}),
    ...(overrides ? { overrides } : {}),
  });
  return { linter: linterFor(loaded, cwd), cwd };
}

/** Lints files as the CLI does and returns the report (no output is written). Prefer `createLinter` for repeated calls. */
export async function lint(options: LintOptions = {}): Promise<Report> {
  const { linter } = await linterFromOptions(options);
  return linter.lintFiles(options.paths ?? [], { links: options.links, maxFileSizeBytes: options.maxFileSizeBytes });
}

/** Fixes files in place (atomically; untouched when nothing changes) and returns what is left, as `--fix`. */
export async function fix(options: LintOptions = {}): Promise<Report> {
  const { linter } = await linterFromOptions(options);
  return linter.fixFiles(options.paths ?? [], { links: options.links, maxFileSizeBytes: options.maxFileSizeBytes });
}

/** What `lintText` and `fixMarkdown` take. */
export interface TextOptions {
  /** Name used in diagnostics; default `input.md`. */
  file?: string;
  /** Where the config search starts; default `process.cwd()`. */
  cwd?: string;
  /** A config object; no config file is searched for. */
  config?: ConfigInput;
  configPath?: string;
}

/** Lints a Markdown string (BOM allowed); disable comments apply. Prefer `createLinter(config).lintText` for many texts. */
export async function lintText(text: string, options: TextOptions = {}): Promise<Diagnostic[]> {
  const { linter } = await linterFromOptions(options);
  return linter.lintText(text, { file: options.file });
}

/** Fixes a Markdown string and returns the fixed text (a BOM is kept) with what is left to report. */
export async function fixMarkdown(text: string, options: TextOptions = {}): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  const { linter } = await linterFromOptions(options);
  return linter.fixText(text, { file: options.file });
}

/** Checks links (loads the HTTP client only when called). */
export async function checkLinks(options: CheckLinksOptions): Promise<CheckLinksOutcome> {
  const links = await import('./links/index.js');
  return links.checkLinks(options);
}
