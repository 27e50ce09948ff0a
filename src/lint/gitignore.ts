// `.gitignore` files (the repository's and nested ones) applied to the files a folder walk or glob finds.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Tells whether an absolute path is ignored by the `.gitignore` files above it; `isFolder` for folders. */
export type GitignoreTest = (absolutePath: string, isFolder: boolean) => boolean;

/** The folder holding `.git` at or above `start`, or undefined outside a repository. */
export function findRepositoryRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (exists(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Builds a test from every `.gitignore` between `root` (the repository root, or the working directory
 * outside a repository) and each tested path. As in git, a deeper file's rules win over a shallower
 * one's, and a file in an ignored folder stays ignored. Files are read once and cached.
 */
export function createGitignoreTest(root: string): GitignoreTest {
  const rootDir = path.resolve(root);
  const cache = new Map<string, Ignore | undefined>();
  const rulesOf = (dir: string): Ignore | undefined => {
    if (!cache.has(dir)) cache.set(dir, readRules(path.join(dir, '.gitignore')));
    return cache.get(dir);
  };
  return (absolutePath, isFolder) => {
    const relative = path.relative(rootDir, absolutePath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const segments = relative.split(path.sep);
    let isIgnored = false;
    // Walk from the root down: each folder's .gitignore sees the path relative to itself.
    for (let depth = 0; depth < segments.length; depth++) {
      const rules = rulesOf(path.join(rootDir, ...segments.slice(0, depth)));
      if (!rules) continue;
      const rest = segments.slice(depth).join('/') + (isFolder ? '/' : '');
      const result = rules.test(rest);
      if (result.ignored) isIgnored = true;
      else if (result.unignored) isIgnored = false;
    }
    return isIgnored;
  };
}

function readRules(file: string): Ignore | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return ignore().add(text);
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}
