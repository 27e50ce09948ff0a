// Entry anatomy: marker, tag, title, main link, group, badges, separator, description and notes of one entry.
import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import { endOf, spanOf, startOf, type ModelContext } from './context.js';
import { isBlankOrBreak } from './chars.js';
import { wrapsOnlyImage } from './link-refs.js';
import type { Entry, Extra, LinkRef } from './types.js';

const SEPARATOR_CHARS = new Set(['-', '–', '—', ':', '：', '|', ',', ';', '~']);
const OPENING_QUOTES: Record<string, string> = { '"': '"', '“': '”', '«': '»' };
const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}\uFE0F\u200D\u20E3])+/u;
const TEXT_SEPARATORS = [' - ', ' – ', ' — ', ' -- ', ': ', '：'];

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

/** True when `node` is a link holding nothing but an image (`[![logo](logo.png)](url)`). */
function isImageLink(ctx: ModelContext, node: Nodes): boolean {
  return isLinkNode(node) && (node.type === 'link' || node.type === 'linkReference') && wrapsOnlyImage(node) !== undefined && ctx.refs.has(node);
}

/**
 * The entry's main link: the first link that is not a badge or image. A link wrapping only an image (a logo) is
 * the main link only when no text link follows it directly: `[![logo](l.png)](u) [Name](u)` is named by `Name`.
 */
function findMainLink(ctx: ModelContext, children: PhrasingContent[]): MainLink | undefined {
  let imageLink: MainLink | undefined;
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as PhrasingContent;
    if (child.type === 'text' && child.value.trim() === '') continue;
    const node = isLinkNode(child) ? child : wrappedLink(child);
    if (!node) {
      if (imageLink && child.type !== 'image' && child.type !== 'imageReference') return imageLink;
      continue;
    }
    const ref = ctx.refs.get(node);
    if (!ref || ref.isBadge || ref.isImage) continue;
    if (isImageLink(ctx, node)) {
      imageLink ??= { index, ref };
      continue;
    }
    return { index, ref };
  }
  return imageLink;
}

function extraFor(ctx: ModelContext, node: Nodes): Extra {
  const ref = ctx.refs.get(node);
  const kind = ref?.isBadge ? 'badge' : ref?.isImage || isImageLink(ctx, node) ? 'image' : 'link';
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

/**
 * Reads what sits before the link in `[start, end)`: images and badges (an icon before the name), then a tag
 * (`*paper*:`, `**Tool**`, an emoji, a code span) and a quoted title. False when other text is left over.
 */
function readPrefix(ctx: ModelContext, entry: Entry, children: PhrasingContent[], start: number, end: number): boolean {
  const { text } = ctx;
  let pos = start;
  let index = 0;
  for (;;) {
    while (pos < end && isBlankOrBreak(text[pos])) pos++;
    while (index < children.length && endOf(children[index] as Nodes) <= pos) index++;
    const child = children[index];
    if (!child || startOf(child) !== pos || endOf(child) > end) break;
    const node = isLinkLike(child) ? child : wrappedLink(child);
    const ref = node ? ctx.refs.get(node) : undefined;
    if (!node || !ref || !(ref.isImage || ref.isBadge || isImageLink(ctx, node))) break;
    entry.extras.push(extraFor(ctx, node));
    pos = endOf(child);
  }
  const tagStart = pos;
  while (index < children.length && endOf(children[index] as Nodes) <= pos) index++;
  const first = children[index];
  const isTagNode = first && (first.type === 'emphasis' || first.type === 'strong' || first.type === 'inlineCode');
  if (first && isTagNode && startOf(first) === pos && endOf(first) <= end) {
    pos = endOf(first);
    if (text[pos] === ':') pos++;
    entry.tag = spanOf(ctx, tagStart, pos);
  } else {
    const emoji = EMOJI.exec(text.slice(pos, Math.min(end, pos + 64)));
    if (emoji) {
      pos += emoji[0].length;
      if (text[pos] === ':') pos++;
      entry.tag = spanOf(ctx, tagStart, pos);
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

/** True for a character that may make up a separator; the full-width colon is how CJK lists separate. */
function isSeparatorChar(char: string | undefined): boolean {
  return char !== undefined && SEPARATOR_CHARS.has(char);
}

/** Reads a separator at `pos`: optional blanks, one to three separator characters, blanks. */
function readSeparator(text: string, pos: number, end: number): { start: number; end: number; after: number } | undefined {
  let p = pos;
  while (p < end && (text[p] === ' ' || text[p] === '\t')) p++;
  const charsStart = p;
  while (p < end && p - charsStart < 3 && isSeparatorChar(text[p])) p++;
  if (p === charsStart) return undefined;
  const charsEnd = p;
  while (p < end && isBlankOrBreak(text[p])) p++;
  const spaced = charsStart > pos || p > charsEnd || text[charsStart] === ':' || text[charsStart] === '：';
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
    classifyEntry(ctx, entry, children);
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
      // `[[crate](url)] - …`: one bracketed link is the entry's link in brackets, not a group.
      if (group.length > 1) entry.group = group;
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
    entry.extras = [];
    readTextEntry(ctx, entry, start, end, children);
    classifyEntry(ctx, entry, children);
    return;
  }
  entry.link = main.ref;
  entry.shape = entry.group ? 'grouped' : main.ref.syntax === 'bare' || main.ref.syntax === 'autolink' ? 'bare-url' : 'link';
  readAfterLink(ctx, entry, children, { cursor, nextChild, end });
  collectSecondary(entry);
}

/** A shortcode such as `:zap:` or `:page_facing_up:` at the start of `text`. */
const SHORTCODE = /^:[a-z0-9_+-]{1,40}:/;

/** Finds the child that starts exactly at `pos`, moving `state.next` past children that end before it. */
function childAt(children: PhrasingContent[], state: { next: number }, pos: number): PhrasingContent | undefined {
  while (state.next < children.length && endOf(children[state.next] as Nodes) <= pos) state.next++;
  const child = children[state.next];
  return child && startOf(child) === pos ? child : undefined;
}

/** True when, after blanks, `pos` starts a separator, another marker, or nothing but the end of the entry's text. */
function endsMarkerRun(text: string, pos: number, end: number): boolean {
  let p = pos;
  while (p < end && isBlankOrBreak(text[p])) p++;
  if (p >= end) return true;
  const char = text[p];
  return readSeparator(text, pos, end) !== undefined || char === '`' || char === '(' || char === '[' || SHORTCODE.test(text.slice(p, p + 42));
}

/**
 * Reads one marker between the link and the separator at `pos`: a badge, image or secondary link, a bracketed
 * secondary link `[[crate](url)]`, a code-span tag, a shortcode or emoji, a parenthesised note, or an
 * emphasised note (`**[Deprecated]**`, `*(Korean)*`). Returns where it ends, or -1 when `pos` starts the description.
 */
function readMarker(ctx: ModelContext, entry: Entry, children: PhrasingContent[], state: { next: number }, pos: number, end: number): number {
  const { text } = ctx;
  const child = childAt(children, state, pos);
  if (child) {
    const node = isLinkLike(child) ? child : wrappedLink(child);
    if (node) {
      entry.extras.push(extraFor(ctx, node));
      return endOf(child);
    }
    if (child.type === 'inlineCode') {
      if (!endsMarkerRun(text, endOf(child), end)) return -1;
      entry.extras.push({ kind: 'tag', span: spanOf(ctx, pos, endOf(child)) });
      return endOf(child);
    }
    if ((child.type === 'emphasis' || child.type === 'strong') && isBracketed(text, pos, endOf(child))) {
      entry.extras.push({ kind: text.slice(pos, endOf(child)).includes('(') ? 'note' : 'tag', span: spanOf(ctx, pos, endOf(child)) });
      return endOf(child);
    }
  }
  const char = text[pos];
  if (char === '[') {
    const inner = childAt(children, state, pos + 1);
    if (inner && isLinkNode(inner)) {
      let close = endOf(inner);
      while (close < end && isBlankOrBreak(text[close])) close++;
      if (text[close] === ']') {
        entry.extras.push({ kind: 'link', span: spanOf(ctx, pos, close + 1) });
        return close + 1;
      }
    }
    return -1;
  }
  if (char === ':') {
    const shortcode = SHORTCODE.exec(text.slice(pos, pos + 42));
    if (shortcode) {
      entry.extras.push({ kind: 'tag', span: spanOf(ctx, pos, pos + shortcode[0].length) });
      return pos + shortcode[0].length;
    }
    return -1;
  }
  if (char === '(') {
    const close = closingParen(text, pos, end);
    if (close === -1) return -1;
    entry.extras.push({ kind: 'note', span: spanOf(ctx, pos, close + 1) });
    return close + 1;
  }
  const emoji = EMOJI.exec(text.slice(pos, Math.min(end, pos + 32)));
  if (emoji) {
    entry.extras.push({ kind: 'tag', span: spanOf(ctx, pos, pos + emoji[0].length) });
    return pos + emoji[0].length;
  }
  return -1;
}

/** True when the emphasis at `[start, end)` wraps a bracketed or parenthesised note: `**[Deprecated]**`, `*(Korean)*`. */
function isBracketed(text: string, start: number, end: number): boolean {
  let from = start;
  while (from < end && (text[from] === '*' || text[from] === '_')) from++;
  let to = end;
  while (to > from && (text[to - 1] === '*' || text[to - 1] === '_')) to--;
  const open = text[from];
  const close = text[to - 1];
  return (open === '(' && close === ')') || (open === '[' && close === ']');
}

/** Reads what follows the link (or group): badges, secondary links, tags and notes, the separator and the description. */
function readAfterLink(ctx: ModelContext, entry: Entry, children: PhrasingContent[], from: { cursor: number; nextChild: number; end: number }): void {
  const { text } = ctx;
  let { cursor } = from;
  const { end } = from;
  const state = { next: from.nextChild };
  for (;;) {
    let p = cursor;
    while (p < end && isBlankOrBreak(text[p])) p++;
    if (p >= end) break;
    const markerEnd = readMarker(ctx, entry, children, state, p, end);
    if (markerEnd === -1) break;
    cursor = markerEnd;
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

/** The child (ignoring blank text) that ends exactly at `offset`, searching back from `index`. */
function childEndingAt(children: PhrasingContent[], index: number, offset: number): { child: PhrasingContent; index: number } | undefined {
  let i = index;
  while (i >= 0) {
    const child = children[i] as PhrasingContent;
    if (endOf(child) <= offset) {
      if (child.type === 'text' && child.value.trim() === '') {
        i--;
        continue;
      }
      return endOf(child) === offset ? { child, index: i } : undefined;
    }
    i--;
  }
  return undefined;
}

/** Offset of the `(` matching the `)` just before `last`, not before `start`; -1 when unmatched. */
function openingParen(text: string, start: number, last: number): number {
  let depth = 0;
  for (let i = last - 1; i >= start; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) return i;
  }
  return -1;
}

/** True when the text in `[start, at)` ends, blanks aside, with a finished sentence or a bracketed tag. */
function endsSentence(text: string, start: number, at: number): boolean {
  let p = at;
  while (p > start && isBlankOrBreak(text[p - 1])) p--;
  return p < at && p > start && '.!?]'.includes(text[p - 1] ?? 'x');
}

/** True when a code span at `at` follows a finished sentence or another tag: `… offline. `MIT` `Go`` (not "Replaces `make`"). */
function followsTag(text: string, start: number, at: number): boolean {
  let p = at;
  while (p > start && isBlankOrBreak(text[p - 1])) p--;
  return p > start && '.!?])`'.includes(text[p - 1] ?? 'x');
}

/** A trailing `[MIT]`-style tag: a short bracketed word group without a link. */
const BRACKET_TAG = /^\[[\w .+/-]{1,30}\]$/u;

/**
 * Trims what trails a description: blanks, badges and images, code-span tags (`` `MIT` `` `` `Go` ``), emphasised
 * notes (`*(Korean)*`, `**[Deprecated]**`), a parenthesised group of links (`([Demo](u), [Source](v))`), a note after
 * a finished sentence, and a bracketed tag (`[MIT]`). Something of the description is always left.
 */
function trimTrailing(ctx: ModelContext, entry: Entry, children: PhrasingContent[], start: number, end: number): number {
  const { text } = ctx;
  let last = end;
  let index = children.length - 1;
  for (;;) {
    while (last > start && isBlankOrBreak(text[last - 1])) last--;
    const found = childEndingAt(children, index, last);
    // Badges may take the whole description (`[X](url) - [![v](badge)](url)`); words always keep something.
    if (found && startOf(found.child) >= start) {
      const { child } = found;
      const node = isLinkLike(child) ? child : wrappedLink(child);
      const ref = node ? ctx.refs.get(node) : undefined;
      let kind: Extra['kind'] | undefined;
      const isFirst = startOf(child) === start;
      if (node && (ref?.isBadge || ref?.isImage || isImageLink(ctx, node))) kind = ref?.isBadge ? 'badge' : 'image';
      else if (isFirst) kind = undefined;
      else if (child.type === 'inlineCode' && isBlankOrBreak(text[startOf(child) - 1]) && followsTag(text, start, startOf(child))) kind = 'tag';
      else if (node && endsSentence(text, start, startOf(child))) kind = 'link'; // `… libraries. [website](url)`
      else if ((child.type === 'emphasis' || child.type === 'strong') && isBracketed(text, startOf(child), last)) kind = text[last - 2] === ')' || text[last - 3] === ')' ? 'note' : 'tag';
      if (kind) {
        const extra = node && kind !== 'tag' && kind !== 'note' ? extraFor(ctx, node) : { kind, span: spanOf(ctx, startOf(child), last) };
        entry.extras.push(extra);
        last = startOf(child);
        index = found.index - 1;
        continue;
      }
    }
    if (text[last - 1] === ')') {
      const open = openingParen(text, start, last);
      let before = open;
      while (before > start && isBlankOrBreak(text[before - 1])) before--;
      const holdsLink = open > start && entry.links.some((link) => link.range.start.offset > open && link.range.end.offset < last && !link.isImage);
      if (open > start && before < open && (holdsLink || '.!?'.includes(text[before - 1] ?? 'x'))) {
        entry.extras.push({ kind: 'note', span: spanOf(ctx, open, last) });
        last = before;
        while (index >= 0 && endOf(children[index] as Nodes) > last) index--;
        continue;
      }
    }
    if (text[last - 1] === ']') {
      const open = text.lastIndexOf('[', last - 1);
      if (open > start && last - open <= 32 && isBlankOrBreak(text[open - 1]) && BRACKET_TAG.test(text.slice(open, last))) {
        let before = open;
        while (before > start && isBlankOrBreak(text[before - 1])) before--;
        if (before > start) {
          entry.extras.push({ kind: 'tag', span: spanOf(ctx, open, last) });
          last = before;
          while (index >= 0 && endOf(children[index] as Nodes) > last) index--;
          continue;
        }
      }
    }
    break;
  }
  return last;
}

/** Fills `secondaryLinks` and `tags` from the extras: links in a bracket or a note, and every tag. */
function collectSecondary(entry: Entry): void {
  for (const extra of entry.extras) {
    if (extra.kind === 'tag') entry.tags.push(extra.span);
    if (extra.kind !== 'link' && extra.kind !== 'note') continue;
    const from = extra.span.range.start.offset;
    const to = extra.span.range.end.offset;
    for (const link of entry.links) {
      if (link === entry.link || link.isImage || link.isBadge) continue;
      if (link.range.start.offset >= from && link.range.end.offset <= to) entry.secondaryLinks.push(link);
    }
  }
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

/** Words in `text` (runs between blanks), counted up to `limit`. */
function countWords(text: string, limit: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length && words < limit; i++) {
    const blank = isBlankOrBreak(text[i]);
    if (!blank && !inWord) words++;
    inWord = !blank;
  }
  return words;
}

/** Words a label or a link-less resource name rarely exceeds; a longer run without a separator is a sentence. */
const PROSE_MIN_WORDS = 6;

/**
 * Decides what a bullet without a leading link is (see `EntryRole`): a label followed by links, a term being
 * defined (a colon, or a code span or bold term before the separator), a sentence, or a resource without a link.
 */
function classifyEntry(ctx: ModelContext, entry: Entry, children: readonly PhrasingContent[]): void {
  const line = entry.line.range;
  const contentStart = entry.marker ? entry.marker.range.end.offset : line.start.offset;
  const headEnd = entry.separator ? entry.separator.range.start.offset : line.end.offset;
  const head = ctx.text.slice(contentStart, headEnd).trim();
  const separator = entry.separator?.text.trim();
  const isColon = separator === ':' || separator === '：';
  const description = entry.description;
  const descriptionStartsWithLink =
    description !== undefined && entry.links.some((link) => link.range.start.offset === description.range.start.offset && !link.isImage);
  const first = children.find((child) => !(child.type === 'text' && child.value.trim() === ''));
  const isTermNode = first !== undefined && (first.type === 'inlineCode' || first.type === 'strong') && endOf(first) >= headEnd - 2;
  if (isColon && descriptionStartsWithLink) entry.role = 'link-line';
  else if (isColon || (entry.separator && isTermNode)) entry.role = 'definition';
  else if (!entry.separator && (countWords(head, PROSE_MIN_WORDS) >= PROSE_MIN_WORDS || /[.:!?。]$/.test(head) || entry.links.length > 0)) entry.role = 'prose';
}
