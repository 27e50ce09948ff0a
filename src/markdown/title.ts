// Finds what names a list: its `#` title, an HTML `<h1>`, or a logo image with alt text before the first heading.
import type { Nodes, Root } from 'mdast';
import { endOf, startOf, type ModelContext } from './context.js';
import { scanHtmlTags } from './html-scan.js';
import { isBadgeUrl, plainText } from './link-refs.js';
import { rangeOf } from './positions.js';
import type { DocumentTitle } from './types.js';

/** The title of `tree`: the first heading when it is a `#` one, else an HTML `<h1>` or logo image before any heading. */
export function findTitle(ctx: ModelContext, tree: Root): DocumentTitle | undefined {
  let logo: DocumentTitle | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (node.depth === 1) return { kind: 'heading', text: plainText(node, false).trim(), range: rangeOf(ctx, startOf(node), endOf(node)) };
      break;
    }
    if (node.type === 'html') {
      const h1 = htmlH1(ctx, node);
      if (h1) return h1;
      logo ??= htmlLogo(ctx, node);
    } else if (node.type === 'paragraph') logo ??= markdownLogo(ctx, node);
  }
  return logo;
}

/** An `<h1>…</h1>` in a raw HTML block, with its text (tags stripped). */
function htmlH1(ctx: ModelContext, node: Nodes): DocumentTitle | undefined {
  const start = startOf(node);
  const end = endOf(node);
  const open = ctx.text.slice(start, end).search(/<h1[\s>]/i);
  if (open === -1) return undefined;
  const close = ctx.text.slice(start + open, end).search(/<\/h1\s*>/i);
  const inner = ctx.text.slice(start + open, close === -1 ? end : start + open + close);
  return { kind: 'html', text: inner.replace(/<[^<>]*>/g, '').trim(), range: rangeOf(ctx, start + open, close === -1 ? end : start + open + close) };
}

/** The first `<img alt="…">` with alt text in a raw HTML block that is not a badge. */
function htmlLogo(ctx: ModelContext, node: Nodes): DocumentTitle | undefined {
  let found: DocumentTitle | undefined;
  scanHtmlTags(ctx.text, startOf(node), endOf(node), (tag) => {
    if (found || tag.name !== 'img') return;
    const alt = tag.attributes.find((attribute) => attribute.name === 'alt')?.value.trim();
    const src = tag.attributes.find((attribute) => attribute.name === 'src')?.value ?? '';
    if (alt && !isBadgeUrl(src)) found = { kind: 'image', text: alt, range: rangeOf(ctx, tag.start, tag.end) };
  });
  return found;
}

/** A paragraph that opens with a non-badge image (or a link wrapping one) with alt text: `![Awesome Things](logo.svg)`. */
function markdownLogo(ctx: ModelContext, node: Nodes): DocumentTitle | undefined {
  if (node.type !== 'paragraph') return undefined;
  let first = node.children.find((child) => !(child.type === 'text' && child.value.trim() === ''));
  if (first && first.type === 'link' && first.children.length === 1) first = first.children[0];
  if (!first || first.type !== 'image' || isBadgeUrl(first.url)) return undefined;
  const alt = (first.alt ?? '').trim();
  return alt ? { kind: 'image', text: alt, range: rangeOf(ctx, startOf(first), endOf(first)) } : undefined;
}
