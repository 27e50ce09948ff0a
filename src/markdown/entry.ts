// Entry anatomy: marker, tag, title, main link, group, badges, separator, description and notes of one entry.
import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import { endOf, spanOf, startOf, type ModelContext } from './context.js';
import type { Entry, Extra, LinkRef } from './types.js';
import { isBlankOrBreak } from './chars.js';

const SEPARATOR_CHARS = new Set(['-', '–', '—', ':', '|', ',', ';', '~']);
const OPENING_QUOTES: Record<string, string> = { '"': '"', '“': '”', '«': '»' };
const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}\uFE0F\u200D\u20E3])+/u;
const TEXT_SEPARATORS = [' - ', ' – ', ' — ', ' -- ', ': '];

function isLinkNode(node: Nodes): boolean {
  return node.type === 'link' || node.type === 'linkReference';
}

function isLinkLike(node: Nodes): boolean {
  return isLinkNode(node) || node.type === 'image' || node.type === 'imageReference';
}

/** The link an emphasis/strong/delete node consists of (`**[Name](url)**`), if that is all it holds. */
function wrappedLink(node: PhrasingContent): Nodes | undefined {
  // A loop, not recursion: hostile input can nest emphasis thousands deep.
  let current: PhrasingContent = node;
  while (current.type === 'emphasis' || current.type === 'strong' || current.type === 'delete') {
    let only: PhrasingContent | undefined;
    for (const child of current.children) {
      if (child.type === 'text' && child.value.trim() === '') continue;
      if (only) return undefined;
      only = child;
    }
    if (!only) return undefined;
    if (isLinkNode(only)) return only;
    current = only;
  }
  return undefined;
}

/** Where the main link sits among the paragraph's children. */
interface MainLink {
  index: number;
  ref: LinkRef;
}

function findMainLink(ctx: ModelContext, children: PhrasingContent[]): MainLink | undefined {
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as PhrasingContent;
    const node = isLinkNode(child) ? child : wrappedLink(child);
    if (!node) continue;
    const ref = ctx.refs.get(node);
    if (ref && !ref.isBadge && !ref.isImage) return { index, ref };
  }
  return undefined;
}

/** Adds an extra; `readEntryParagraph` puts them in source order once at the end. */
function pushExtra(entry: Entry, extra: Extra): void {
  entry.extras.push(extra);
}

function extraFor(ctx: ModelContext, node: Nodes): Extra {
  const ref = ctx.refs.get(node);
  const kind = ref?.isBadge ? 'badge' : 'link';
  const extra: Extra = { kind, span: spanOf(ctx, startOf(node), endOf(node)) };
  if (ref) extra.link = ref;
  return extra;
}

/** Matches the `)` closing the `(` at `open`, within `limit`; -1 when unbalanced. */
function closingParen(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Reads `[[A](u) | [B](v)]` starting at the `[` before the first link; returns the group's end or -1. */
function readGroup(ctx: ModelContext, children: PhrasingContent[], main: MainLink, group: LinkRef[]): number {
  const { text } = ctx;
  let pos = endOf(children[main.index] as Nodes);
  let index = main.index + 1;
  group.push(main.ref);
  for (;;) {
    while (isBlankOrBreak(text[pos])) pos++;
    if (text[pos] === ']') return pos + 1;
    if (text[pos] !== '|' && text[pos] !== ',' && text[pos] !== '/') return -1;
    pos++;
    while (isBlankOrBreak(text[pos])) pos++;
    while (index < children.length && startOf(children[index] as Nodes) < pos) index++;
    const next = children[index];
    if (!next || startOf(next) !== pos || !isLinkNode(next)) return -1;
    const ref = ctx.refs.get(next);
    if (ref) group.push(ref);
    pos = endOf(next);
    index++;
  }
}

/** Reads the tag and quoted title in `[start, end)` before the link; false when other text is left over. */
function readPrefix(ctx: ModelContext, entry: Entry, children: PhrasingContent[], start: number, end: number): boolean {
  const { text } = ctx;
  let pos = start;
  const first = children[0];
  if (first && (first.type === 'emphasis' || first.type === 'strong') && startOf(first) === pos && endOf(first) <= end) {
    pos = endOf(first);
    if (text[pos] === ':') pos++;
    entry.tag = spanOf(ctx, start, pos);
  } else {
    const emoji = EMOJI.exec(text.slice(pos, Math.min(end, pos + 64)));
    if (emoji) {
      pos += emoji[0].length;
      if (text[pos] === ':') pos++;
      entry.tag = spanOf(ctx, start, pos);
    }
  }
  while (pos < end && isBlankOrBreak(text[pos])) pos++;
  const closing = OPENING_QUOTES[text[pos] ?? ''];
  if (closing !== undefined) {
    const close = text.indexOf(closing, pos + 1);
    if (close !== -1 && close < end) {
      entry.title = spanOf(ctx, pos, close + 1);
      pos = close + 1;
    }
  }
  while (pos < end && isBlankOrBreak(text[pos])) pos++;
  return pos >= end;
}

/** Reads a separator at `pos`: optional blanks, one to three separator characters, blanks. */
function readSeparator(text: string, pos: number, end: number): { start: number; end: number; after: number } | undefined {
  let p = pos;
  while (p < end && (text[p] === ' ' || text[p] === '\t')) p++;
  const charsStart = p;
  while (p < end && p - charsStart < 3 && SEPARATOR_CHARS.has(text[p] ?? '')) p++;
  if (p === charsStart) return undefined;
  const charsEnd = p;
  while (p < end && isBlankOrBreak(text[p])) p++;
  const spaced = charsStart > pos || p > charsEnd || text[charsStart] === ':';
  if (!spaced) return undefined;
  return { start: pos, end: p, after: p };
}

/** Fills shape, link, group, tag, title, extras, separator and inline description from the item's first paragraph. */
export function readEntryParagraph(ctx: ModelContext, entry: Entry, paragraph: Paragraph, contentStart?: number): void {
  const { text } = ctx;
  const children = paragraph.children;
  const start = contentStart ?? startOf(paragraph);
  const end = endOf(paragraph);
  const main = findMainLink(ctx, children);
  if (!main) {
    readTextEntry(ctx, entry, start, end, children);
    return;
  }
  const mainNode = children[main.index] as Nodes;
  let prefixEnd = startOf(mainNode);
  let cursor = endOf(mainNode);
  let nextChild = main.index + 1;
  if (text[prefixEnd - 1] === '[' && prefixEnd - 1 >= start) {
    const group: LinkRef[] = [];
    const groupEnd = readGroup(ctx, children, main, group);
    if (groupEnd !== -1) {
      entry.group = group;
      prefixEnd--;
      cursor = groupEnd;
      while (nextChild < children.length && startOf(children[nextChild] as Nodes) < cursor) nextChild++;
    }
  }
  if (!readPrefix(ctx, entry, children, start, prefixEnd)) {
    // Words before the link ("Apache Nifi – [docs](…)"): the entry does not start with its link.
    delete entry.tag;
    delete entry.title;
    delete entry.group;
    readTextEntry(ctx, entry, start, end, children);
    return;
  }
  entry.link = main.ref;
  entry.shape = entry.group ? 'grouped' : main.ref.syntax === 'bare' || main.ref.syntax === 'autolink' ? 'bare-url' : 'link';
  readAfterLink(ctx, entry, children, { cursor, nextChild, end });
}

/** Reads what follows the link (or group): badges and links, a note, the separator and the description. */
function readAfterLink(ctx: ModelContext, entry: Entry, children: PhrasingContent[], from: { cursor: number; nextChild: number; end: number }): void {
  const { text } = ctx;
  let { cursor, nextChild } = from;
  const { end } = from;
  // Badges and further links right after the link (or group), separated by blanks only.
  for (;;) {
    let p = cursor;
    while (p < end && isBlankOrBreak(text[p])) p++;
    let child = children[nextChild];
    while (child && child.type === 'text' && endOf(child) <= p) child = children[++nextChild];
    if (!child || startOf(child) !== p) break;
    const node = isLinkLike(child) ? child : wrappedLink(child);
    if (!node) break;
    pushExtra(entry, extraFor(ctx, node));
    cursor = endOf(child);
    nextChild++;
  }
  // A note straight after the link: `[Title](url) (Publisher, June 2019)`.
  let p = cursor;
  while (p < end && (text[p] === ' ' || text[p] === '\t')) p++;
  if (text[p] === '(') {
    const close = closingParen(text, p, end);
    if (close !== -1) {
      pushExtra(entry, { kind: 'note', span: spanOf(ctx, p, close + 1) });
      cursor = close + 1;
    }
  }
  const separator = readSeparator(text, cursor, end);
  let descriptionStart = cursor;
  if (separator) {
    entry.separator = spanOf(ctx, separator.start, separator.end);
    descriptionStart = separator.after;
  }
  while (descriptionStart < end && isBlankOrBreak(text[descriptionStart])) descriptionStart++;
  const descriptionEnd = trimTrailing(ctx, entry, children, descriptionStart, end);
  entry.extras.sort((a, b) => a.span.range.start.offset - b.span.range.start.offset);
  if (descriptionEnd > descriptionStart) {
    entry.description = spanOf(ctx, descriptionStart, descriptionEnd);
    entry.descriptionPlacement = 'inline';
    if (entry.shape === 'link') entry.shape = 'link-description';
  } else if (entry.separator && separator) {
    // A dangling separator with nothing after it: keep only its characters.
    let sepEnd = separator.end;
    while (sepEnd > separator.start && isBlankOrBreak(text[sepEnd - 1])) sepEnd--;
    entry.separator = spanOf(ctx, separator.start, sepEnd);
  }
}

/** Trims blanks, trailing badges and a trailing note after a finished sentence off a description. */
function trimTrailing(ctx: ModelContext, entry: Entry, children: PhrasingContent[], start: number, end: number): number {
  const { text } = ctx;
  let last = end;
  let index = children.length - 1;
  for (;;) {
    while (last > start && isBlankOrBreak(text[last - 1])) last--;
    let child = children[index];
    while (child && child.type === 'text' && child.value.trim() === '' && index > 0) child = children[--index];
    if (child && endOf(child) === last && startOf(child) >= start) {
      const node = isLinkLike(child) ? child : wrappedLink(child);
      const ref = node ? ctx.refs.get(node) : undefined;
      if (node && ref?.isBadge) {
        pushExtra(entry, extraFor(ctx, node));
        last = startOf(child);
        index--;
        continue;
      }
    }
    break;
  }
  if (text[last - 1] === ')') {
    let depth = 0;
    let open = -1;
    for (let i = last - 1; i >= start; i--) {
      if (text[i] === ')') depth++;
      else if (text[i] === '(' && --depth === 0) {
        open = i;
        break;
      }
    }
    let before = open;
    while (before > start && isBlankOrBreak(text[before - 1])) before--;
    if (open > start && before < open && '.!?'.includes(text[before - 1] ?? 'x')) {
      pushExtra(entry, { kind: 'note', span: spanOf(ctx, open, last) });
      last = before;
    }
  }
  return last;
}

/** Inline nodes whose text is never a separator: a `: ` in a link's text or a code span is part of it. */
const OPAQUE_INLINE = new Set(['link', 'linkReference', 'image', 'imageReference', 'inlineCode', 'html']);

/** An entry without a leading link: splits at the first dash or colon separator outside links and code, if any. */
function readTextEntry(ctx: ModelContext, entry: Entry, start: number, end: number, children: readonly PhrasingContent[]): void {
  entry.shape = 'text';
  const body = ctx.text.slice(start, end);
  const opaque = children.filter((child) => OPAQUE_INLINE.has(child.type)).map((child) => [startOf(child) - start, endOf(child) - start] as const);
  let at = -1;
  let found = '';
  for (const candidate of TEXT_SEPARATORS) {
    const index = indexOutside(body, candidate, opaque);
    if (index !== -1 && (at === -1 || index < at)) {
      at = index;
      found = candidate;
    }
  }
  if (at === -1) return;
  let descriptionStart = start + at + found.length;
  while (descriptionStart < end && isBlankOrBreak(ctx.text[descriptionStart])) descriptionStart++;
  if (descriptionStart >= end) return;
  entry.separator = spanOf(ctx, start + at, start + at + found.length);
  entry.description = spanOf(ctx, descriptionStart, end);
  entry.descriptionPlacement = 'inline';
}

/** First index of `needle` in `haystack` that does not start inside one of the (sorted) `skip` ranges. */
function indexOutside(haystack: string, needle: string, skip: ReadonlyArray<readonly [number, number]>): number {
  let from = 0;
  for (;;) {
    const index = haystack.indexOf(needle, from);
    if (index === -1) return -1;
    const inside = skip.find(([skipStart, skipEnd]) => index >= skipStart && index < skipEnd);
    if (!inside) return index;
    from = inside[1];
  }
}
