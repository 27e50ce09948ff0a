// A linear pre-scan that spots text remark may take super-linear time on: very long inline runs (paragraphs, tables).
import { formatSize } from './read-file.js';

/**
 * Longest inline run (characters) parsed in-process. micromark is super-linear on some hostile inline
 * content (40 KB of `](` takes seconds), while real list entries are a few hundred characters.
 */
export const RISKY_INLINE_CHARS = 16 * 1024;

/** Longest table parsed in-process: table rows parse one by one, linearly but slowly (~10 s per MB). */
export const RISKY_TABLE_CHARS = 256 * 1024;

/** Deepest list nesting tracked; deeper files are refused by the nesting guard anyway. */
const MAX_TRACKED_ITEMS = 128;

/** The longest stretch of inline content found, and whether it makes the text risky to parse in-process. */
export interface InlineRisk {
  isRisky: boolean;
  /** `paragraph`: consecutive lines parsed as one inline block (or one long line); `table`: one table's rows. */
  kind: 'paragraph' | 'table';
  /** Length in characters (UTF-16 code units) of the longest such run. */
  chars: number;
  /** 1-based line the run starts on. */
  line: number;
}

interface OpenItem {
  marker: number;
  content: number;
  isOrdered: boolean;
}

/**
 * Scans `text` once, line by line, reading only each line's prefix (indentation, `>` marks, block
 * markers), and measures runs of lines micromark joins into one inline block. Errs towards longer
 * runs: a line only ends a paragraph when it surely starts a block that can interrupt one. Fenced
 * and indented code count as inline too: tracking where they end inside containers is where a
 * cheaper scan would go wrong, and a long code block only costs a worker start-up.
 */
export function scanInlineRisk(text: string, options: { maxInlineChars?: number; maxTableChars?: number } = {}): InlineRisk {
  const maxInline = options.maxInlineChars ?? RISKY_INLINE_CHARS;
  const maxTable = options.maxTableChars ?? RISKY_TABLE_CHARS;
  let longest = { chars: 0, line: 1 };
  let longestTable = { chars: 0, line: 1 };
  const open: OpenItem[] = [];
  let run = 0;
  let runLine = 1;
  let runQuotes = 0;
  let table = -1; // chars in the current table, -1 when not in one
  let tableLine = 1;
  let previous = { start: 0, end: 0, isRunStart: false, hasPipe: false };
  let previousBlank = true;
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const lineStart = i;
    let end = text.indexOf('\n', i);
    const next = end === -1 ? text.length : end + 1;
    if (end === -1) end = text.length;
    if (end > lineStart && text.charCodeAt(end - 1) === 13) end--;
    const { p, quotes, column } = readPrefix(text, lineStart, end);
    const length = next - lineStart;
    if (p === end) {
      run = 0;
      table = -1;
      previousBlank = true;
      previous = { start: p, end, isRunStart: false, hasPipe: false };
      i = next;
      line++;
      continue;
    }
    if (previousBlank && markerWidth(text, p, end) === 0) closeItems(open, column);
    const container = innermost(open, column);
    const relative = column - container;
    let isStart = quotes > runQuotes || run === 0;
    let isTableRow = false;
    const item = relative < 4 ? listItem(text, p, end) : undefined;
    const isBlock = relative < 4 && isBlockStart(text, p, end);
    if (table >= 0) {
      // Anything that might end the table starts a new run: should it be a row after all, it is one run anyway.
      if (relative >= 4 || quotes !== runQuotes || item !== undefined || isBlock) {
        table = -1;
        isStart = true;
      } else isTableRow = true;
    }
    if (isBlock) isStart = true;
    else if (item) {
      const canInterrupt = item.hasContent && (!item.isOrdered || item.number === 1 || open.some((o) => o.isOrdered && o.marker === column));
      if (canInterrupt || isStart) {
        isStart = true;
        closeItems(open, column);
        if (open.length < MAX_TRACKED_ITEMS) open.push({ marker: column, content: column + item.width, isOrdered: item.isOrdered });
      }
    } else if (!isTableRow && relative < 4 && quotes === runQuotes && previous.hasPipe && previous.isRunStart && isDelimiterRow(text, p, end)) {
      if (countCells(text, p, end) === countCells(text, previous.start, previous.end)) {
        // Header plus delimiter row: a table starts; each following line up to a blank line or block is one row.
        table = previous.end - previous.start;
        tableLine = line - 1;
        isTableRow = true;
      }
    }
    if (isStart || isTableRow) {
      run = 0;
      runLine = line;
      runQuotes = quotes;
    }
    run += length;
    if (run > longest.chars) longest = { chars: run, line: runLine };
    if (table >= 0) {
      table += length;
      if (table > longestTable.chars) longestTable = { chars: table, line: tableLine };
    }
    previous = { start: p, end, isRunStart: isStart || isTableRow, hasPipe: hasPipe(text, p, end) };
    previousBlank = false;
    i = next;
    line++;
  }
  if (longestTable.chars > maxTable && longest.chars <= maxInline) return { isRisky: true, kind: 'table', ...longestTable };
  return { isRisky: longest.chars > maxInline, kind: 'paragraph', ...longest };
}

/** Time allowed for linting a risky text of `chars` characters: 20 s plus 10 s per MB (real lists parse at under 3 s per MB). */
export function defaultParseBudgetMs(chars: number): number {
  return Math.round(20_000 + (10_000 * chars) / (1024 * 1024));
}

/** The `file-unparsable` message for a file whose lint ran out of time. */
export function timedOutMessage(file: string, budgetMs: number, risk: InlineRisk): string {
  const budget = budgetMs < 1000 ? `${budgetMs} ms` : `${Number((budgetMs / 1000).toFixed(1))} s`;
  return `${file}: took longer than ${budget} to parse (${describeRisk(risk)}); is it generated or hostile? Split it or exclude it with \`ignore\``;
}

/** One line for messages: `longest paragraph 1.0 MB at line 1`. */
export function describeRisk(risk: InlineRisk): string {
  return `${risk.kind === 'table' ? 'table' : 'longest paragraph'} ${formatSize(risk.chars)} at line ${risk.line}`;
}

/** A line's prefix: `>` marks (one optional space after each), then indentation as a column; `p` is the first other character. */
function readPrefix(text: string, lineStart: number, end: number): { p: number; quotes: number; column: number } {
  let p = lineStart;
  let quotes = 0;
  let column = 0;
  for (; p < end; p++) {
    const code = text.charCodeAt(p);
    if (code === 32) column++;
    else if (code === 9) column += 4 - (column % 4);
    else if (code === 62 /* > */ && quotes < MAX_TRACKED_ITEMS) {
      quotes++;
      column = 0;
      if (text.charCodeAt(p + 1) === 32) p++;
    } else break;
  }
  return { p, quotes, column };
}

/** Closes every open item whose content starts right of `column`. */
function closeItems(open: OpenItem[], column: number): void {
  while (open.length > 0 && open[open.length - 1]!.content > column) open.pop();
}

/** Content column of the deepest open item a line indented to `column` can belong to (0: none). */
function innermost(open: OpenItem[], column: number): number {
  for (let k = open.length - 1; k >= 0; k--) if (open[k]!.content <= column) return open[k]!.content;
  return 0;
}

/** ATX heading, code fence, thematic break or an HTML block that may interrupt a paragraph (CommonMark 4.1–4.6). */
function isBlockStart(text: string, p: number, end: number): boolean {
  const code = text.charCodeAt(p);
  if (code === 35 /* # */) {
    let q = p;
    while (q < end && text.charCodeAt(q) === 35) q++;
    return q - p <= 6 && (q === end || text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9);
  }
  if (code === 96 || code === 126) {
    let q = p;
    while (q < end && text.charCodeAt(q) === code) q++;
    return q - p >= 3;
  }
  if (code === 42 || code === 45 || code === 95) {
    let count = 0;
    for (let q = p; q < end; q++) {
      const c = text.charCodeAt(q);
      if (c === code) count++;
      else if (c !== 32 && c !== 9) return false;
    }
    return count >= 3;
  }
  if (code === 60 /* < */) return isHtmlBlockStart(text, p, end);
  return false;
}

// HTML block kinds 1 and 6 (kind 7, any other tag, cannot interrupt a paragraph).
const RAW_TAGS = new Set(['script', 'pre', 'style', 'textarea']);
const BLOCK_TAGS = new Set(
  ('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure ' +
    'footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p ' +
    'param search section summary table tbody td tfoot th thead title tr track ul').split(' '),
);

function isHtmlBlockStart(text: string, p: number, end: number): boolean {
  const second = text.charCodeAt(p + 1);
  if (second === 33 /* ! */ || second === 63 /* ? */) return true;
  let q = second === 47 /* / */ ? p + 2 : p + 1;
  const nameStart = q;
  while (q < end && q - nameStart < 16 && isAlphanumeric(text.charCodeAt(q))) q++;
  const name = text.slice(nameStart, q).toLowerCase();
  if (q === end || !isAlphanumeric(text.charCodeAt(q))) {
    if (RAW_TAGS.has(name) && second !== 47) return true;
    if (BLOCK_TAGS.has(name)) return true;
  }
  return false;
}

/** A list marker at `p`: its width with the following space, kind, number and whether content follows. */
function listItem(text: string, p: number, end: number): { width: number; isOrdered: boolean; number: number; hasContent: boolean } | undefined {
  const width = markerWidth(text, p, end);
  if (width === 0) return undefined;
  const code = text.charCodeAt(p);
  const isOrdered = code >= 48 && code <= 57;
  let hasContent = false;
  for (let q = p + width; q < end; q++) {
    const c = text.charCodeAt(q);
    if (c !== 32 && c !== 9) {
      hasContent = true;
      break;
    }
  }
  return { width, isOrdered, number: isOrdered ? Number.parseInt(text.slice(p, p + 10), 10) : 0, hasContent };
}

/** Width of a list marker plus its following space at `p` (`- `, `12. `, `3) `; `-` alone at the end), or 0. */
function markerWidth(text: string, p: number, end: number): number {
  const code = text.charCodeAt(p);
  let q = p;
  if (code === 45 || code === 42 || code === 43) q = p + 1;
  else {
    while (q < end && q - p < 9 && isDigit(text.charCodeAt(q))) q++;
    if (q === p) return 0;
    const delimiter = text.charCodeAt(q);
    if (delimiter !== 46 && delimiter !== 41) return 0;
    q++;
  }
  if (q >= end) return q - p;
  const after = text.charCodeAt(q);
  return after === 32 || after === 9 ? q - p + 1 : 0;
}

/** A GFM delimiter row: cells of `-` with optional colons, separated by `|`. */
function isDelimiterRow(text: string, p: number, end: number): boolean {
  let hasDash = false;
  for (let q = p; q < end; q++) {
    const c = text.charCodeAt(q);
    if (c === 45) hasDash = true;
    else if (c !== 124 && c !== 58 && c !== 32 && c !== 9) return false;
  }
  return hasDash;
}

/** Cells in a table row: unescaped `|` split it, a leading and a trailing one don't count. */
function countCells(text: string, p: number, end: number): number {
  let last = end;
  while (last > p && (text.charCodeAt(last - 1) === 32 || text.charCodeAt(last - 1) === 9)) last--;
  let pipes = 0;
  for (let q = p; q < last; q++) {
    const c = text.charCodeAt(q);
    if (c === 92 /* \ */) q++;
    else if (c === 124) pipes++;
  }
  if (text.charCodeAt(p) === 124) pipes--;
  if (last - 1 > p && text.charCodeAt(last - 1) === 124 && text.charCodeAt(last - 2) !== 92) pipes--;
  return pipes + 1;
}

function hasPipe(text: string, p: number, end: number): boolean {
  for (let q = p; q < end; q++) if (text.charCodeAt(q) === 124) return true;
  return false;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAlphanumeric(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}
