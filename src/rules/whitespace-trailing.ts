// whitespace-trailing: no spaces or tabs at the end of a line, except a two-space hard line break; code is left alone.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import type { ListDocument } from '../markdown/types.js';
import { rangeOf, walkTree } from './utils/structure.js';
import { pluralWord } from '../plural.js';

/** Flags (and removes) trailing spaces and tabs; keeps intentional hard breaks and everything inside code and HTML blocks. */
export const whitespaceTrailing = defineRule({
  id: 'whitespace-trailing',
  description: 'Lines do not end with spaces or tabs, except a two-space hard line break inside a paragraph.',
  rationale:
    'Invisible trailing whitespace makes noisy diffs and merge conflicts. Two spaces before a line break inside a paragraph are a Markdown hard break and are kept; code and HTML blocks are never touched.',
  fixable: true,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    trailing: 'Unexpected trailing whitespace (`{actual}` {characters}), expected none',
    hardBreak: 'Unexpected `{actual}` spaces for a hard line break, expected `2`',
  },
  examples: {
    valid: [
      { name: 'no trailing whitespace', markdown: '# List\n\n- [Foo](https://foo.dev) - Does foo.\n' },
      { name: 'a two-space hard break', markdown: '# List\n\nFirst line  \nsecond line.\n' },
      { name: 'whitespace inside a code block', markdown: '# List\n\n```sh\necho hi   \n```\n' },
    ],
    invalid: [
      {
        name: 'trailing spaces and tabs',
        markdown: '# List \n\n- [Foo](https://foo.dev) - Does foo.\t\n',
        errors: [
          { messageId: 'trailing', line: 1, column: 7 },
          { messageId: 'trailing', line: 3, column: 37 },
        ],
        output: '# List\n\n- [Foo](https://foo.dev) - Does foo.\n',
      },
      {
        name: 'a hard break made of more than two spaces',
        markdown: '# List\r\n\r\nFirst line    \r\nsecond line.  \r\n',
        errors: [
          { messageId: 'hardBreak', line: 3, column: 11 },
          { messageId: 'trailing', line: 4, column: 13 },
        ],
        output: '# List\r\n\r\nFirst line  \r\nsecond line.\r\n',
      },
    ],
  },
  check(ctx) {
    const { doc } = ctx;
    const text = doc.text;
    const trailing = trailingRuns(doc);
    if (trailing.length === 0) return;
    const { skipped, breaks } = protectedRegions(doc, trailing);
    let region = 0;
    for (const [start, end] of trailing) {
      while (region < skipped.length && skipped[region]![1] <= start) region++;
      if (region < skipped.length && skipped[region]![0] <= start) continue;
      if (breaks.has(start)) {
        const count = end - start;
        // A hard break needs at least two spaces; only the surplus (or tabs) goes.
        if (count === 2 || text.slice(start, end).includes('\t')) continue;
        ctx.report({ messageId: 'hardBreak', at: rangeOf(doc, start, end), data: { actual: count }, fix: [{ start, end, text: '  ' }] });
        continue;
      }
      ctx.report({
        messageId: 'trailing',
        at: rangeOf(doc, start, end),
        data: { actual: end - start, characters: pluralWord(end - start, 'character') },
        actual: text.slice(start, end),
        fix: [{ start, end, text: '' }],
      });
    }
  },
});

/** The `[start, end)` offsets of every line's trailing spaces and tabs, in document order. */
function trailingRuns(doc: ListDocument): Array<[number, number]> {
  const text = doc.text;
  const runs: Array<[number, number]> = [];
  for (let line = 0; line < doc.lineStarts.length; line++) {
    const lineStart = doc.lineStarts[line]!;
    let end = line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1]! : text.length;
    if (end > lineStart && text[end - 1] === '\n') end--;
    if (end > lineStart && text[end - 1] === '\r') end--;
    let start = end;
    while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    if (start !== end) runs.push([start, end]);
  }
  return runs;
}

/**
 * Code and HTML blocks (sorted `[start, end)` offsets) and the offsets where hard breaks start, looked for only
 * in nodes that hold the start of a trailing run: most of the tree (remark's, hundreds of MB on a big list) has
 * none and is not walked.
 */
function protectedRegions(doc: ListDocument, trailing: Array<[number, number]>): { skipped: Array<[number, number]>; breaks: Set<number> } {
  const skipped: Array<[number, number]> = [];
  const breaks = new Set<number>();
  const starts = trailing.map(([start]) => start);
  walkTree(doc.tree, (node) => {
    const position = node.position;
    if (!position) return;
    const from = position.start.offset ?? 0;
    const to = position.end.offset ?? 0;
    if (node.type === 'code' || node.type === 'html' || node.type === 'inlineCode') {
      skipped.push([from, to]);
      return false;
    }
    if (node.type === 'break') breaks.add(from);
    // A node's children lie inside it, so none of them can hold a run that it does not.
    return hasStartWithin(starts, from, to);
  });
  skipped.sort((a, b) => a[0] - b[0]);
  return { skipped, breaks };
}

/** True when some offset of the sorted `starts` lies in `[from, to]` (binary search). */
function hasStartWithin(starts: number[], from: number, to: number): boolean {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! < from) low = mid + 1;
    else high = mid;
  }
  return low < starts.length && starts[low]! <= to;
}
