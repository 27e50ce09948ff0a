// Helpers shared by the document-structure rules: offsets to positions, heading lookups, title normalisation, tree walks.
import type { Node, Parent } from 'mdast';
import type { Range } from '../../diagnostics.js';
import { rangeOf } from '../../markdown/positions.js';
import type { ListDocument, Section } from '../../markdown/types.js';

export { positionAt, rangeOf } from '../../markdown/positions.js';

/** An empty range at the very start of the file, for problems that belong to the whole document. */
export function documentStart(doc: Pick<ListDocument, 'lineStarts'>): Range {
  return rangeOf(doc, 0, 0);
}

/** Every section that has a heading (the preamble excluded), in document order. */
export function headedSections(doc: ListDocument): Section[] {
  return doc.sections.filter((section) => section.heading !== undefined);
}

/** `#` marks for a heading depth, as messages show it. */
export function hashes(depth: number): string {
  return '#'.repeat(depth);
}

const isPictographic = /\p{Extended_Pictographic}/u;

/**
 * Normalises heading text for comparing section names: emoji, `:shortcode:`s and leading/trailing
 * punctuation removed, whitespace collapsed, lower-cased. "📖 Table of Contents:" → "table of contents".
 */
export function normalizeTitle(title: string): string {
  let out = '';
  let index = 0;
  while (index < title.length) {
    const char = title[index]!;
    if (char === ':') {
      // A GitHub emoji shortcode such as `:rocket:` renders as an emoji, so it is dropped like one.
      let end = index + 1;
      while (end < title.length && isShortcodeChar(title.charCodeAt(end))) end++;
      if (end > index + 1 && title[end] === ':') {
        index = end + 1;
        continue;
      }
    }
    const codePoint = title.codePointAt(index)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const text = title.slice(index, index + width);
    if (!isPictographic.test(text) && codePoint !== 0xfe0f && codePoint !== 0x200d) out += text;
    index += width;
  }
  return trimNonWord(out.replace(/\s+/g, ' ')).toLowerCase();
}

function isShortcodeChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 43 || code === 45;
}

const wordChar = /[\p{L}\p{N}]/u;

/** Strips everything but letters and digits from both ends (a loop, so it stays linear on long input). */
export function trimNonWord(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end) {
    const width = text.codePointAt(start)! > 0xffff ? 2 : 1;
    if (wordChar.test(text.slice(start, start + width))) break;
    start += width;
  }
  while (end > start) {
    const width = end - 2 >= start && isLowSurrogate(text.charCodeAt(end - 1)) ? 2 : 1;
    if (wordChar.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return text.slice(start, end);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Visits every node of the tree, depth first in document order, without recursion (deep nesting is input). */
export function walkTree(root: Node, visit: (node: Node, parent: Parent | undefined) => boolean | void): void {
  // Two parallel stacks rather than one of [node, parent] pairs: no pair is allocated per node of a large tree.
  const nodes: Node[] = [root];
  const parents: Array<Parent | undefined> = [undefined];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const parent = parents.pop();
    // Returning false skips the node's children.
    if (visit(node, parent) === false) continue;
    const children = (node as Partial<Parent>).children;
    if (!children) continue;
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]!);
      parents.push(node as Parent);
    }
  }
}
