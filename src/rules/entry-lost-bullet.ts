// entry-lost-bullet: a line written as an entry that lost its bullet and was folded into the item above.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { isBlank, linkStartingAt, resourceEntries } from './utils/entries.js';
import { rangeOf } from '../markdown/positions.js';
import type { Entry, Span } from '../markdown/types.js';

// What may follow a lost entry's link: the usual separators (the style's own is added at run time).
const SEPARATORS = [' - ', ' – ', ' — ', ': ', ' -- ', ' | '];

/** True when the text after a link reads like an entry's tail: nothing, a separator, or the style's separator. */
function looksLikeEntryTail(tail: string, separator: string | null): boolean {
  const trimmed = tail.trimEnd();
  if (trimmed === '') return true;
  if (separator !== null && trimmed.startsWith(separator)) return true;
  return SEPARATORS.some((candidate) => trimmed.startsWith(candidate));
}

/** The text from the start of the item's line to its marker, so the new item lines up with its sibling. */
function markerIndent(entry: Entry, text: string, lineStarts: number[]): string {
  const markerStart = entry.marker!.range.start.offset;
  const lineStart = lineStarts[entry.marker!.range.start.line - 1]!;
  const indent = text.slice(lineStart, markerStart);
  return /^[ \t]*$/.test(indent) ? indent : '';
}

/** The marker a restored entry gets: the item's own bullet, or the next number of an ordered list. */
function nextMarker(entry: Entry): string {
  const marker = entry.marker!.text.trim();
  const number = /^(\d{1,9})([.)])$/.exec(marker);
  return number ? `${Number(number[1]) + 1}${number[2]}` : marker;
}

/** Reports lazy continuation lines that start with a link laid out like an entry, and restores their bullet. */
export const entryLostBullet = defineRule({
  id: 'entry-lost-bullet',
  description: 'A line laid out like an entry is a list item, not a continuation of the entry above.',
  rationale:
    'Without its bullet a line is folded into the previous entry as lazy continuation text: it renders as part of that description and vanishes from the list.',
  fixable: true,
  defaultSeverity: 'error',
  options: z.object({}).strict(),
  messages: {
    lost: 'Unexpected entry `{name}` inside the previous entry, expected its own `{marker}` bullet',
    unspaced: 'Unexpected `{actual}` without a space after the bullet, expected `{expected}`',
  },
  examples: {
    valid: [
      {
        name: 'a description wrapped onto the next line',
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Builds on\n[Make](https://www.gnu.org/software/make/) for speed.\n',
      },
    ],
    invalid: [
      {
        name: 'a lost bullet',
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n[Beta](https://beta.dev) - Fast tests.\n',
        errors: [{ messageId: 'lost', line: 4, column: 1 }],
        output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n- [Beta](https://beta.dev) - Fast tests.\n',
      },
      {
        name: 'a bullet without a space is plain text',
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n\n-[Beta](https://beta.dev) - Fast tests.\n',
        errors: [{ messageId: 'unspaced', line: 5, column: 1 }],
        output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n\n- [Beta](https://beta.dev) - Fast tests.\n',
      },
    ],
  },
  check(ctx) {
    const { text, lineStarts } = ctx.doc;
    const configured = ctx.style.entry.description.separator;
    // `any` names no separator of its own: the usual ones are recognised anyway.
    const separator = configured === 'any' ? null : configured;
    for (const entry of resourceEntries(ctx.doc)) {
      if (entry.kind !== 'list-item' || !entry.marker || entry.lazyLines.length === 0) continue;
      for (const line of entry.lazyLines) checkLine(entry, line);
    }
    // `-[Name](url)`: without a space after it the bullet is plain text, and the line is not a list item.
    for (const link of ctx.doc.links) {
      if (link.isImage || (link.syntax !== 'inline' && link.syntax !== 'reference')) continue;
      const markerAt = link.range.start.offset - 1;
      const marker = text[markerAt];
      if (marker !== '-' && marker !== '*' && marker !== '+') continue;
      const lineStart = lineStarts[link.range.start.line - 1] ?? markerAt;
      let p = lineStart;
      while (p < markerAt && isBlank(text[p])) p++;
      if (p !== markerAt) continue;
      ctx.report({
        messageId: 'unspaced',
        at: rangeOf(ctx.doc, markerAt, link.range.end.offset),
        data: { actual: `${marker}[`, expected: `${marker} [` },
        fix: [{ start: markerAt + 1, end: markerAt + 1, text: ' ' }],
      });
    }

    function checkLine(entry: Entry, line: Span): void {
      let start = line.range.start.offset;
      const lineEnd = line.range.end.offset;
      const lineStart = lineStarts[line.range.start.line - 1] ?? start;
      while (start < lineEnd && isBlank(text[start])) start++;
      const link = linkStartingAt(entry.links, start);
      if (!link || link.isImage || link.url.startsWith('#') || link.range.end.offset > lineEnd) return;
      // A bare URL on its own line is the item's homepage or a note, not a lost `[Name](url)` entry.
      if (link.syntax !== 'inline' && link.syntax !== 'reference') return;
      if (!looksLikeEntryTail(text.slice(link.range.end.offset, lineEnd), separator)) return;
      const marker = nextMarker(entry);
      ctx.report({
        messageId: 'lost',
        at: rangeOf(ctx.doc, start, lineEnd),
        data: { name: link.text, marker },
        fix: [{ start: lineStart, end: start, text: `${markerIndent(entry, text, lineStarts)}${marker} ` }],
      });
    }
  },
});
