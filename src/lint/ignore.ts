// Matches paths against gitignore-like glob patterns (`*`, `**`, `?`) without regular expressions.

/**
 * True when `file` (forward slashes, relative) or one of its parent folders matches a pattern.
 * A pattern without `/` matches a name at any depth (`drafts`, `*.draft.md`); one with `/` is
 * anchored at the working directory (`lists/old/**`). A trailing `/` is ignored.
 */
export function matchesIgnore(file: string, patterns: string[]): boolean {
  if (patterns.length === 0) return false;
  const segments = file.split('/').filter((segment) => segment !== '' && segment !== '.');
  for (const raw of patterns) {
    let pattern = raw.trim();
    if (pattern.startsWith('./')) pattern = pattern.slice(2);
    pattern = trimSlashes(pattern, 'end');
    const isAnchored = pattern.includes('/');
    pattern = trimSlashes(pattern, 'start');
    if (pattern === '') continue;
    for (let end = 1; end <= segments.length; end++) {
      const prefix = segments.slice(0, end).join('/');
      if (isAnchored ? globMatch(pattern, prefix) : globMatch(pattern, segments[end - 1]!)) return true;
    }
  }
  return false;
}

/** Strips `/` from one end with a loop: `\/+$` would rescan a long run of slashes from every start. */
function trimSlashes(text: string, side: 'start' | 'end'): string {
  let start = 0;
  let end = text.length;
  if (side === 'start') while (start < end && text[start] === '/') start++;
  else while (end > start && text[end - 1] === '/') end--;
  return text.slice(start, end);
}

/**
 * Whole-string glob match: `*` and `?` stay within one path segment, `**` crosses segments.
 * Dynamic programming over (pattern, text) positions keeps it O(pattern × text) on any input.
 */
export function globMatch(pattern: string, text: string): boolean {
  const tokens: Array<'*' | '**' | '?' | string> = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '*') {
      if (pattern[i + 1] === '*') {
        tokens.push('**');
        i++;
        // `**/` also matches zero folders, so `a/**/b` matches `a/b`.
        if (pattern[i + 1] === '/') {
          tokens.push('**/');
          i++;
        }
      } else tokens.push('*');
    } else tokens.push(pattern[i]!);
  }
  // reachable[j]: the tokens consumed so far can match text.slice(0, j).
  let reachable: boolean[] = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (const token of tokens) {
    const next: boolean[] = new Array<boolean>(text.length + 1).fill(false);
    for (let j = 0; j <= text.length; j++) {
      if (token === '*' || token === '**') {
        // Carry forward: a star can absorb the next character (never `/` for a single star).
        if (reachable[j] || (j > 0 && next[j - 1] && (token === '**' || text[j - 1] !== '/'))) next[j] = true;
      } else if (token === '**/') {
        // Optional `/` after `**`: skip it or consume it.
        if (reachable[j] || (j > 0 && reachable[j - 1] && text[j - 1] === '/')) next[j] = true;
      } else if (j > 0 && reachable[j - 1] && (token === '?' ? text[j - 1] !== '/' : text[j - 1] === token)) next[j] = true;
    }
    reachable = next;
  }
  return reachable[text.length] === true;
}
