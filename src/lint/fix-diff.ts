// The unified diff `--fix-dry-run` prints, built in time linear in the file's size (fixes change few, scattered lines).

/** Lines of context around each change, as `diff -u` and git show. */
const CONTEXT_LINES = 3;
/**
 * How far ahead (in lines, both sides together) to look for the next line the two texts share. Fixes
 * change a line or add/drop a few, so the texts realign within a line or two; bounding the search is
 * what keeps a text whose every line changed linear (such a stretch is shown in blocks of this size).
 */
const RESYNC_WINDOW = 64;

interface Region {
  /** Lines `[beforeStart, beforeEnd)` of the old text are replaced by `[afterStart, afterEnd)` of the new. */
  beforeStart: number;
  beforeEnd: number;
  afterStart: number;
  afterEnd: number;
}

interface Lines {
  lines: string[];
  /** False when the text does not end with a line break (its last line then gets git's marker). */
  hasFinalNewline: boolean;
}

/**
 * A unified diff of `before` → `after` in the format of `diff -u` (and the `diff` package):
 * `---`/`+++` headers naming `a/<file>` and `b/<file>`, hunks with 3 lines of context, and
 * `\ No newline at end of file` markers. '' when the texts are equal. Line breaks (CRLF too) are kept.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const old = splitLines(before);
  const next = splitLines(after);
  const regions = diffRegions(comparable(old), comparable(next));
  const out = ['===================================================================', `--- a/${file}`, `+++ b/${file}`];
  for (const hunk of groupHunks(regions)) {
    const first = hunk[0]!;
    const last = hunk[hunk.length - 1]!;
    const beforeFrom = Math.max(0, first.beforeStart - CONTEXT_LINES);
    const beforeTo = Math.min(old.lines.length, last.beforeEnd + CONTEXT_LINES);
    const afterFrom = first.afterStart - (first.beforeStart - beforeFrom);
    const afterTo = last.afterEnd + (beforeTo - last.beforeEnd);
    out.push(`@@ -${range(beforeFrom, beforeTo)} +${range(afterFrom, afterTo)} @@`);
    let cursor = beforeFrom;
    for (const region of hunk) {
      for (; cursor < region.beforeStart; cursor++) pushLine(out, ' ', old, cursor);
      for (let i = region.beforeStart; i < region.beforeEnd; i++) pushLine(out, '-', old, i);
      for (let i = region.afterStart; i < region.afterEnd; i++) pushLine(out, '+', next, i);
      cursor = region.beforeEnd;
    }
    for (; cursor < beforeTo; cursor++) pushLine(out, ' ', old, cursor);
  }
  return `${out.join('\n')}\n`;
}

function splitLines(text: string): Lines {
  const lines = text.split('\n');
  const hasFinalNewline = text.endsWith('\n') || text === '';
  if (hasFinalNewline) lines.pop();
  return { lines, hasFinalNewline };
}

/** The lines as compared: a last line without line break differs from the same text with one. */
function comparable(text: Lines): string[] {
  if (text.hasFinalNewline || text.lines.length === 0) return text.lines;
  // A NUL cannot end a line of text we lint (binary files are refused), so this never equals a real line.
  return [...text.lines.slice(0, -1), `${text.lines[text.lines.length - 1]}\u0000`];
}

function pushLine(out: string[], sign: ' ' | '-' | '+', text: Lines, index: number): void {
  out.push(`${sign}${text.lines[index]}`);
  if (index === text.lines.length - 1 && !text.hasFinalNewline) out.push('\\ No newline at end of file');
}

/** `start,count` (1-based); an empty range names the line before it, as `diff -u` does. */
function range(from: number, to: number): string {
  const count = to - from;
  return `${count === 0 ? from : from + 1},${count}`;
}

/**
 * Walks both texts in step; where they part, finds the nearest pair of equal lines (fewest lines
 * skipped on both sides together, within `RESYNC_WINDOW`) and records what lies between as a region.
 */
export function diffRegions(before: readonly string[], after: readonly string[]): Region[] {
  const regions: Region[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      i++;
      j++;
      continue;
    }
    const [skipBefore, skipAfter] = resync(before, after, i, j);
    regions.push({ beforeStart: i, beforeEnd: i + skipBefore, afterStart: j, afterEnd: j + skipAfter });
    i += skipBefore;
    j += skipAfter;
  }
  return regions;
}

function resync(before: readonly string[], after: readonly string[], i: number, j: number): [number, number] {
  const beforeLeft = before.length - i;
  const afterLeft = after.length - j;
  for (let distance = 1; distance <= RESYNC_WINDOW; distance++) {
    for (let skipBefore = Math.min(distance, beforeLeft); skipBefore >= 0; skipBefore--) {
      const skipAfter = distance - skipBefore;
      if (skipAfter > afterLeft) break;
      const isBothEnd = skipBefore === beforeLeft && skipAfter === afterLeft;
      if (isBothEnd || (skipBefore < beforeLeft && skipAfter < afterLeft && before[i + skipBefore] === after[j + skipAfter])) return [skipBefore, skipAfter];
    }
  }
  // Nothing in common nearby: replace one block and look again from there.
  const block = RESYNC_WINDOW / 2;
  return [Math.min(block, beforeLeft), Math.min(block, afterLeft)];
}

/** Groups regions whose context would touch or overlap into one hunk each. */
function groupHunks(regions: Region[]): Region[][] {
  const hunks: Region[][] = [];
  for (const region of regions) {
    const current = hunks[hunks.length - 1];
    const previous = current?.[current.length - 1];
    if (current && previous && region.beforeStart - previous.beforeEnd <= 2 * CONTEXT_LINES) current.push(region);
    else hunks.push([region]);
  }
  return hunks;
}
