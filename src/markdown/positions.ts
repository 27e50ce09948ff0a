// Offsets ↔ line/column positions for a decoded document, shared by the model builder and the rules.
import type { Position, Range } from '../diagnostics.js';

/** Anything that knows where its lines start (a `ListDocument` does). */
export interface LineIndex {
  lineStarts: number[];
}

/** 0-based offsets of each line's first character; CRLF, LF and a lone CR each end a line (as in CommonMark). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

// The model and the rules look offsets up in document order, mostly on the line of the previous lookup or the
// next one: those two are tried (and verified) before the binary search, which gives the same line for them.
let hintStarts: number[] | undefined;
let hintLine = 0;

/** 0-based index of the line holding `offset` (binary search over `lineStarts`). */
export function lineIndexAt(index: LineIndex, offset: number): number {
  const starts = index.lineStarts;
  if (starts === hintStarts) {
    for (let line = hintLine; line <= hintLine + 1 && line < starts.length; line++) {
      if (starts[line]! <= offset && (line + 1 === starts.length || starts[line + 1]! > offset)) {
        hintLine = line;
        return line;
      }
    }
  }
  const line = searchLineStarts(starts, offset);
  hintStarts = starts;
  hintLine = line;
  return line;
}

/** Index of the last line start at or before `offset` (0 when none is). */
function searchLineStarts(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The 1-based line and column (UTF-16 code units) of `offset`. */
export function positionAt(index: LineIndex, offset: number): Position {
  const line = lineIndexAt(index, offset);
  return { line: line + 1, column: offset - (index.lineStarts[line] ?? 0) + 1, offset };
}

/** The range `[start, end)` as positions. */
export function rangeOf(index: LineIndex, start: number, end: number): Range {
  return { start: positionAt(index, start), end: positionAt(index, end) };
}

/** Offset just past the last character of the line holding `offset`, before its line ending. */
export function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) break;
    i++;
  }
  return i;
}

/** The dominant line ending of `text` ('\n' when there is none or a tie). */
export function detectEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}
