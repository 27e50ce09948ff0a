// Turns CLI paths and config `files` into the sorted list of Markdown files to lint, walking directories.
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../paths.js';
import { matchesIgnore } from './ignore.js';

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

/** A path that could not be turned into files (it does not exist, cannot be listed…). */
export interface InputProblem {
  file: string;
  message: string;
}

/** What expanding the inputs found. */
export interface ExpandedInputs {
  files: InputFile[];
  problems: InputProblem[];
}

/** Where to look and what to leave out. */
export interface ExpandOptions {
  cwd: string;
  /** Glob patterns (gitignore-like) of paths to skip while walking; explicit file paths are skipped too. */
  ignore?: string[];
  /** Folder the ignore patterns are relative to (the config file's folder); defaults to `cwd`. */
  ignoreRoot?: string;
}

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);
// Folders no list lives in; walking them would only cost time (dot-folders are skipped separately).
const SKIPPED_FOLDERS = new Set(['node_modules']);

/**
 * Expands paths: a directory (given or found) is walked for `*.md` / `*.markdown`, skipping
 * `node_modules`, dot-folders, symlinked folders and ignored paths; a path given as a file is linted
 * whatever its extension. Missing paths become problems, not exceptions. Result is sorted and deduplicated.
 */
export async function expandInputs(paths: string[], options: ExpandOptions): Promise<ExpandedInputs> {
  const ignore = options.ignore ?? [];
  const ignoreRoot = options.ignoreRoot ?? options.cwd;
  const isIgnored = (absolutePath: string): boolean => ignore.length > 0 && matchesIgnore(displayPath(ignoreRoot, absolutePath), ignore);
  const found = new Map<string, InputFile>();
  const problems: InputProblem[] = [];
  const add = (absolutePath: string, sizeBytes: number): void => {
    if (!found.has(absolutePath)) found.set(absolutePath, { file: displayPath(options.cwd, absolutePath), absolutePath, sizeBytes });
  };
  for (const given of paths) {
    const absolutePath = path.resolve(options.cwd, given);
    const shown = displayPath(options.cwd, absolutePath);
    let info;
    try {
      // stat follows symlinks: a symlink given explicitly to a folder is walked; one to a file is read (and checked) later.
      info = await stat(absolutePath);
    } catch (error) {
      const isDangling = await lstat(absolutePath).then(() => true, () => false);
      problems.push({ file: shown, message: isDangling ? `${shown}: symlink target does not exist` : `${shown}: no such file or directory` });
      if (!isCode(error, 'ENOENT') && !isCode(error, 'ENOTDIR') && !isDangling) problems[problems.length - 1]!.message = `${shown}: cannot access (${errorCode(error)})`;
      continue;
    }
    if (info.isDirectory()) {
      await walk(absolutePath, options.cwd, isIgnored, add, problems);
    } else if (!isIgnored(absolutePath)) {
      add(absolutePath, info.isFile() ? info.size : 0);
    }
  }
  const files = [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, problems };
}

async function walk(
  folder: string,
  cwd: string,
  isIgnored: (absolutePath: string) => boolean,
  add: (absolutePath: string, sizeBytes: number) => void,
  problems: InputProblem[],
): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    problems.push({ file: displayPath(cwd, folder), message: `${displayPath(cwd, folder)}: cannot list folder (${errorCode(error)})` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const absolutePath = path.join(folder, entry.name);
    if (isIgnored(absolutePath)) continue;
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      await walk(absolutePath, cwd, isIgnored, add, problems);
    } else if (MARKDOWN_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      // Symlinks, FIFOs and devices named *.md are kept: reading them explains why they are refused.
      // Symlinked folders are not followed, so a link loop cannot trap the walk.
      const sizeBytes = entry.isFile() ? await lstat(absolutePath).then((info) => info.size, () => 0) : 0;
      add(absolutePath, sizeBytes);
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
