// Decides what a run lints: the CLI's paths, else the config's `files`, else the readme of the working directory.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { expandInputs, type ExpandedInputs } from './files.js';

/** The config settings that choose and filter inputs. */
export interface InputConfig {
  /** The config file, as shown in messages; absent when running on defaults. */
  file?: string;
  /** The config's folder: `files` and `ignore` are relative to it. */
  root: string;
  files: readonly string[];
  ignore: readonly string[];
}

/** The files to lint and what to tell the user about how they were chosen. */
export interface ResolvedInputs extends ExpandedInputs {
  /** Lines for stderr that explain the choice (which readme was linted). */
  notices: string[];
  /** Lines for stderr about config `files` entries that matched nothing; the run goes on. */
  warnings: string[];
  /** Usage errors (a CLI pattern that matched nothing, nothing to lint): the run exits 2 after reporting. */
  errors: string[];
}

/** A readme, as awesome-lint finds it: `readme.md` or `readme.markdown` in any case. */
const README_NAME = /^readme\.(?:md|markdown)$/i;

/**
 * Expands CLI `paths` when given; else the config's `files` (relative to the config's folder);
 * else the readme in `cwd`. A CLI pattern matching nothing is an error, a config entry matching
 * nothing a warning (as ESLint does).
 */
export async function resolveInputs(paths: readonly string[], config: InputConfig, cwd: string): Promise<ResolvedInputs> {
  const filters = { cwd, ignore: [...config.ignore], ignoreRoot: config.root };
  if (paths.length > 0) {
    const expanded = await expandInputs([...paths], filters);
    return { ...expanded, notices: [], warnings: [], errors: expanded.unmatched.map(noMatch) };
  }
  if (config.files.length > 0) {
    const expanded = await expandInputs([...config.files], { ...filters, base: config.root });
    const where = `${config.file ?? 'config'}: files`;
    const warnings = expanded.unmatched.map((pattern) => `${where}: ${noMatch(pattern)}`);
    const errors = expanded.files.length === 0 && expanded.problems.length === 0 ? [`${where}: nothing to lint`] : [];
    return { ...expanded, notices: [], warnings, errors };
  }
  const readme = await findReadme(cwd);
  if (readme === undefined) {
    const error = 'no paths given, no `files` in a config and no README.md here: name what to lint (`lint-lists docs/*.md`) or set `files` in lint-lists.config.json';
    return { files: [], problems: [], unmatched: [], notices: [], warnings: [], errors: [error] };
  }
  const expanded = await expandInputs([readme], filters);
  return { ...expanded, notices: [`Linting ${readme} (no paths given and no \`files\` in a config)`], warnings: [], errors: expanded.unmatched.map(noMatch) };
}

/** The readme file name in `folder` (README.md first, then any other case or `.markdown`), if any. */
export async function findReadme(folder: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true })).filter((entry) => !entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return undefined;
  }
  const candidates = names.filter((name) => README_NAME.test(name)).sort(byPreference);
  return candidates[0] === undefined ? undefined : path.join('.', candidates[0]);
}

/** `README.md` before `readme.md` before `Readme.markdown`…: the conventional spelling wins a tie. */
function byPreference(a: string, b: string): number {
  const rank = (name: string): number => (name === 'README.md' ? 0 : name.toLowerCase().endsWith('.md') ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function noMatch(pattern: string): string {
  return `No files matching the pattern "${pattern}" were found`;
}
