// The state shared while one list model is built: the text, its line index and the links found so far.
import type { Nodes } from 'mdast';
import type { Range } from '../diagnostics.js';
import { rangeOf } from './positions.js';
import type { LinkRef, Span } from './types.js';

/** A reference link waiting for the definitions (which may come later in the document). */
export interface PendingReference {
  ref: LinkRef;
  identifier: string;
}

/** Mutable state of one model build; internal to `src/markdown/`. */
export interface ModelContext {
  text: string;
  lineStarts: number[];
  /** The `LinkRef` made for each link, image or reference node, so entries can find their main link. */
  refs: Map<Nodes, LinkRef>;
  pending: PendingReference[];
  definitions: Map<string, { url: string; range: Range }>;
  /** Where each definition's URL sits, by normalised label. */
  definitionUrls: Map<string, Range>;
  anchors: Set<string>;
  /** Turns a heading's text into its GitHub slug, counting repeats. */
  slug(text: string): string;
}

/** The exact source text of `[start, end)` with its range. */
export function spanOf(ctx: ModelContext, start: number, end: number): Span {
  return { text: ctx.text.slice(start, end), range: rangeOf(ctx, start, end) };
}

/** Start offset of a positioned node (0 when remark gave none). */
export function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

/** End offset of a positioned node (0 when remark gave none). */
export function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}
