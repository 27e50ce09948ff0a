// Builds the list model (sections, entries, links, ToC) from a parsed document, in one pass over the tree.
import GithubSlugger from 'github-slugger';
import type { Heading, Html, List, Root, RootContent, Table } from 'mdast';
import type { Style } from '../config/style-schema.js';
import { endOf, spanOf, startOf, type ModelContext } from './context.js';
import { describeFromBlock, finishListEntry, makeListEntry, readTableRow } from './entries.js';
import { findInnerMarkdown, parseInner } from './html-blocks.js';
import { plainText, resolveReferences, scanHtml } from './link-refs.js';
import { parseMarkdown, prepareText, type PreparedText } from './parse.js';
import { computeLineStarts, rangeOf } from './positions.js';
import { findTitle } from './title.js';
import { planToc, tocItems, type TocPlan } from './toc.js';
import type { DocumentLocation, Entry, LinkRef, ListDocument, Section } from './types.js';
import { collectLinks } from './walk.js';

/** Everything one build keeps track of besides the shared context. */
interface BuildState {
  ctx: ModelContext;
  doc: ListDocument;
  file: string;
  prose: Set<string>;
  section: Section;
  tocPlan?: TocPlan;
  tocLists: List[];
}

/** Parses `text` and builds its list model under `style`; `location` says where the file lives on disk, if anywhere. */
export function buildListModel(file: string, text: string, style: Style, location: DocumentLocation = {}): ListDocument {
  const prepared = prepareText(text);
  const doc = buildModelFromTree(file, prepared, parseMarkdown(prepared.text, file), style);
  if (location.path !== undefined) doc.path = location.path;
  if (location.rootDir !== undefined) doc.rootDir = location.rootDir;
  return doc;
}

/** Builds the model from an already parsed tree of `prepared.text` (exposed for benchmarks). */
export function buildModelFromTree(file: string, prepared: PreparedText, tree: Root, style: Style): ListDocument {
  const lineStarts = computeLineStarts(prepared.text);
  const slugger = new GithubSlugger();
  const ctx: ModelContext = {
    text: prepared.text,
    lineStarts,
    refs: new Map(),
    pending: [],
    definitions: new Map(),
    definitionUrls: new Map(),
    anchors: new Set(),
    slug: (value) => slugger.slug(value),
  };
  const root: Section = {
    depth: 0,
    title: '',
    slug: '',
    range: rangeOf(ctx, 0, 0),
    children: [],
    entries: [],
    hasContent: false,
    isToc: false,
    isProse: false,
  };
  const doc: ListDocument = {
    file,
    text: prepared.text,
    hasBom: prepared.hasBom,
    eol: prepared.eol,
    tree,
    root,
    sections: [root],
    entries: [],
    links: [],
    anchors: ctx.anchors,
    lineStarts,
    definitions: ctx.definitions,
  };
  const state: BuildState = { ctx, doc, file, prose: new Set(style.sections.prose.map((title) => title.toLowerCase())), section: root, tocLists: [] };
  const tocPlan = planToc(tree);
  if (tocPlan) state.tocPlan = tocPlan;
  visitBlocks(state, tree.children, true);
  resolveReferences(ctx);
  const title = findTitle(ctx, tree);
  if (title) doc.title = title;
  finishToc(state);
  if (style.sections.entriesStart === 'after-toc' && doc.toc) dropEntriesBefore(doc, doc.toc.range.start.offset);
  return doc;
}

/** Dispatches the blocks of the root (or of a quote) in order. */
function visitBlocks(state: BuildState, blocks: RootContent[], isTopLevel: boolean): void {
  for (let index = 0; index < blocks.length; index++) {
    const node = blocks[index] as RootContent;
    if (node.type === 'heading' && isTopLevel) {
      openSection(state, node);
      continue;
    }
    if (isContent(node)) state.section.hasContent = true;
    if (node.type === 'list') {
      const entries = visitList(state, node, isTopLevel);
      const next = blocks[index + 1];
      const only = entries.length === 1 ? entries[0] : undefined;
      // "Description in a following block" style: a one-item list, then a code block or paragraph.
      if (only && !only.description && next && (next.type === 'code' || next.type === 'paragraph')) describeFromBlock(state.ctx, only, next);
    } else if (node.type === 'table') visitTable(state, node);
    else if (node.type === 'html') visitHtml(state, node, isTopLevel);
    else if (node.type === 'blockquote') visitBlocks(state, node.children, false);
    else collectLinks(state.ctx, node, state.doc.links);
  }
}

/** True for blocks that make a section non-empty (not definitions, not HTML comments). */
function isContent(node: RootContent): boolean {
  if (node.type === 'definition' || node.type === 'yaml' || (node.type as string) === 'toml') return false;
  if (node.type === 'html') {
    const value = node.value.trim();
    return !(value.startsWith('<!--') && value.indexOf('-->') === value.length - 3);
  }
  return true;
}

function openSection(state: BuildState, heading: Heading): void {
  const { ctx, doc } = state;
  const title = plainText(heading, false).trim();
  let parent = state.section;
  while (parent.depth >= heading.depth && parent.parent) parent = parent.parent;
  if (parent.depth >= heading.depth) parent = doc.root;
  const first = heading.children[0];
  const last = heading.children[heading.children.length - 1];
  const section: Section = {
    heading,
    depth: heading.depth,
    title,
    slug: ctx.slug(plainText(heading, false)),
    range: rangeOf(ctx, startOf(heading), endOf(heading)),
    parent,
    children: [],
    entries: [],
    hasContent: false,
    isToc: state.tocPlan?.heading === heading,
    isProse: parent.isProse || state.prose.has(title.toLowerCase()),
  };
  if (first && last) section.titleSpan = spanOf(ctx, startOf(first), endOf(last));
  ctx.anchors.add(section.slug);
  parent.children.push(section);
  doc.sections.push(section);
  state.section = section;
  for (const child of heading.children) collectLinks(ctx, child, doc.links);
}

/** Whether list items found now become entries. */
function takesEntries(state: BuildState): boolean {
  return !state.section.isProse;
}

/** Turns a list's items into entries (or just collects its links, for the ToC and prose sections); returns its top-level entries. */
function visitList(state: BuildState, list: List, isTopLevel: boolean, inHtml = false): Entry[] {
  if (isTopLevel && state.tocPlan?.lists.has(list)) {
    state.tocLists.push(list);
    collectLinks(state.ctx, list, state.doc.links);
    return [];
  }
  if (!takesEntries(state)) {
    collectLinks(state.ctx, list, state.doc.links);
    return [];
  }
  return makeListEntries(state, list, 0, undefined, inHtml);
}

function makeListEntries(state: BuildState, list: List, depth: number, parent: Entry | undefined, inHtml: boolean): Entry[] {
  const { ctx, doc } = state;
  const made: Entry[] = [];
  for (const item of list.children) {
    const entry = makeListEntry(ctx, { item, list, section: state.section, depth, parent, inHtml });
    doc.entries.push(entry);
    state.section.entries.push(entry);
    made.push(entry);
    for (const child of item.children) {
      if (child.type === 'list') makeListEntries(state, child, depth + 1, entry, inHtml);
      else {
        const before = entry.links.length;
        collectLinks(ctx, child, entry.links);
        for (let i = before; i < entry.links.length; i++) doc.links.push(entry.links[i] as LinkRef);
      }
    }
    finishListEntry(ctx, entry);
  }
  return made;
}

/** A table whose body rows hold links is a table-based list: each body row is an entry. */
function visitTable(state: BuildState, table: Table): void {
  const { ctx, doc } = state;
  const rowLinks: LinkRef[][] = [];
  table.children.forEach((row, index) => {
    const links: LinkRef[] = [];
    collectLinks(ctx, row, links);
    doc.links.push(...links);
    if (index > 0) rowLinks.push(links);
  });
  if (!takesEntries(state) || !rowLinks.some((links) => links.length > 0)) return;
  table.children.slice(1).forEach((row, index) => {
    const entry = readTableRow(ctx, { row, table, section: state.section, links: rowLinks[index] ?? [] });
    doc.entries.push(entry);
    state.section.entries.push(entry);
  });
}

/** Raw HTML: `<a href>` links and anchors, plus list Markdown that GFM left inside the block. */
function visitHtml(state: BuildState, node: Html, isTopLevel: boolean): void {
  const { ctx, doc } = state;
  const tagLinks: LinkRef[] = [];
  scanHtml(ctx, node, tagLinks);
  const chunks = isTopLevel ? findInnerMarkdown(ctx.text, startOf(node), endOf(node)) : [];
  if (chunks.length === 0) {
    doc.links.push(...tagLinks);
    return;
  }
  const firstNew = doc.links.length;
  for (const [start, end] of chunks) {
    const inner = parseInner(ctx, start, end, state.file);
    for (const block of inner.children) {
      if (block.type === 'list' && takesEntries(state)) makeListEntries(state, block, 0, undefined, true);
      else collectLinks(ctx, block, doc.links);
    }
  }
  doc.links.push(...tagLinks);
  const added = doc.links.splice(firstNew).sort((a, b) => a.range.start.offset - b.range.start.offset);
  doc.links.push(...added);
}

function finishToc(state: BuildState): void {
  const { doc, tocPlan, tocLists, ctx } = state;
  const first = tocLists[0];
  const last = tocLists[tocLists.length - 1];
  if (!tocPlan || !first || !last) return;
  const section = tocPlan.heading ? doc.sections.find((candidate) => candidate.heading === tocPlan.heading) : undefined;
  doc.toc = { items: tocLists.flatMap((list) => tocItems(ctx, list)), range: rangeOf(ctx, startOf(first), endOf(last)) };
  if (section) doc.toc.section = section;
}

/** `entriesStart: after-toc`: list items before the ToC (badges, intro links) are not entries. */
function dropEntriesBefore(doc: ListDocument, offset: number): void {
  const keep = (entry: Entry): boolean => entry.range.start.offset >= offset;
  doc.entries = doc.entries.filter(keep);
  for (const section of doc.sections) section.entries = section.entries.filter(keep);
}
