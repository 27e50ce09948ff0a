// The config's `ignore` patterns: full glob syntax (picomatch), gitignore-like anchoring, later `!pattern`s re-include.
import picomatch from 'picomatch';

/** Tells whether a path (relative to the config's folder, forward slashes) is ignored. */
export type IgnoreTest = (relativePath: string) => boolean;

interface CompiledPattern {
  isNegated: boolean;
  matches: (path: string) => boolean;
}

/**
 * Compiles `ignore` patterns. A pattern without `/` matches a name at any depth (`drafts`, `*.draft.md`);
 * one with `/` is anchored at the config's folder (`lists/old/**`); a trailing `/` is dropped. A pattern
 * that matches a folder ignores everything in it. Patterns apply in order and `!pattern` re-includes,
 * as in `.gitignore`. Globs are picomatch's: `*`, `**`, `?`, `[abc]`, `{a,b}`, extglobs.
 */
export function compileIgnore(patterns: readonly string[]): IgnoreTest {
  const compiled = patterns.flatMap((raw) => compilePattern(raw));
  if (compiled.length === 0) return () => false;
  return (relativePath) => {
    const segments = relativePath.split('/').filter((segment) => segment !== '' && segment !== '.');
    // The path itself and each folder above it: ignoring `lists/old` ignores `lists/old/a.md`.
    const candidates = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
    let isIgnored = false;
    for (const pattern of compiled) {
      if (pattern.isNegated !== isIgnored) continue;
      if (candidates.some((candidate) => pattern.matches(candidate))) isIgnored = !pattern.isNegated;
    }
    return isIgnored;
  };
}

function compilePattern(raw: string): CompiledPattern[] {
  let pattern = raw.trim();
  const isNegated = pattern.startsWith('!');
  if (isNegated) pattern = pattern.slice(1);
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  while (pattern.endsWith('/')) pattern = pattern.slice(0, -1);
  const isAnchored = pattern.includes('/');
  while (pattern.startsWith('/')) pattern = pattern.slice(1);
  if (pattern === '') return [];
  // `basename` matches a slash-free pattern against the last segment of each candidate, i.e. at any depth.
  const matches = picomatch(pattern, { dot: true, basename: !isAnchored });
  return [{ isNegated, matches }];
}
