// Markdown hidden in raw HTML blocks (`<details>` without blank lines): finds it, parses it, maps it back.
import type { Nodes, Root } from 'mdast';
import { lineIndexAt } from './positions.js';
import { parseMarkdown } from './parse.js';
import type { ModelContext } from './context.js';

function isListLine(text: string, start: number, end: number): boolean {
  let p = start;
  while (p < end && (text[p] === ' ' || text[p] === '\t')) p++;
  const c = text[p];
  if (c === '-' || c === '*' || c === '+') return text[p + 1] === ' ' || text[p + 1] === '\t';
  const digitsStart = p;
  while (p < end && p - digitsStart < 9 && text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) p++;
  return p > digitsStart && (text[p] === '.' || text[p] === ')') && text[p + 1] === ' ';
}

/**
 * Runs of lines inside `[start, end)` that are not HTML tag lines and hold at least one list
 * line: the Markdown GFM kept as raw HTML because no blank line separated it from the tags.
 */
export function findInnerMarkdown(text: string, start: number, end: number): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let chunkStart = -1;
  let chunkEnd = -1;
  let hasList = false;
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = lineStart;
    while (lineEnd < end && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    let p = lineStart;
    while (p < lineEnd && (text[p] === ' ' || text[p] === '\t')) p++;
    const isTagLine = text[p] === '<' || p === lineEnd;
    if (isTagLine) {
      if (chunkStart !== -1 && hasList) chunks.push([chunkStart, chunkEnd]);
      chunkStart = -1;
      hasList = false;
    } else {
      if (chunkStart === -1) chunkStart = lineStart;
      chunkEnd = lineEnd;
      if (isListLine(text, lineStart, lineEnd)) hasList = true;
    }
    lineStart = lineEnd;
    if (text[lineStart] === '\r' && text[lineStart + 1] === '\n') lineStart += 2;
    else if (lineStart < end) lineStart++;
  }
  if (chunkStart !== -1 && hasList) chunks.push([chunkStart, chunkEnd]);
  return chunks;
}

/** Parses `text[start, end)` (which begins at a line start) and shifts every position to the whole document. */
export function parseInner(ctx: ModelContext, start: number, end: number, file: string): Root {
  const tree = parseMarkdown(ctx.text.slice(start, end), file);
  const lineShift = lineIndexAt(ctx, start);
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const position = node.position;
    if (position) {
      // Fresh points: remark may share point objects between nodes.
      node.position = {
        start: { line: position.start.line + lineShift, column: position.start.column, offset: (position.start.offset ?? 0) + start },
        end: { line: position.end.line + lineShift, column: position.end.column, offset: (position.end.offset ?? 0) + start },
      };
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return tree;
}
