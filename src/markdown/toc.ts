// Finds the table of contents: the first list (or section of lists) made mostly of in-page anchor links.
import type { Heading, List, ListItem, Nodes, PhrasingContent, Root } from 'mdast';
import type { ModelContext } from './context.js';
import type { TocItem } from './types.js';

/** Share of items that must link to an in-page anchor for a list to count as the ToC. */
export const TOC_ANCHOR_SHARE = 0.6;
/** Fewest anchor items a ToC has. */
export const TOC_MIN_ANCHORS = 2;

/** The ToC as found before the model is built: its lists and the heading of its section. */
export interface TocPlan {
  lists: Set<List>;
  /** The heading of the section holding it; undefined in the preamble. */
  heading?: Heading;
}

/** The first link of an item's first paragraph (looking one level into emphasis). */
export function firstItemLink(item: ListItem): Nodes | undefined {
  const paragraph = item.children[0];
  if (!paragraph || paragraph.type !== 'paragraph') return undefined;
  for (const child of paragraph.children) {
    if (child.type === 'link' || child.type === 'linkReference') return child;
    if (child.type === 'emphasis' || child.type === 'strong') {
      const inner = child.children.find((node: PhrasingContent) => node.type === 'link' || node.type === 'linkReference');
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Calls `visit` for every item of `list`, nested items included, with its depth. */
export function eachItem(list: List, visit: (item: ListItem, depth: number) => void, depth = 0): void {
  for (const item of list.children) {
    visit(item, depth);
    for (const child of item.children) if (child.type === 'list') eachItem(child, visit, depth + 1);
  }
}

function countAnchors(list: List): { anchors: number; items: number } {
  let anchors = 0;
  let items = 0;
  eachItem(list, (item) => {
    items++;
    const link = firstItemLink(item);
    if (link && link.type === 'link' && link.url.startsWith('#')) anchors++;
  });
  return { anchors, items };
}

/** Headings that announce a table of contents, so a one-item one (a list with a single section) is still found. */
const TOC_HEADING = /^(?:table of )?contents?$|^toc$|^index$/i;

function qualifies(count: { anchors: number; items: number }, heading: Heading | undefined): boolean {
  if (count.anchors >= TOC_MIN_ANCHORS && count.anchors >= TOC_ANCHOR_SHARE * count.items) return true;
  return count.anchors >= 1 && count.anchors === count.items && heading !== undefined && TOC_HEADING.test(headingText(heading));
}

function headingText(heading: Heading): string {
  let text = '';
  for (const child of heading.children) if (child.type === 'text') text += child.value;
  return text.trim();
}

/** Looks at the top-level lists of each top-level section, in order, and returns the first ToC found. */
export function planToc(tree: Root): TocPlan | undefined {
  let heading: Heading | undefined;
  let lists: Array<{ list: List; anchors: number; items: number }> = [];
  const decide = (): TocPlan | undefined => {
    const total = lists.reduce((sum, entry) => ({ anchors: sum.anchors + entry.anchors, items: sum.items + entry.items }), { anchors: 0, items: 0 });
    let chosen: List[] = [];
    if (qualifies(total, heading)) chosen = lists.filter((entry) => entry.anchors > 0).map((entry) => entry.list);
    else {
      const single = lists.find((entry) => qualifies(entry, heading));
      if (single) chosen = [single.list];
    }
    if (chosen.length === 0) return undefined;
    const plan: TocPlan = { lists: new Set(chosen) };
    if (heading) plan.heading = heading;
    return plan;
  };
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const plan = decide();
      if (plan) return plan;
      heading = node;
      lists = [];
    } else if (node.type === 'list') lists.push({ list: node, ...countAnchors(node) });
  }
  return decide();
}

/** Decodes a `#target` for comparison with heading slugs; keeps it as written when it is not valid percent-encoding. */
export function decodeAnchor(url: string): string {
  const target = url.startsWith('#') ? url.slice(1) : url;
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** The ToC items of one ToC list, from the links already made for it. */
export function tocItems(ctx: ModelContext, list: List): TocItem[] {
  const items: TocItem[] = [];
  eachItem(list, (item, depth) => {
    const node = firstItemLink(item);
    const link = node ? ctx.refs.get(node) : undefined;
    if (link && link.url.startsWith('#')) items.push({ target: decodeAnchor(link.url), link, depth });
  });
  return items;
}
