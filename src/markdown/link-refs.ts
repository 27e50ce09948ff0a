// Turns mdast link, image, reference and HTML nodes into `LinkRef`s with exact source ranges.
import type { Definition, Html, Image, ImageReference, Link, LinkReference, Nodes } from 'mdast';
import { endOf, startOf, type ModelContext } from './context.js';
import { rangeOf } from './positions.js';
import { scanHtmlTags } from './html-scan.js';
import type { LinkRef } from './types.js';

const BADGE_HOSTS = new Set(['shields.io', 'img.shields.io', 'badgen.net', 'badge.fury.io']);

/** True when an image URL looks like a status badge (shields.io and the like, or a `…/badge…` path). */
export function isBadgeUrl(url: string): boolean {
  const schemeEnd = url.indexOf('://');
  let rest = schemeEnd === -1 ? url : url.slice(schemeEnd + 3);
  let hostEnd = rest.length;
  for (const stop of ['/', '?', '#']) {
    const at = rest.indexOf(stop);
    if (at !== -1 && at < hostEnd) hostEnd = at;
  }
  if (schemeEnd !== -1) {
    const host = rest.slice(0, hostEnd).replace(/^.*@/, '').replace(/:\d*$/, '').toLowerCase();
    if (BADGE_HOSTS.has(host) || host.endsWith('.shields.io')) return true;
    rest = rest.slice(hostEnd);
  }
  const queryAt = rest.search(/[?#]/);
  const path = (queryAt === -1 ? rest : rest.slice(0, queryAt)).toLowerCase();
  return path.includes('/badge') || path.endsWith('badge.svg');
}

/** The plain text of a node (image alt text included unless `includeAlt` is false), walked without recursion. */
export function plainText(node: Nodes, includeAlt = true): string {
  let out = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Nodes;
    if (current.type === 'text' || current.type === 'inlineCode') out += current.value;
    else if (includeAlt && (current.type === 'image' || current.type === 'imageReference')) out += current.alt ?? '';
    if ('children' in current) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as Nodes);
  }
  return out;
}

/** Offset of the `]` closing a label that opens at `open` (the `[`), honouring escapes and nested brackets. */
function labelEnd(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** The `]` ending a link's text: after its last child when it has children (code spans may hold brackets). */
function closingBracket(text: string, node: Nodes, open: number, limit: number): number {
  const last = 'children' in node ? node.children[node.children.length - 1] : undefined;
  if (!last) return labelEnd(text, open, limit);
  for (let i = endOf(last); i < limit; i++) if (text[i] === ']') return i;
  return -1;
}

/** `[start, end)` of an inline destination starting at `(`, angle brackets excluded; undefined when malformed. */
function destination(text: string, open: number, limit: number): [number, number] | undefined {
  if (text[open] !== '(') return undefined;
  let p = open + 1;
  while (p < limit && /\s/.test(text[p] ?? '')) p++;
  if (text[p] === '<') {
    for (let i = p + 1; i < limit; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '>') return [p + 1, i];
    }
    return undefined;
  }
  let depth = 0;
  let i = p;
  for (; i < limit; i++) {
    const c = text[i] ?? '';
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') break;
  }
  return [p, Math.min(i, limit)];
}

/** Where a definition's URL sits (`[label]: <url> "title"`). */
function definitionUrl(text: string, node: Definition): [number, number] {
  const start = startOf(node);
  const end = endOf(node);
  const close = labelEnd(text, start, end);
  let p = close === -1 ? start : close + 2; // past `]:`
  while (p < end && /\s/.test(text[p] ?? '')) p++;
  if (text[p] === '<') {
    const gt = text.indexOf('>', p);
    return gt === -1 || gt > end ? [p, p] : [p + 1, gt];
  }
  let q = p;
  while (q < end && !/\s/.test(text[q] ?? '')) q++;
  return [p, q];
}

/** Records a definition (first one per label wins, as in CommonMark). */
export function addDefinition(ctx: ModelContext, node: Definition): void {
  if (ctx.definitions.has(node.identifier)) return;
  const [urlStart, urlEnd] = definitionUrl(ctx.text, node);
  ctx.definitions.set(node.identifier, { url: node.url, range: rangeOf(ctx, startOf(node), endOf(node)) });
  ctx.definitionUrls.set(node.identifier, rangeOf(ctx, urlStart, urlEnd));
}

function isBadgeImage(ctx: ModelContext, node: Nodes): boolean {
  if (node.type === 'image') return isBadgeUrl(node.url);
  if (node.type === 'imageReference') return isBadgeUrl(ctx.definitions.get(node.identifier)?.url ?? '');
  return false;
}

/** True when a link holds nothing but one image (plus whitespace). */
export function wrapsOnlyImage(node: Link | LinkReference): Nodes | undefined {
  let image: Nodes | undefined;
  for (const child of node.children) {
    if (child.type === 'text' && child.value.trim() === '') continue;
    if ((child.type === 'image' || child.type === 'imageReference') && image === undefined) image = child;
    else return undefined;
  }
  return image;
}

/** Makes the `LinkRef` for one link-like mdast node (resolution of references is deferred). */
export function makeLinkRef(ctx: ModelContext, node: Link | Image | LinkReference | ImageReference): LinkRef {
  const { text } = ctx;
  const start = startOf(node);
  const end = endOf(node);
  const isImage = node.type === 'image' || node.type === 'imageReference';
  const open = isImage ? start + 1 : start;
  const ref: LinkRef = {
    syntax: 'inline',
    text: isImage ? (node.alt ?? '') : plainText(node),
    url: node.type === 'link' || node.type === 'image' ? node.url : '',
    range: rangeOf(ctx, start, end),
    isImage,
    isBadge: false,
  };
  if (node.type === 'link' && text[start] !== '[') {
    ref.syntax = text[start] === '<' ? 'autolink' : 'bare';
    const inner: [number, number] = ref.syntax === 'autolink' ? [start + 1, end - 1] : [start, end];
    ref.textRange = rangeOf(ctx, inner[0], inner[1]);
    ref.urlRange = ref.textRange;
  } else {
    const close = closingBracket(text, node, open, end);
    if (close !== -1) ref.textRange = rangeOf(ctx, open + 1, close);
    if (node.type === 'link' || node.type === 'image') {
      ref.syntax = isImage ? 'image' : 'inline';
      const target = close === -1 ? undefined : destination(text, close + 1, end);
      if (target) ref.urlRange = rangeOf(ctx, target[0], target[1]);
    } else {
      ref.syntax = isImage ? 'image' : 'reference';
      ctx.pending.push({ ref, identifier: node.identifier });
    }
  }
  if (isImage) ref.isBadge = isBadgeImage(ctx, node);
  else if (node.type === 'link' || node.type === 'linkReference') {
    const image = wrapsOnlyImage(node);
    if (image) ref.isBadge = isBadgeImage(ctx, image);
  }
  ctx.refs.set(node, ref);
  return ref;
}

/** Fills in URLs of reference links once every definition is known; re-checks reference badges. */
export function resolveReferences(ctx: ModelContext): void {
  for (const { ref, identifier } of ctx.pending) {
    const definition = ctx.definitions.get(identifier);
    if (!definition) continue;
    ref.url = definition.url;
    const urlRange = ctx.definitionUrls.get(identifier);
    if (urlRange) ref.urlRange = urlRange;
    if (ref.isImage) ref.isBadge = isBadgeUrl(ref.url);
  }
  for (const [node, ref] of ctx.refs) {
    if ((node.type === 'link' || node.type === 'linkReference') && !ref.isBadge) {
      const image = wrapsOnlyImage(node);
      if (image) ref.isBadge = ctx.refs.get(image)?.isBadge ?? false;
    }
  }
}

/** Scans raw HTML for `<a href>` links (pushed to `out`) and `name`/`id` anchors (added to `ctx.anchors`). */
export function scanHtml(ctx: ModelContext, node: Html, out: LinkRef[]): void {
  const start = startOf(node);
  const end = endOf(node);
  const { text } = ctx;
  const comments = commentRanges(text, start, end);
  scanHtmlTags(text, start, end, (tag) => {
    // Markup inside `<!-- … -->` is not rendered: its ids are no anchors and its links go nowhere.
    if (comments.some(([from, to]) => tag.start >= from && tag.start < to)) return;
    for (const attribute of tag.attributes) {
      if (attribute.name === 'id' || (attribute.name === 'name' && tag.name === 'a')) ctx.anchors.add(attribute.value);
    }
    if (tag.name !== 'a') return;
    const href = tag.attributes.find((attribute) => attribute.name === 'href');
    if (!href) return;
    // Inline HTML splits `<a …>text</a>` into separate nodes, so look a little past this node.
    const close = closingTagAt(text, tag.end, Math.min(text.length, tag.end + MAX_HTML_LINK_TEXT));
    const hasText = close !== -1 && /^<\/a\s*>/i.test(text.slice(close, close + 8));
    const linkEnd = hasText ? text.indexOf('>', close) + 1 : tag.end;
    out.push({
      syntax: 'html',
      text: hasText ? text.slice(tag.end, close).replace(/<[^<>]*>/g, '').trim() : '',
      url: href.value,
      range: rangeOf(ctx, tag.start, linkEnd),
      textRange: rangeOf(ctx, tag.end, hasText ? close : tag.end),
      urlRange: rangeOf(ctx, href.valueStart, href.valueEnd),
      isImage: false,
      isBadge: false,
    });
  });
}

/** `[start, end)` of every HTML comment in `text[from, to)` (an unclosed one runs to `to`). */
function commentRanges(text: string, from: number, to: number): Array<[number, number]> {
  // Searched in the node's own slice, so many HTML nodes without comments cost no scans to the end of the file.
  const value = text.slice(from, to);
  const ranges: Array<[number, number]> = [];
  let open = value.indexOf('<!--');
  while (open !== -1) {
    const close = value.indexOf('-->', open + 4);
    const end = close === -1 ? value.length : close + 3;
    ranges.push([from + open, from + end]);
    open = value.indexOf('<!--', end);
  }
  return ranges;
}

/** Longest `<a>` link text looked for; a bound keeps many unclosed `<a>` tags linear. */
const MAX_HTML_LINK_TEXT = 300;

/** Offset of the next `</` in `[from, end)`, or -1. */
function closingTagAt(text: string, from: number, end: number): number {
  for (let i = from; i < end - 1; i++) if (text.charCodeAt(i) === 60 && text.charCodeAt(i + 1) === 47) return i;
  return -1;
}
