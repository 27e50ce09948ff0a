// file-final-newline: a file ends with exactly one line ending.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import type { ListDocument } from '../markdown/types.js';
import { rangeOf } from './utils/structure.js';
import { isBlankOrBreak } from '../markdown/chars.js';
import { pluralWord } from '../plural.js';

/** Adds a missing final line ending and trims blank lines at the end of the file. */
export const fileFinalNewline = defineRule({
  id: 'file-final-newline',
  description: 'The file ends with exactly one line ending.',
  rationale:
    'POSIX tools expect a final newline, and editors that add or strip one produce noise in every diff; blank lines at the end are just as noisy.',
  fixable: true,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    missing: 'Missing final line ending, expected the file to end with `{expected}`',
    extra: 'Unexpected `{actual}` blank {lines} at the end of the file, expected one line ending',
  },
  examples: {
    valid: [
      { name: 'one final newline', markdown: '# List\n\n- [Foo](https://foo.dev) - Does foo.\n' },
      { name: 'one final CRLF', markdown: '# List\r\n\r\nText.\r\n' },
    ],
    invalid: [
      { name: 'no final newline', markdown: '# List\n\nText.', errors: [{ messageId: 'missing', line: 3, column: 6 }], output: '# List\n\nText.\n' },
      {
        name: 'blank lines at the end',
        markdown: '# List\n\nText.\n\n\n',
        errors: [{ messageId: 'extra', line: 3, column: 6 }],
        output: '# List\n\nText.\n',
      },
    ],
  },
  check(ctx) {
    const { doc } = ctx;
    const text = doc.text;
    let last = text.length - 1;
    while (last >= 0 && isBlankOrBreak(text[last])) last--;
    // Empty or whitespace-only files have no last line to end.
    if (last < 0) return;
    let eol = last + 1;
    while (eol < text.length && text[eol] !== '\n' && text[eol] !== '\r') eol++;
    if (eol === text.length) {
      const expected = doc.eol === '\n' ? '\\n' : '\\r\\n';
      ctx.report({ messageId: 'missing', at: rangeOf(doc, text.length, text.length), data: { expected }, fix: [{ start: text.length, end: text.length, text: doc.eol }] });
      return;
    }
    const ending = text.startsWith('\r\n', eol) ? '\r\n' : text[eol]!;
    if (eol + ending.length === text.length || endsInOpenFence(doc)) return;
    const blankLines = countLines(text.slice(eol + ending.length));
    ctx.report({
      messageId: 'extra',
      at: rangeOf(doc, eol, text.length),
      data: { actual: blankLines, lines: pluralWord(blankLines, 'line') },
      fix: [{ start: eol, end: text.length, text: ending }],
    });
  },
});

/** Blank lines in the tail after the last line ending (a tail without a final line ending still counts one). */
function countLines(tail: string): number {
  let count = 0;
  for (const char of tail) if (char === '\n') count++;
  return Math.max(count, 1);
}

/** True when the document ends inside an unclosed fenced code block, whose blank lines are content. */
function endsInOpenFence(doc: ListDocument): boolean {
  const last = doc.tree.children.at(-1);
  if (last?.type !== 'code' || !last.position) return false;
  const source = doc.text.slice(last.position.start.offset, last.position.end.offset);
  const opening = source.trimStart().slice(0, 3);
  if (opening !== '```' && opening !== '~~~') return false;
  const trimmed = source.trimEnd();
  const lastLineStart = trimmed.lastIndexOf('\n') + 1;
  return lastLineStart === 0 || !trimmed.slice(lastLineStart).trimStart().startsWith(opening);
}
