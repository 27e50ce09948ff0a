// Rule link-malformed: link syntax that did not parse as intended (URL as reference label, stray brackets, empty targets…).
import * as z from 'zod';
import type { TextEdit } from '../diagnostics.js';
import { defineRule, type RuleContext } from './define-rule.js';
import { rangeOf } from '../markdown/positions.js';
import { MASK, maskedBlocksToScan, type MaskedBlock } from './utils/link-source.js';
import { isResourceEntry } from './utils/entries.js';

const options = z.object({}).strict();
type Options = z.output<typeof options>;

/** How far back from a stray `]` to look for its `[`; keeps scanning linear on hostile one-line files. */
const LOOK_BACK = 300;
/** Longest reference label considered a URL typed in the wrong brackets. */
const MAX_LABEL = 2048;
/** Most problems reported per paragraph: past that the block is garbage, and a flood of diagnostics helps nobody. */
const MAX_PER_BLOCK = 50;
const URL_START = /^(?:https?:\/\/|www\.)/i;
const TARGET_START = /^(?:https?:\/\/|www\.|#|\.\.?\/)/i;
const URL_TEXT = /^(?:https?:\/\/|www\.)\S+$/i;

/** Reports broken link syntax in any paragraph, heading or table cell, and empty or URL-only links in entries. */
export const linkMalformed = defineRule<Options>({
  id: 'link-malformed',
  description: 'Links are well formed: inline syntax, balanced brackets, a real target and a name as link text.',
  rationale:
    'Broken link syntax renders as literal brackets or a dead link on GitHub; these slips are easy to make and hard to spot in review.',
  fixable: true,
  defaultSeverity: 'error',
  options,
  messages: {
    referenceUrl: 'Unexpected `{actual}`, expected `{expected}`: a URL is not a reference label',
    unbalanced: 'Unexpected `{actual}`, expected balanced brackets and parentheses around the link',
    empty: 'Unexpected empty link target `{actual}`, expected a URL',
    emptyText: 'Unexpected empty link text `{actual}`, expected the name of what it links to',
    urlText: 'Unexpected URL as link text `{actual}`, expected the name of what it links to',
    spaced: 'Unexpected `{actual}`, expected `{expected}` with no space between `]` and `(`',
  },
  examples: {
    valid: [
      { name: 'inline link', markdown: '- [Example](https://example.com) - An example (see [docs](https://example.com/docs)).\n' },
      {
        name: 'grouped links and code',
        markdown: '- [[Paper](https://example.com/p) | [Code](https://example.com/c)] - A paper; `a[i](x)` is code.\n',
      },
    ],
    invalid: [
      {
        name: 'URL as reference label',
        markdown: '- [Example][https://example.com] - An example.\n',
        errors: [{ messageId: 'referenceUrl', line: 1, column: 3 }],
        output: '- [Example](https://example.com) - An example.\n',
      },
      {
        name: 'unclosed parenthesis',
        markdown: '- [Example](https://example.com - An example.\n',
        errors: [{ messageId: 'unbalanced', line: 1, column: 3 }],
      },
      {
        name: 'extra bracket and extra parenthesis',
        markdown: '- [Example]](https://example.com) - An example.\n- [Other](https://example.org)) - Another.\n',
        errors: [
          { messageId: 'unbalanced', line: 1, column: 3 },
          { messageId: 'unbalanced', line: 2, column: 31 },
        ],
      },
      {
        name: 'empty target',
        markdown: '- [Example]() - An example.\n',
        errors: [{ messageId: 'empty', line: 1, column: 3 }],
      },
      {
        name: 'empty targets and empty text outside entries',
        markdown: '# List\n\nSee [the guide](#) and [](https://example.com/guide).\n',
        errors: [
          { messageId: 'empty', line: 3, column: 5 },
          { messageId: 'emptyText', line: 3, column: 24 },
        ],
      },
      {
        name: 'URL as link text',
        markdown: '- [https://example.com](https://example.com) - An example.\n',
        errors: [{ messageId: 'urlText', line: 1, column: 3 }],
      },
      {
        name: 'space between text and target',
        markdown: '- [Example] (https://example.com) - An example.\n',
        errors: [{ messageId: 'spaced', line: 1, column: 3 }],
        output: '- [Example](https://example.com) - An example.\n',
      },
    ],
  },
  check(ctx) {
    for (const block of maskedBlocksToScan(ctx.doc)) checkBlock(ctx, block);
    // Empty targets and empty texts are broken wherever they are: entries, prose, headings, tables.
    const { text } = ctx.doc;
    for (const link of ctx.doc.links) {
      if (link.isImage || (link.syntax !== 'inline' && link.syntax !== 'reference')) continue;
      const url = link.url.trim();
      if (url === '' || url === '#') {
        const actual = text.slice(link.range.start.offset, link.range.end.offset);
        ctx.report({ messageId: 'empty', at: link.range, data: { actual: clip(actual) }, actual });
      } else if (link.textRange && text.slice(link.textRange.start.offset, link.textRange.end.offset).trim() === '') {
        const actual = text.slice(link.range.start.offset, link.range.end.offset);
        ctx.report({ messageId: 'emptyText', at: link.range, data: { actual: clip(actual) }, actual, url: link.url });
      }
    }
    // A URL as the main link's text hides what the entry is; in a description or note it is a way of writing it.
    for (const entry of ctx.doc.entries) {
      const link = entry.link;
      if (!link || link.isImage || (link.syntax !== 'inline' && link.syntax !== 'reference') || !isResourceEntry(entry)) continue;
      if (URL_TEXT.test(link.text.trim())) {
        ctx.report({ messageId: 'urlText', at: link.range, data: { actual: clip(link.text.trim()) }, actual: link.text, url: link.url, severity: 'warning' });
      }
    }
  },
});

/** Shortens long snippets for messages. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Index of the `[` that opens the text ending before `before`, looking back a bounded distance on one line. */
function openingBracket(masked: string, before: number): number {
  for (let i = before - 1; i >= 0 && i >= before - LOOK_BACK; i--) {
    const char = masked[i];
    if (char === '[') return i;
    if (char === '\n' || char === MASK) return -1;
  }
  return -1;
}

/** Scans one masked block for syntax that remark left as text: `][url]`, `](`, `] (url)`, and stray marks around links. */
function checkBlock(ctx: RuleContext<Options>, block: MaskedBlock): void {
  const { text: masked, start } = block;
  const source = ctx.doc.text;
  let budget = MAX_PER_BLOCK;
  const report = (messageId: string, from: number, to: number, data: Record<string, string>, fix?: TextEdit[]): void => {
    if (budget-- <= 0) return;
    ctx.report({ messageId, at: rangeOf(ctx.doc, start + from, start + to), data, actual: data.actual, fix });
  };
  // `][https://…]`: a URL typed in reference brackets; remark leaves it as text.
  for (let hit = masked.indexOf(']['); hit !== -1 && budget > 0; hit = masked.indexOf('][', hit + 2)) {
    if (!URL_START.test(masked.slice(hit + 2, hit + 10))) continue;
    const open = openingBracket(masked, hit);
    let close = hit + 2;
    while (close < masked.length && close < hit + MAX_LABEL && !/[\]\s[\0]/.test(masked[close]!)) close++;
    const isClosed = masked[close] === ']';
    const label = masked.slice(hit + 2, close);
    const from = open === -1 ? hit : open;
    const actual = source.slice(start + from, start + (isClosed ? close + 1 : hit + 2));
    // `www.` labels would become relative links without a scheme, so only full URLs are rewritten.
    const fix =
      isClosed && open !== -1 && /^https?:/i.test(label) && isBalanced(label)
        ? [
            { start: start + hit + 1, end: start + hit + 2, text: '(' },
            { start: start + close, end: start + close + 1, text: ')' },
          ]
        : undefined;
    report('referenceUrl', from, from + 1, { actual: clip(actual), expected: clip(`(${label})`) }, fix);
  }
  // `](` outside a parsed link: an unclosed `(`, a doubled `]`, spaces in the URL…
  for (let hit = masked.indexOf(']('); hit !== -1 && budget > 0; hit = masked.indexOf('](', hit + 2)) {
    const open = openingBracket(masked, hit);
    const from = open === -1 ? hit : open;
    report('unbalanced', from, from + 1, { actual: clip(source.slice(start + from, start + hit + 2)) });
  }
  // `] (url)`: the space stops remark from joining text and target.
  for (let hit = masked.indexOf(']'); hit !== -1 && budget > 0; hit = masked.indexOf(']', hit + 1)) {
    let paren = hit + 1;
    while (masked[paren] === ' ' || masked[paren] === '\t') paren++;
    if (paren === hit + 1 || masked[paren] !== '(' || !TARGET_START.test(masked.slice(paren + 1, paren + 9))) continue;
    const open = openingBracket(masked, hit);
    if (open === -1) continue;
    const lineEnd = masked.indexOf('\n', paren);
    const closing = masked.indexOf(')', paren);
    const isClosed = closing !== -1 && (lineEnd === -1 || closing < lineEnd);
    const fix = isClosed ? [{ start: start + hit + 1, end: start + paren, text: '' }] : undefined;
    report('spaced', open, open + 1, { actual: clip(source.slice(start + open, start + paren + 1)), expected: clip(`${source.slice(start + open, start + hit + 1)}(`) }, fix);
  }
  checkLinkNeighbours(block, report);
}

/** Whether the parentheses in `text` pair up (CommonMark keeps balanced ones inside a link target). */
function isBalanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** `[Name](url))` and `[[Name](url)`: a stray `)` after or `[` before a parsed link, with nothing to pair it. */
function checkLinkNeighbours(block: MaskedBlock, report: (messageId: string, from: number, to: number, data: Record<string, string>) => void): void {
  const { text: masked, start, links } = block;
  if (links.length === 0) return;
  let opens = 0;
  let closes = 0;
  for (const char of masked) {
    if (char === '[') opens++;
    else if (char === ']') closes++;
  }
  let depth = 0;
  let cursor = 0;
  for (const link of links) {
    const from = link.start - start;
    const to = link.end - start;
    // Parenthesis depth of the visible text before this link: `(see [x](url))` closes a `(` opened earlier.
    for (; cursor < from; cursor++) {
      if (masked[cursor] === '(') depth++;
      else if (masked[cursor] === ')') depth--;
    }
    if (masked[to] === ')' && depth <= 0) report('unbalanced', to, to + 1, { actual: ')' });
    // Grouped entries (`[[Name](url) | [Notes](url)]`) pair their `[`; only a surplus `[` is stray.
    if (masked[from - 1] === '[' && opens > closes) report('unbalanced', from - 1, from, { actual: '[' });
  }
}
