// Turns CLI paths and config `files` (paths or globs) into the sorted list of Markdown files to lint.
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { displayPath } from '../paths.js';
import { createGitignoreTest, findRepositoryRoot, type GitignoreTest } from './gitignore.js';
import { compileIgnore } from './ignore.js';

/** Kept here for existing imports; defined in paths.ts. */
export { displayPath };

/** A file to lint: the path shown in diagnostics and where it really is. */
export interface InputFile {
  /** Relative to the working directory (forward slashes) when inside it, else absolute. */
  file: string;
  absolutePath: string;
  /** Size from discovery, used to decide whether worker threads pay off; 0 when unknown. */
  sizeBytes: number;
}

/** A path that exists but could not be turned into files (cannot be listed, dangling symlink…). */
export interface InputProblem {
  file: string;
  message: string;
}

/** What expanding the inputs found. */
export interface ExpandedInputs {
  files: InputFile[];
  problems: InputProblem[];
  /** Patterns, as given, that matched no file: a missing path, a glob or folder without Markdown files. */
  unmatched: string[];
}

/** Where to look and what to leave out. */
export interface ExpandOptions {
  /** Working directory: paths are shown relative to it. */
  cwd: string;
  /** Folder relative patterns start from (the config's folder for config `files`); defaults to `cwd`. */
  base?: string;
  /** The config's `ignore` patterns (see `compileIgnore`); they apply to explicit file paths too. */
  ignore?: string[];
  /** Folder the ignore patterns are relative to (the config file's folder); defaults to `cwd`. */
  ignoreRoot?: string;
  /** Skip what `.gitignore` files ignore while walking folders and globs (default true). */
  isGitignoreOn?: boolean;
}

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);
// Folders no list lives in; walking them would only cost time (dot-folders are skipped separately).
const SKIPPED_FOLDERS = new Set(['node_modules']);

/** True when the pattern uses glob syntax (`*`, `?`, `[…]`, `{…}`, extglobs) rather than naming a path. */
export function isGlobPattern(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/**
 * Expands paths and globs. A folder (given, or the static part of a glob) is walked for `*.md` /
 * `*.markdown` (any case), skipping `node_modules`, dot-folders, symlinked folders, what `.gitignore`
 * ignores and the config's `ignore`; a glob keeps the Markdown files it matches; a path given as a file
 * is linted whatever its extension. `!pattern` removes matches of the other patterns. Result is
 * sorted and deduplicated; what matched nothing is listed in `unmatched`.
 */
export async function expandInputs(patterns: string[], options: ExpandOptions): Promise<ExpandedInputs> {
  const base = options.base ?? options.cwd;
  const ignoreRoot = options.ignoreRoot ?? options.cwd;
  const isConfigIgnored = compileIgnore(options.ignore ?? []);
  const gitignore: GitignoreTest | undefined =
    options.isGitignoreOn === false ? undefined : createGitignoreTest(findRepositoryRoot(base) ?? options.cwd);
  const isExcluded = (absolutePath: string): boolean => isConfigIgnored(displayPath(ignoreRoot, absolutePath));
  const isIgnored = (absolutePath: string, isFolder: boolean): boolean => isExcluded(absolutePath) || (gitignore?.(absolutePath, isFolder) ?? false);
  const negations = patterns.filter((p) => p.startsWith('!')).map((p) => picomatch(p.slice(1).replace(/^\.\//, ''), { dot: true }));
  const isNegated = (absolutePath: string): boolean => negations.some((matches) => matches(displayPath(base, absolutePath)));

  const found = new Map<string, InputFile>();
  const problems: InputProblem[] = [];
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    let count = 0;
    const add = (absolutePath: string, sizeBytes: number): void => {
      if (isNegated(absolutePath)) return;
      count++;
      if (!found.has(absolutePath)) found.set(absolutePath, { file: displayPath(options.cwd, absolutePath), absolutePath, sizeBytes });
    };
    const scan = picomatch.scan(pattern);
    if (scan.isGlob) {
      const globBase = path.resolve(base, scan.base);
      const matches = picomatch(scan.glob, { dot: false });
      const maxDepth = scan.glob.includes('**') || scan.glob.includes('{') ? Infinity : scan.glob.split('/').length;
      const walkOptions = { cwd: options.cwd, isIgnored, maxDepth, isMissingOk: true };
      await walk(globBase, walkOptions, (file, size) => matches(displayPath(globBase, file)) && add(file, size), problems);
    } else {
      const given = await expandPath(pattern, { base, cwd: options.cwd, isIgnored, isExcluded }, add, problems);
      if (given === 'missing') {
        unmatched.push(pattern);
        continue;
      }
      if (given === 'counted') continue;
    }
    if (count === 0) unmatched.push(pattern);
  }
  const files = [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, problems, unmatched };
}

/** A literal path: a folder is walked, a file is taken; 'counted' when it exists but was reported or skipped. */
async function expandPath(
  pattern: string,
  { base, cwd, isIgnored, isExcluded }: { base: string; cwd: string; isIgnored: WalkOptions['isIgnored']; isExcluded: (absolutePath: string) => boolean },
  add: (absolutePath: string, sizeBytes: number) => void,
  problems: InputProblem[],
): Promise<'missing' | 'counted' | 'walked'> {
  const absolutePath = path.resolve(base, pattern);
  const shown = displayPath(cwd, absolutePath);
  let info;
  try {
    // stat follows symlinks: a symlink given explicitly to a folder is walked; one to a file is read (and checked) later.
    info = await stat(absolutePath);
  } catch (error) {
    if (await lstat(absolutePath).then(() => true, () => false)) {
      problems.push({ file: shown, message: `${shown}: symlink target does not exist` });
      return 'counted';
    }
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return 'missing';
    problems.push({ file: shown, message: `${shown}: cannot access (${errorCode(error)})` });
    return 'counted';
  }
  if (info.isDirectory()) {
    await walk(absolutePath, { cwd, isIgnored, maxDepth: Infinity, isMissingOk: false }, (file, size) => (add(file, size), true), problems);
    return 'walked';
  }
  // The config's `ignore` applies to a file named explicitly; `.gitignore` does not (naming it is asking for it).
  if (!isExcluded(absolutePath)) add(absolutePath, info.isFile() ? info.size : 0);
  return 'counted';
}

interface WalkOptions {
  cwd: string;
  isIgnored: (absolutePath: string, isFolder: boolean) => boolean;
  /** Folder levels to descend (1: only the folder's own files). */
  maxDepth: number;
  /** A glob's base folder may not exist: that is "no match", not a problem. */
  isMissingOk: boolean;
}

async function walk(folder: string, options: WalkOptions, onFile: (absolutePath: string, sizeBytes: number) => unknown, problems: InputProblem[], depth = 1): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if (options.isMissingOk && (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR'))) return;
    const shown = displayPath(options.cwd, folder);
    problems.push({ file: shown, message: `${shown}: cannot list folder (${errorCode(error)})` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const absolutePath = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (depth >= options.maxDepth || entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      if (options.isIgnored(absolutePath, true)) continue;
      await walk(absolutePath, options, onFile, problems, depth + 1);
    } else if (MARKDOWN_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && !options.isIgnored(absolutePath, false)) {
      // Symlinks, FIFOs and devices named *.md are kept: reading them explains why they are refused.
      // Symlinked folders are not followed, so a link loop cannot trap the walk.
      const sizeBytes = entry.isFile() ? await lstat(absolutePath).then((info) => info.size, () => 0) : 0;
      onFile(absolutePath, sizeBytes);
    }
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** The errno code of a file-system error (`EACCES`…), or its message. */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string') return (error as { code: string }).code;
  return error instanceof Error ? error.message : String(error);
}
