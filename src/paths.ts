// How paths are shown to people and in reports: one rule for every message and file id.

import path from 'node:path';

/**
 * `absolutePath` relative to `cwd` with forward slashes (`.` for `cwd` itself, `../x.md` above it); absolute only
 * when no relative path exists (another drive).
 */
export function displayPath(cwd: string, absolutePath: string): string {
  const relative = path.relative(cwd, absolutePath);
  if (relative === '') return '.';
  return (path.isAbsolute(relative) ? absolutePath : relative).split(path.sep).join('/');
}
