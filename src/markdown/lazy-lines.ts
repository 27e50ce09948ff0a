// Lazy continuation lines: lines GFM folded into a list item's paragraph although they lost their indentation.
import type { Paragraph } from 'mdast';
import { startOf, endOf, spanOf, type ModelContext } from './context.js';
import { lineIndexAt } from './positions.js';
import type { Entry } from './types.js';

/** Lines of the paragraph after its first whose indentation is less than the item's content column. */
export function findLazyLines(ctx: ModelContext, paragraph: Paragraph): Entry['lazyLines'] {
  const { text, lineStarts } = ctx;
  const start = startOf(paragraph);
  const end = endOf(paragraph);
  const firstLine = lineIndexAt(ctx, start);
  const lastLine = lineIndexAt(ctx, Math.max(start, end - 1));
  if (lastLine === firstLine) return [];
  const contentColumn = start - (lineStarts[firstLine] ?? 0);
  const lazy: Entry['lazyLines'] = [];
  for (let line = firstLine + 1; line <= lastLine; line++) {
    const lineStart = lineStarts[line] ?? 0;
    let p = lineStart;
    // Quote marks and blanks both count as the line's indentation (items inside `>` quotes).
    while (p < end && (text[p] === ' ' || text[p] === '\t' || text[p] === '>')) p++;
    if (p - lineStart >= contentColumn) continue;
    let lineEnd = p;
    while (lineEnd < end && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    lazy.push(spanOf(ctx, lineStart, lineEnd));
  }
  return lazy;
}
