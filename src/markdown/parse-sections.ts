// Parsing a large document heading by heading: each top-level part parsed alone, positions shifted back, when that provably equals the whole-file tree.
import type { Root, RootContent } from 'mdast';

/**
 * Below this many characters a document is parsed whole. micromark's cost grows faster than the text: split at
 * headings, a 40 kB list parsed in 0.45–0.7× its whole-file time, a 10 kB one in 0.3–1.0× (within noise).
 */
export const SECTION_PARSE_MIN_CHARS = 16 * 1024;

/** Type 1–5 HTML blocks (CommonMark 4.6): they run to an end marker, across blank lines and headings. */
const HTML_RAW_START = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i;
const HTML_OTHER_START: ReadonlyArray<[RegExp, string]> = [
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
];
/** Any other HTML block start (types 6 and 7), which runs to the next blank line. */
const HTML_BLANK_ENDED_START = /^ {0,3}<[A-Za-z/]/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;

/**
 * Offsets where the document may be cut: starts of column-0 ATX heading lines that are not inside a fenced code
 * block or an HTML block. Such a line closes every open container and paragraph (a heading is never a lazy
 * continuation and interrupts a paragraph), so what follows parses the same alone. Returns undefined when the
 * whole document must be parsed at once: definitions (`[id]: url`, `[^note]: …`) resolve references across the
 * whole document, so any `]:` falls back.
 */
export function findSectionStarts(text: string): number[] | undefined {
  if (text.includes(']:')) return undefined;
  const starts: number[] = [];
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: string | undefined;
  let isInBlankEndedHtml = false;
  let offset = 0;
  while (offset < text.length) {
    const end = lineEnd(text, offset);
    const line = text.slice(offset, end);
    const next = end + (text.startsWith('\r\n', end) ? 2 : end < text.length ? 1 : 0);
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && close[2]!.trim() === '') fence = undefined;
    } else if (htmlEnd !== undefined) {
      if (htmlEnd === 'raw' ? /<\/(script|pre|style|textarea)>/i.test(line) : line.includes(htmlEnd)) htmlEnd = undefined;
    } else if (isInBlankEndedHtml) {
      if (line.trim() === '') isInBlankEndedHtml = false;
    } else if (ATX_HEADING.test(line)) {
      if (offset > 0) starts.push(offset);
    } else {
      const open = FENCE.exec(line);
      if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) fence = { char: open[1]![0]!, length: open[1]!.length };
      else if (HTML_RAW_START.test(line)) htmlEnd = /<\/(script|pre|style|textarea)>/i.test(line) ? undefined : 'raw';
      else {
        const other = HTML_OTHER_START.find(([start]) => start.test(line));
        if (other) htmlEnd = line.indexOf(other[1], line.indexOf('<') + 2) === -1 ? other[1] : undefined;
        else if (HTML_BLANK_ENDED_START.test(line)) isInBlankEndedHtml = true;
      }
    }
    offset = next;
  }
  return starts;
}

/** Offset of the end of the line starting at `offset` (before its CR, LF or CRLF). */
function lineEnd(text: string, offset: number): number {
  let p = offset;
  while (p < text.length) {
    const code = text.charCodeAt(p);
    if (code === 10 || code === 13) return p;
    p++;
  }
  return p;
}

/**
 * Parses `text` part by part with `parse` and joins the parts into one tree with whole-document positions, or
 * returns undefined when it cannot be split safely (then parse it whole).
 */
export function parseBySections(text: string, parse: (part: string) => Root): Root | undefined {
  const starts = findSectionStarts(text);
  if (starts === undefined || starts.length === 0) return undefined;
  return parseAtStarts(text, starts, parse);
}

/** Parses the parts of `text` cut at `starts` (ascending line-start offsets) and joins them; no safety check. */
export function parseAtStarts(text: string, starts: readonly number[], parse: (part: string) => Root): Root {
  const bounds = [0, ...starts, text.length];
  const children: RootContent[] = [];
  let line = 1;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    const part = text.slice(from, bounds[i + 1]);
    const tree = parse(part);
    for (const child of tree.children) {
      shiftPositions(child, line - 1, from);
      children.push(child);
    }
    line += countLineBreaks(part);
  }
  const last = positionAtEnd(text, line);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: last } };
}

function shiftPositions(node: RootContent, lines: number, offset: number): void {
  const stack: Array<{ position?: Root['position']; children?: unknown[] }> = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const position = current.position;
    if (position) {
      position.start.line += lines;
      position.end.line += lines;
      if (position.start.offset !== undefined) position.start.offset += offset;
      if (position.end.offset !== undefined) position.end.offset += offset;
    }
    if (current.children) for (const child of current.children) stack.push(child as { position?: Root['position'] });
  }
}

/** Line breaks in `text` (CRLF counts once), as micromark counts lines. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) count++;
    else if (code === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

/** The root's end: the last line and column of the whole text (`line` is the last line's number). */
function positionAtEnd(text: string, line: number): { line: number; column: number; offset: number } {
  let lineStart = text.length;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
  return { line, column: text.length - lineStart + 1, offset: text.length };
}
