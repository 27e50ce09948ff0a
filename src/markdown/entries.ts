// Makes `Entry` objects for list items and table rows; the anatomy of the text itself is in entry.ts.
import type { Code, List, ListItem, Paragraph, Table, TableRow } from 'mdast';
import { endOf, spanOf, startOf, type ModelContext } from './context.js';
import { readEntryParagraph } from './entry.js';
import { findLazyLines } from './lazy-lines.js';
import { lineEndAt, lineIndexAt, rangeOf } from './positions.js';
import type { Entry, LinkRef, Section, Span } from './types.js';

/** What `makeListEntry` needs to know about an item's place. */
export interface ListEntryInput {
  item: ListItem;
  list: List;
  section: Section;
  depth: number;
  parent: Entry | undefined;
  inHtml: boolean;
}

function markerSpan(ctx: ModelContext, start: number): Span | undefined {
  const { text } = ctx;
  const first = text[start];
  if (first === '-' || first === '*' || first === '+') return spanOf(ctx, start, start + 1);
  let p = start;
  while (p - start < 9 && text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) p++;
  if (p > start && (text[p] === '.' || text[p] === ')')) return spanOf(ctx, start, p + 1);
  return undefined;
}

/** A new entry for a list item, with its place, line and marker; `finishListEntry` reads its content. */
export function makeListEntry(ctx: ModelContext, input: ListEntryInput): Entry {
  const start = startOf(input.item);
  const entry: Entry = {
    kind: 'list-item',
    node: input.item,
    section: input.section,
    depth: input.depth,
    range: rangeOf(ctx, start, endOf(input.item)),
    line: spanOf(ctx, start, lineEndAt(ctx.text, start)),
    ordered: input.list.ordered ?? false,
    shape: 'text',
    extras: [],
    links: [],
    inHtml: input.inHtml,
    lazyLines: [],
    role: 'resource',
    secondaryLinks: [],
    tags: [],
    container: input.list,
  };
  const marker = markerSpan(ctx, start);
  if (marker) entry.marker = marker;
  if (input.parent) entry.parent = input.parent;
  return entry;
}

/** Reads the item's first paragraph (after its links were collected) and a description in a following block. */
export function finishListEntry(ctx: ModelContext, entry: Entry): void {
  const item = entry.node as ListItem;
  const first = item.children[0];
  if (first?.type === 'paragraph') {
    let contentStart = startOf(first);
    // GFM task items (`- [x] …`): the checkbox is not part of the entry's text.
    if (typeof item.checked === 'boolean' && ctx.text[contentStart] === '[') {
      contentStart += 3;
      while (ctx.text[contentStart] === ' ' || ctx.text[contentStart] === '\t') contentStart++;
    }
    readEntryParagraph(ctx, entry, first, contentStart);
    entry.lazyLines = findLazyLines(ctx, first);
  }
  const next = item.children[first?.type === 'paragraph' ? 1 : 0];
  if (!entry.description && next && (next.type === 'paragraph' || next.type === 'code')) describeFromBlock(ctx, entry, next);
}

/** The text of a code block without its fences (the whole block for indented code). */
function codeContent(ctx: ModelContext, code: Code): [number, number] {
  const { text, lineStarts } = ctx;
  const start = startOf(code);
  const end = endOf(code);
  const fence = text[start];
  if (fence !== '`' && fence !== '~') return [start, end];
  const firstLine = lineIndexAt(ctx, start);
  const lastLine = lineIndexAt(ctx, Math.max(start, end - 1));
  const contentStart = lineStarts[firstLine + 1] ?? end;
  if (lastLine === firstLine || contentStart >= end) return [end, end];
  const lastStart = lineStarts[lastLine] ?? end;
  let p = lastStart;
  while (text[p] === ' ') p++;
  if (text[p] !== fence) return [contentStart, end];
  let contentEnd = lastStart;
  if (text[contentEnd - 1] === '\n') contentEnd--;
  if (text[contentEnd - 1] === '\r') contentEnd--;
  return [contentStart, Math.max(contentStart, contentEnd)];
}

/** Takes an entry's description from a paragraph or code block that follows its line. */
export function describeFromBlock(ctx: ModelContext, entry: Entry, block: Paragraph | Code): void {
  if (!entry.link) return;
  const [start, end] = block.type === 'code' ? codeContent(ctx, block) : [startOf(block), endOf(block)];
  entry.description = spanOf(ctx, start, end);
  entry.descriptionPlacement = block.type === 'code' ? 'code' : 'paragraph';
  if (entry.shape === 'link') entry.shape = 'link-description';
}

/** What `readTableRow` needs: the row, its table, its section and the links already collected from it. */
export interface TableRowInput {
  row: TableRow;
  table: Table;
  section: Section;
  links: LinkRef[];
}

/** An entry for a body row of a table-based list: the first link is its link, the next non-empty cell its description. */
export function readTableRow(ctx: ModelContext, input: TableRowInput): Entry {
  const { row, links } = input;
  const start = startOf(row);
  const entry: Entry = {
    kind: 'table-row',
    node: row,
    section: input.section,
    depth: 0,
    range: rangeOf(ctx, start, endOf(row)),
    line: spanOf(ctx, start, lineEndAt(ctx.text, start)),
    ordered: false,
    shape: 'text',
    extras: [],
    links,
    inHtml: false,
    lazyLines: [],
    role: 'resource',
    secondaryLinks: [],
    tags: [],
    container: input.table,
    cells: { count: row.children.length, expected: input.table.children[0]?.children.length ?? row.children.length },
  };
  const link = links.find((ref) => !ref.isImage && !ref.isBadge);
  for (const ref of links) if (ref.isBadge) entry.extras.push({ kind: 'badge', span: spanOf(ctx, ref.range.start.offset, ref.range.end.offset), link: ref });
  if (!link) return entry;
  entry.link = link;
  entry.shape = link.syntax === 'bare' || link.syntax === 'autolink' ? 'bare-url' : 'link';
  const linkAt = link.range.start.offset;
  const cellIndex = row.children.findIndex((cell) => startOf(cell) <= linkAt && linkAt < endOf(cell));
  for (const cell of row.children.slice(cellIndex + 1)) {
    const first = cell.children[0];
    const last = cell.children[cell.children.length - 1];
    if (!first || !last) continue;
    entry.description = spanOf(ctx, startOf(first), endOf(last));
    entry.descriptionPlacement = 'inline';
    if (entry.shape === 'link') entry.shape = 'link-description';
    break;
  }
  return entry;
}
