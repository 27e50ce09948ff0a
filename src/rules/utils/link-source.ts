// Source text of inline content with real links, code and HTML masked out, so broken link syntax can be scanned for.
import type { Node, Parent } from 'mdast';
import type { ListDocument } from '../../markdown/types.js';

/** Stands in for every masked character; never occurs in Markdown text worth scanning. */
export const MASK = '\0';

/** One block's inline source (a paragraph, heading or table cell) with masked spans. */
export interface MaskedBlock {
  /** Offset of `text[0]` in the document. */
  start: number;
  /** The block's source, same length, with code, HTML, images, parsed links and escapes replaced by {@link MASK}. */
  text: string;
  /** Source ranges `[start, end)` of the block's inline links (`[text](url)`), in order. */
  links: Array<{ start: number; end: number }>;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Inline nodes whose source is never scanned: what they contain is either code or a link that parsed. */
const OPAQUE = new Set(['inlineCode', 'html', 'image', 'imageReference', 'linkReference', 'footnoteReference', 'inlineMath']);
const CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'footnoteDefinition']);

const offsetsOf = (node: Node): [number, number] | undefined => {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
};

/** Every paragraph, heading and table cell of `doc`, masked, in document order. */
export function maskedBlocks(doc: ListDocument): MaskedBlock[] {
  return collectBlocks(doc, false);
}

/**
 * Like {@link maskedBlocks}, but leaves out blocks whose visible text has no `]` and where no `)` or `[` touches
 * one of their links: every pattern link-malformed looks for needs one of those, and most entries (one parsed
 * link and plain text) have none, so they are never copied.
 */
export function maskedBlocksToScan(doc: ListDocument): MaskedBlock[] {
  return collectBlocks(doc, true);
}

function collectBlocks(doc: ListDocument, isScanOnly: boolean): MaskedBlock[] {
  const blocks: MaskedBlock[] = [];
  const visit = (node: Node): void => {
    if (BLOCKS.has(node.type)) {
      const block = maskBlock(doc.text, node as Parent, isScanOnly);
      if (block) blocks.push(block);
      return;
    }
    if (CONTAINERS.has(node.type)) for (const child of (node as Parent).children) visit(child);
  };
  visit(doc.tree);
  return blocks;
}

/**
 * Masks one block's source; undefined for a block without a position (never in parsed input), or with
 * `isScanOnly` for a block with nothing link-malformed could report.
 */
function maskBlock(text: string, block: Parent, isScanOnly: boolean): MaskedBlock | undefined {
  const range = offsetsOf(block);
  if (!range) return undefined;
  const [start, end] = range;
  const masked: Array<[number, number]> = [];
  const links: Array<{ start: number; end: number }> = [];
  const visit = (node: Node): void => {
    // Offsets are read only for nodes that may be masked: most nodes are plain text.
    const offsets = node.type === 'link' || OPAQUE.has(node.type) ? offsetsOf(node) : undefined;
    if (node.type === 'link' && offsets) {
      // Literal autolinks (`https://…` in text) stay visible: they are part of broken syntax like `[Name](https://x`.
      const first = text[offsets[0]];
      if (first === '[' || first === '<') {
        masked.push(offsets);
        if (first === '[') links.push({ start: offsets[0], end: offsets[1] });
        return;
      }
    }
    if (OPAQUE.has(node.type)) {
      if (offsets) masked.push(offsets);
      return;
    }
    if ('children' in node) for (const child of (node as Parent).children) visit(child);
  };
  for (const child of block.children) visit(child);
  if (isScanOnly && !mayHoldBrokenSyntax(text, start, end, masked, links)) return undefined;
  let out = '';
  let cursor = start;
  for (const [from, to] of masked) {
    if (from < cursor) continue;
    out += unescape(text.slice(cursor, from)) + MASK.repeat(to - from);
    cursor = to;
  }
  out += unescape(text.slice(cursor, end));
  return { start, text: out, links };
}

/**
 * False when masking would leave no `]` in the block and no `)` right after or `[` right before a parsed link.
 * Masking only ever hides characters, so a `]` outside the masked spans is a conservative stand-in for one in
 * the masked text. The next `]` is looked up once per stretch, so a long line of gaps stays linear.
 */
function mayHoldBrokenSyntax(
  text: string,
  start: number,
  end: number,
  masked: Array<[number, number]>,
  links: Array<{ start: number; end: number }>,
): boolean {
  for (const link of links) if (text[link.end] === ')' || text[link.start - 1] === '[') return true;
  let nextClose = text.indexOf(']', start);
  let cursor = start;
  const hasCloseBefore = (to: number): boolean => {
    if (nextClose !== -1 && nextClose < cursor) nextClose = text.indexOf(']', cursor);
    return nextClose !== -1 && nextClose < to;
  };
  for (const [from, to] of masked) {
    if (from < cursor) continue;
    if (hasCloseBefore(from)) return true;
    cursor = to;
  }
  return hasCloseBefore(end);
}

/** Masks backslash escapes (`\[`, `\]`, `\(`) so escaped brackets never count as syntax. */
function unescape(source: string): string {
  if (!source.includes('\\')) return source;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\' && i + 1 < source.length && /[!-/:-@[-`{-~]/.test(source[i + 1]!)) {
      out += MASK + MASK;
      i++;
    } else out += char;
  }
  return out;
}
