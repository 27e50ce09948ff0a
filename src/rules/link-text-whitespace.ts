// Rule link-text-whitespace: spaces just inside a link's brackets or parentheses (`[ Name ]( url )`).
import * as z from 'zod';
import type { TextEdit } from '../diagnostics.js';
import { defineRule } from './define-rule.js';
import { rangeOf } from '../markdown/positions.js';
import { isBlank } from './utils/entries.js';

const options = z.object({}).strict();

/** Reports and trims whitespace at the edges of inline links' text and destination. */
export const linkTextWhitespace = defineRule<z.output<typeof options>>({
  id: 'link-text-whitespace',
  description: 'Link text and link targets have no whitespace just inside their brackets.',
  rationale:
    'GitHub underlines the stray spaces as part of the link, and `( url )` hides copy-paste accidents; trimmed links read and sort cleanly.',
  fixable: true,
  defaultSeverity: 'warn',
  options,
  messages: {
    text: 'Unexpected whitespace in link text `{actual}`, expected `{expected}`',
    url: 'Unexpected whitespace around link target `{actual}`, expected `{expected}`',
  },
  examples: {
    valid: [{ name: 'trimmed link', markdown: '- [Example](https://example.com) - An example.\n' }],
    invalid: [
      {
        name: 'spaces inside the brackets',
        markdown: '- [ Example ](https://example.com) - An example.\n',
        errors: [{ messageId: 'text', line: 1, column: 3 }],
        output: '- [Example](https://example.com) - An example.\n',
      },
      {
        name: 'spaces inside the parentheses',
        markdown: '- [Example]( https://example.com ) - An example.\n',
        errors: [{ messageId: 'url', line: 1, column: 12 }],
        output: '- [Example](https://example.com) - An example.\n',
      },
    ],
  },
  check(ctx) {
    const text = ctx.doc.text;
    for (const link of ctx.doc.links) {
      if (link.syntax !== 'inline' || link.isImage || !link.urlRange) continue;
      const start = link.range.start.offset;
      const end = link.range.end.offset;
      if (text[start] !== '[' || text[end - 1] !== ')') continue;
      // Walk back from the destination to `](`: the model's URL range may or may not include `<…>`.
      let urlStart = link.urlRange.start.offset;
      if (text[urlStart - 1] === '<') urlStart--;
      let open = urlStart - 1;
      while (open > start && isBlank(text[open])) open--;
      if (text[open] !== '(' || text[open - 1] !== ']') continue;
      const close = open - 1;
      checkText(ctx, start, close);
      let urlEnd = link.urlRange.end.offset;
      if (text[urlEnd] === '>' && text[urlStart] === '<') urlEnd++;
      let after = urlEnd;
      while (after < end && isBlank(text[after])) after++;
      // Whitespace before a title (`(url "Title")`) is required, so only a bare destination is trimmed at its end.
      const trailing = after === end - 1 && after > urlEnd ? { start: urlEnd, end: after, text: '' } : undefined;
      const leading = urlStart > open + 1 ? { start: open + 1, end: urlStart, text: '' } : undefined;
      const edits = [leading, trailing].filter((edit): edit is TextEdit => edit !== undefined);
      if (edits.length === 0) continue;
      const actual = text.slice(open, trailing ? after + 1 : urlEnd + 1);
      ctx.report({
        messageId: 'url',
        at: rangeOf(ctx.doc, open, after + 1),
        data: { actual, expected: `(${text.slice(urlStart, urlEnd)})` },
        actual,
        fix: edits,
      });
    }
  },
});

/** Reports whitespace at either edge of the link text between `[` at `open` and `]` at `close`. */
function checkText(ctx: Parameters<typeof linkTextWhitespace.check>[0], open: number, close: number): void {
  const text = ctx.doc.text;
  let first = open + 1;
  while (first < close && isBlank(text[first])) first++;
  if (first === close) return; // whitespace only: an empty link text, not a trimming matter
  let last = close;
  while (last > first && isBlank(text[last - 1])) last--;
  if (first === open + 1 && last === close) return;
  const edits: TextEdit[] = [];
  if (first > open + 1) edits.push({ start: open + 1, end: first, text: '' });
  if (last < close) edits.push({ start: last, end: close, text: '' });
  const actual = text.slice(open, close + 1);
  ctx.report({
    messageId: 'text',
    at: rangeOf(ctx.doc, open, close + 1),
    data: { actual, expected: `[${text.slice(first, last)}]` },
    actual,
    fix: edits,
  });
}
