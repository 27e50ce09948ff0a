// Parsing Markdown: one frozen remark processor, the nesting guard that keeps it off deep recursion, BOM and EOL detection.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';
import type { Root } from 'mdast';
import { LintListsError } from '../errors.js';
import { fillMissingPositions } from './fill-positions.js';
import { detectEol } from './positions.js';
import { parseBySections, SECTION_PARSE_MIN_CHARS } from './parse-sections.js';

/**
 * Deepest block nesting (`>` quotes plus list levels) we hand to remark. remark survives about a
 * thousand levels on Node's default stack, but its time grows faster than linearly with depth
 * (1,000 nested list levels take tens of seconds), and no real list nests beyond a handful.
 */
export const MAX_NESTING_DEPTH = 100;

// Front matter (YAML/TOML) is metadata, not Markdown; `$$…$$` is math (GitHub renders it), so `[a](b)` inside
// either is not a link. Single-dollar math stays off: `$5 and $10` in a description is money, not a formula.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkMath, { singleDollarTextMath: false }).freeze();

/** Decoded text ready for parsing: BOM removed, dominant line ending known. */
export interface PreparedText {
  text: string;
  hasBom: boolean;
  eol: '\n' | '\r\n';
}

/** Strips a leading BOM and finds the dominant line ending (CRLF only when it outnumbers bare LF). */
export function prepareText(raw: string): PreparedText {
  const hasBom = raw.charCodeAt(0) === 0xfeff;
  const text = hasBom ? raw.slice(1) : raw;
  return { text, hasBom, eol: detectEol(text) };
}

/**
 * Throws `INPUT_UNREADABLE` when block nesting exceeds `MAX_NESTING_DEPTH`. Reads only line
 * prefixes (quote marks, indentation, list markers), so it is linear in the text's length.
 */
export function checkNesting(text: string, file: string, limit = MAX_NESTING_DEPTH): void {
  // Content columns of the list items that may still be open, innermost last.
  const open: number[] = [];
  // An open top-level code fence: its lines are literal text, however many `>` they start with.
  let fence: { char: number; length: number } | undefined;
  let line = 1;
  let previousBlank = true;
  let i = 0;
  while (i < text.length || (i === text.length && line === 1)) {
    const lineStart = i;
    if (fence) {
      let p = i;
      while (p - lineStart < 3 && text.charCodeAt(p) === 32) p++;
      if (fenceRun(text, p, fence.char) >= fence.length) fence = undefined;
      i = nextLine(text, i);
      line++;
      continue;
    }
    let quotes = 0;
    let inline = 0;
    let indent = -1;
    let blank = true;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code === 32 || code === 9) {
        i++;
        continue;
      }
      if (code === 62 /* > */) {
        quotes++;
        i++;
        if (quotes + open.length > limit) fail(file, line, i - lineStart, quotes + open.length, limit);
        continue;
      }
      const width = markerWidth(text, i);
      if (width > 0) {
        const column = i - lineStart;
        if (indent === -1) {
          indent = column;
          // A new item closes every open item whose content starts right of its marker.
          while (open.length > 0 && (open[open.length - 1] ?? 0) > column) open.pop();
        }
        open.push(column + width);
        inline++;
        if (quotes + open.length > limit) fail(file, line, column + 1, quotes + open.length, limit);
        i += width;
        continue;
      }
      if (!Number.isNaN(code) && code !== 10 && code !== 13) blank = false;
      break;
    }
    if (indent === -1 && !blank && previousBlank) {
      // After a blank line there is no lazy continuation: a less indented line closes items.
      const column = i - lineStart;
      while (open.length > 0 && (open[open.length - 1] ?? 0) > column) open.pop();
    }
    if (quotes === 0 && inline === 0 && i - lineStart < 4) {
      const char = text.charCodeAt(i);
      const run = char === 96 || char === 126 ? fenceRun(text, i, char) : 0;
      if (run >= 3) fence = { char, length: run };
    }
    previousBlank = blank && inline === 0;
    i = nextLine(text, i);
    line++;
  }
}

/** How many `char`s (a backtick or tilde) start at `i`. */
function fenceRun(text: string, i: number, char: number): number {
  let p = i;
  while (text.charCodeAt(p) === char) p++;
  return p - i;
}

/** Offset of the next line's start (or the text's length). */
function nextLine(text: string, i: number): number {
  let p = i;
  while (p < text.length) {
    const code = text.charCodeAt(p);
    if (code === 10) return p + 1;
    if (code === 13) return text.charCodeAt(p + 1) === 10 ? p + 2 : p + 1;
    p++;
  }
  return text.length + 1;
}

/** Width of a list marker plus its following space at `i` (`- `, `* `, `+ `, `12. `, `3) `), or 0. */
function markerWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  let end = i;
  if (code === 45 || code === 42 || code === 43) end = i + 1;
  else {
    while (end - i < 9 && isDigit(text.charCodeAt(end))) end++;
    if (end === i) return 0;
    const delimiter = text.charCodeAt(end);
    if (delimiter !== 46 && delimiter !== 41) return 0;
    end++;
  }
  const after = text.charCodeAt(end);
  if (after === 32 || after === 9) return end - i + 1;
  if (Number.isNaN(after) || after === 10 || after === 13) return end - i;
  return 0;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function fail(file: string, line: number, column: number, depth: number, limit: number): never {
  throw new LintListsError(
    'INPUT_UNREADABLE',
    `${file}:${line}:${column}: Markdown nested ${depth} levels deep (limit ${limit}); flatten the quotes or lists`,
  );
}

/**
 * Parses decoded, BOM-less Markdown into mdast. Guards against nesting deep enough to overflow
 * remark's recursion and turns a stack overflow into `INPUT_UNREADABLE` naming `file`.
 */
export function parseMarkdown(text: string, file = '<input>'): Root {
  checkNesting(text, file);
  try {
    const tree = (text.length >= SECTION_PARSE_MIN_CHARS ? parseBySections(text, (part) => processor.parse(part)) : undefined) ?? processor.parse(text);
    fillMissingPositions(tree, text);
    return tree;
  } catch (error) {
    if (error instanceof RangeError) {
      throw new LintListsError('INPUT_UNREADABLE', `${file}:1:1: Markdown too deeply nested to parse (${error.message})`, { cause: error });
    }
    throw new LintListsError('INPUT_UNREADABLE', `${file}:1:1: Markdown could not be parsed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
