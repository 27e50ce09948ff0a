// The list model's types: what a curated list is made of, as rules see it. Built once per file by list-model.ts.
import type { Heading, List, ListItem, Root, Table, TableRow } from 'mdast';
import type { Range } from '../diagnostics.js';

/** A piece of source text and where it sits. `text` is exactly `doc.text.slice(range.start.offset, range.end.offset)`. */
export interface Span {
  text: string;
  range: Range;
}

/** How a link was written in the source. */
export type LinkSyntax =
  | 'inline' //        [text](url)
  | 'reference' //     [text][label] or [label] resolved through a definition
  | 'autolink' //      <https://…>
  | 'bare' //          https://… typed as plain text (GFM literal autolink)
  | 'html' //          <a href="…">
  | 'image'; //        ![alt](src), including badges

/** One link (or image) occurrence in the document. */
export interface LinkRef {
  syntax: LinkSyntax;
  /** The link text (alt text for images), as plain text with Markdown stripped. */
  text: string;
  /** Destination as written (after reference resolution); may be relative, an anchor (`#slug`) or empty. */
  url: string;
  /** The whole link in the source, brackets included. */
  range: Range;
  /** Where the link text sits (inside the brackets), when it has one. */
  textRange?: Range;
  /** Where the destination sits in the source (the inline `(…)` target or the definition's URL). */
  urlRange?: Range;
  /** True for images (`![alt](src)`); badges are images, often wrapped in a link. */
  isImage: boolean;
  /** True when this image (or a link wrapping only an image) looks like a badge (shields.io and the like). */
  isBadge: boolean;
}

/** The typographic layout of an entry, derived from what it contains. */
export type EntryShape =
  | 'link' //               - [Name](url)
  | 'link-description' //   - [Name](url) - Description.      (any separator, or none: "[Name](url) is a …")
  | 'grouped' //            - [[Name](url) | [Notes](url)] …
  | 'text' //               - No link at all ("Apache Nifi", "AWS SageMaker - cloud platform")
  | 'bare-url'; //          - https://example.com …

/** Where an entry's description was found. */
export type DescriptionPlacement =
  | 'inline' //     on the entry's own line, after the link (and separator)
  | 'paragraph' //  in a following paragraph (inside the item, or right after a single-item list)
  | 'code'; //      in a following fenced or indented code block

/**
 * What a bullet is. Only `resource` entries are held to the entry shape (separator, description, case…);
 * the others still have their links checked (duplicates, malformed or empty links, tracking parameters).
 */
export type EntryRole =
  | 'resource' //    - [Name](url) - Description.   (also a resource without a link: "Apache Nifi - …")
  | 'link-line' //   - Label: [a](url), [b](url)
  | 'definition' //  - Term: text.   - **Term** - text.   - `AGPL-3.0` - [GNU Affero …](url)   (glossaries, licence keys)
  | 'prose'; //      - A sentence about the list, perhaps with [a link](url) inside it.

/** Something in an entry besides its main link and description. */
export interface Extra {
  /**
   * `badge`: a status image; `image`: another image or image link (an icon, a logo); `link`: a secondary link
   * (`[[crate](url)]`, `([PDF](url))`); `note`: a parenthesised note; `tag`: a marker such as `` `⚠` ``,
   * `` `MIT` ``, `:zap:`, `💲`, `**[Deprecated]**` or `[MIT]`.
   */
  kind: 'badge' | 'image' | 'link' | 'note' | 'tag';
  span: Span;
  link?: LinkRef;
}

/** One entry of the list: a list item, or a row of a table-based list. */
export interface Entry {
  kind: 'list-item' | 'table-row';
  /** The mdast node; rules should prefer the model's fields. */
  node: ListItem | TableRow;
  section: Section;
  /** List nesting depth: 0 for a top-level item, 1 for an item nested in an item, … */
  depth: number;
  /** The entry's parent entry when nested. */
  parent?: Entry;
  /** The whole entry (for a list item, everything it contains, nested lists included). */
  range: Range;
  /** The entry's first line, from the marker to the end of the line (no line ending). */
  line: Span;
  /** The list marker (`-`, `*`, `+`, `1.`, `1)`); absent for table rows. */
  marker?: Span;
  ordered: boolean;
  shape: EntryShape;
  /** A tag before the link, e.g. `*introductionary*:` or `**Tag**` or `⭐`. */
  tag?: Span;
  /** A quoted title before the link, e.g. `"Hidden Technical Debt"` (quotes included in `text`). */
  title?: Span;
  /** The entry's main link (the first non-image link, or the first link of a group). */
  link?: LinkRef;
  /** For `grouped` entries: every link inside the `[[…] | […]]` group, in order. */
  group?: LinkRef[];
  /** The separator between link (or group/badges) and description, e.g. ` - `, ` – `, `: `; absent when none. */
  separator?: Span;
  /** The description text (for `paragraph`/`code` placement: the block's text). */
  description?: Span;
  descriptionPlacement?: DescriptionPlacement;
  /** Badges, secondary links and notes (e.g. `(OReilly, June 2019)`) that are not the description. */
  extras: Extra[];
  /** Every link and image in the entry's own content (nested entries excluded), in source order. */
  links: LinkRef[];
  /** True when the entry came from Markdown inside an HTML block (e.g. `<details>` without blank lines). */
  inHtml: boolean;
  /** Lines that GFM folded into this item as lazy continuation lines (no indent, no marker). */
  lazyLines: Span[];
  /** What kind of bullet this is; entry rules read only `resource` entries. */
  role: EntryRole;
  /** Links besides the main one that belong to the entry's name: `[[crate](url)]`, `([PDF](url))`, `([Demo](url), [Source](url))`. */
  secondaryLinks: LinkRef[];
  /** Markers in the entry that are neither name nor description (code spans, shortcodes, symbols, `[MIT]`), in source order. */
  tags: Span[];
  /** The list or table holding this entry (entries of one container are siblings). */
  container: List | Table;
  /** For table rows: how many cells the row has, and how many its table's header has. */
  cells?: { count: number; expected: number };
}

/** A section: a heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  /** Absent for the document's preamble (content before the first heading). */
  heading?: Heading;
  /** 1–6; 0 for the preamble. */
  depth: number;
  /** The heading's plain text (Markdown stripped); '' for the preamble. */
  title: string;
  /** The heading as written, without the `#` marks and closing sequence (e.g. `Tools :`). */
  titleSpan?: Span;
  /** GitHub's anchor for this heading, with `-1`, `-2` suffixes for repeats. */
  slug: string;
  /** The heading line, or an empty range at offset 0 for the preamble. */
  range: Range;
  parent?: Section;
  children: Section[];
  /** Entries directly in this section (not in sub-sections), in order; nested entries included. */
  entries: Entry[];
  /** True when this section holds non-heading content (paragraphs, lists, tables, HTML…). */
  hasContent: boolean;
  /** True for the table of contents section. */
  isToc: boolean;
  /** True when the style schema declares this section prose (Contributing, License…): its list items are not entries. */
  isProse: boolean;
}

/** One line of the table of contents. */
export interface TocItem {
  /** The anchor target without `#`, decoded. */
  target: string;
  link: LinkRef;
  /** Nesting depth in the ToC list, 0 for top level. */
  depth: number;
}

/** The table of contents, recognised by its in-page anchor links whatever its heading is called. */
export interface Toc {
  /** The section holding it; absent when the ToC is a list before any heading. */
  section?: Section;
  items: TocItem[];
  range: Range;
}

/** Where a document lives, when it came from a file: see `ListDocument.path` and `ListDocument.rootDir`. */
export interface DocumentLocation {
  path?: string;
  rootDir?: string;
}

/** What names the list: a `#` heading, an HTML `<h1>`, or a logo image with alt text before any heading. */
export interface DocumentTitle {
  kind: 'heading' | 'html' | 'image';
  /** The title's text (the image's alt text for a logo). */
  text: string;
  range: Range;
}

/** A parsed curated list: parsed once, read by every rule. */
export interface ListDocument {
  /** Path used in diagnostics. */
  file: string;
  /** Absolute path of the file on disk, when the text came from one; relative links resolve against its folder. */
  path?: string;
  /** Absolute directory the run resolves config paths against and shows paths relative to (the working directory of a CLI run). */
  rootDir?: string;
  /** The list's title, when it has one before its first section. */
  title?: DocumentTitle;
  /** Decoded text, BOM removed; all offsets index into this. */
  text: string;
  hasBom: boolean;
  /** The dominant line ending, kept by fixes. */
  eol: '\n' | '\r\n';
  tree: Root;
  /** The preamble section (depth 0) whose descendants are all sections. */
  root: Section;
  /** Every section in document order, preamble first. */
  sections: Section[];
  /** Every entry in document order, nested entries included. */
  entries: Entry[];
  /** Every link and image in the document, in source order (ToC, prose and entries alike). */
  links: LinkRef[];
  toc?: Toc;
  /** Every heading slug in the document (GitHub rules), plus explicit `<a name|id="…">` anchors. */
  anchors: Set<string>;
  /** 0-based offset of each line's first character; `lineStarts[0] === 0`. */
  lineStarts: number[];
  /** Reference definitions by normalised label. */
  definitions: Map<string, { url: string; range: Range }>;
}
