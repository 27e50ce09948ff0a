// `--changed-since <ref>`: which lines of which files git sees as added or changed since a ref.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { LintListsError } from '../errors.js';
import type { LinkOccurrence } from './types.js';

/** Per file as given: the 1-based changed line numbers, or `'all'` for files git does not track. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

/** Runs git without a shell; resolves with stdout, rejects with git's stderr as message. */
function git(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr: String(stderr).trim() }));
      else resolve(stdout);
    });
  });
}

/** Rejects refs that git would read as options, or that cannot be refs at all. */
function validateRef(ref: string): void {
  if (ref === '' || ref.startsWith('-') || /[\0\n\r]/.test(ref)) {
    throw new LintListsError('GIT', `--changed-since: invalid git ref \`${ref}\``);
  }
}

/**
 * Lines added or changed in `files` between `ref` and the working tree (`git diff --unified=0`).
 * Files git does not track count as changed throughout.
 */
export async function changedLines(ref: string, files: readonly string[], cwd: string): Promise<ChangedLines> {
  validateRef(ref);
  let root: string;
  try {
    root = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  } catch (error) {
    throw new LintListsError('GIT', `--changed-since: ${cwd} is not inside a git repository`, { cause: error });
  }
  try {
    await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
  } catch (error) {
    throw new LintListsError('GIT', `--changed-since: unknown git ref \`${ref}\``, { cause: error });
  }
  // Paths from git are relative to the repository root; map them back to the files as given.
  const byRootPath = new Map<string, string>();
  for (const file of files) byRootPath.set(toPosix(path.relative(root, path.resolve(cwd, file))), file);
  const result: ChangedLines = new Map(files.map((file) => [file, new Set<number>()]));
  if (files.length === 0) return result;
  const pathspecs = files.map((file) => path.resolve(cwd, file));
  const tracked = await git(['-c', 'core.quotePath=false', 'ls-files', '--full-name', '-z', '--', ...pathspecs], cwd);
  const trackedSet = new Set(tracked.split('\0').filter(Boolean));
  for (const [rootPath, file] of byRootPath) if (!trackedSet.has(rootPath)) result.set(file, 'all');
  let diff: string;
  try {
    diff = await git(['-c', 'core.quotePath=false', 'diff', '--unified=0', '--no-color', '--no-ext-diff', ref, '--', ...pathspecs], cwd);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new LintListsError('GIT', `--changed-since: git diff against \`${ref}\` failed: ${stderr}`, { cause: error });
  }
  for (const [rootPath, lines] of parseUnifiedDiff(diff)) {
    const file = byRootPath.get(rootPath);
    const current = file === undefined ? undefined : result.get(file);
    if (current === undefined || current === 'all') continue;
    for (const line of lines) current.add(line);
  }
  return result;
}

/** Parses `git diff --unified=0` output into new-side line numbers per root-relative path. */
export function parseUnifiedDiff(diff: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let current: number[] | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = unquote(line.slice(4).replace(/\r$/, ''));
      if (target === '/dev/null') {
        current = undefined;
        continue;
      }
      const name = target.startsWith('b/') ? target.slice(2) : target;
      current = out.get(name) ?? [];
      out.set(name, current);
    } else if (line.startsWith('@@ ') && current) {
      const hunk = parseHunkHeader(line);
      if (hunk) for (let n = hunk.start; n < hunk.start + hunk.count; n++) current.push(n);
    }
  }
  return out;
}

/** Reads `+c[,d]` from `@@ -a[,b] +c[,d] @@` by scanning; a count of 0 (pure deletion) adds no lines. */
export function parseHunkHeader(line: string): { start: number; count: number } | undefined {
  const plus = line.indexOf(' +', 2);
  if (plus === -1) return undefined;
  let i = plus + 2;
  const readNumber = (): number | undefined => {
    const from = i;
    while (i < line.length && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
    return i > from ? Number(line.slice(from, i)) : undefined;
  };
  const start = readNumber();
  if (start === undefined) return undefined;
  let count = 1;
  if (line[i] === ',') {
    i++;
    count = readNumber() ?? 1;
  }
  return { start, count };
}

/** Undoes git's C-style quoting of unusual paths (`"b/a\"b.md"`, octal escapes for bytes). */
function unquote(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const char = String.fromCodePoint(body.codePointAt(i)!);
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      i += char.length - 1;
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** True when any line the occurrence spans was added or changed (files not asked about count as changed). */
export function isOnChangedLine(occurrence: LinkOccurrence, changed: ChangedLines): boolean {
  const lines = changed.get(occurrence.file);
  if (lines === undefined || lines === 'all') return true;
  for (let line = occurrence.start.line; line <= occurrence.end.line; line++) if (lines.has(line)) return true;
  return false;
}
