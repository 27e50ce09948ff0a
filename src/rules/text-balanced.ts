// text-balanced: brackets, parentheses and double quotes in descriptions and paragraphs come in pairs.
import * as z from 'zod';
import type { RootContent } from 'mdast';
import { defineRule } from './define-rule.js';
import type { Entry, ListDocument, Span } from '../markdown/types.js';
import { rangeOf } from './utils/structure.js';
import { findImbalance } from './utils/structure-balance.js';

/** Reports the first unmatched `(`, `)`, `[`, `]`, `“`, `”` or `"` of each entry description and top-level paragraph. */
export const textBalanced = defineRule({
  id: 'text-balanced',
  description: 'Parentheses, brackets and double quotes in descriptions and paragraphs are balanced.',
  rationale:
    'A lost `)` or `"` usually means a truncated or badly merged edit. The check is conservative: code spans, URLs, HTML, emoticons such as `:)`, enumerations such as `1)`, apostrophes and inch marks are ignored.',
  fixable: false,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    unclosed: 'Unclosed `{actual}`, expected a matching `{expected}`',
    unopened: 'Unexpected `{actual}` without a matching `{expected}`',
  },
  examples: {
    valid: [
      {
        name: 'balanced text, code, URLs, emoticons and enumerations',
        markdown:
          '# List\n\n- [Foo](https://foo.dev) - Does foo (and bar) with `f(x` :) for "you".\n- [Bar](https://bar.dev) - See https://en.wikipedia.org/wiki/Bar_(band) 1) fast 2) small.\n',
      },
      { name: 'a parenthesis wrapped over two lines', markdown: '# List\n\nThis list (curated by\nvolunteers) grows.\n' },
    ],
    invalid: [
      {
        name: 'an unclosed parenthesis',
        markdown: '# List\n\n- [Foo](https://foo.dev) - Does foo (and bar.\n',
        errors: [{ messageId: 'unclosed', line: 3, column: 37 }],
      },
      {
        name: 'a stray closing bracket and an odd quote',
        markdown: '# List\n\nA paragraph] here.\n\n- [Foo](https://foo.dev) - The "best tool.\n',
        errors: [
          { messageId: 'unopened', line: 3, column: 12 },
          { messageId: 'unclosed', line: 5, column: 32 },
        ],
      },
    ],
  },
  check(ctx) {
    const seen = new Set<number>();
    const reported = new Set<number>();
    const checkSpan = (span: Span): void => {
      const start = span.range.start.offset;
      if (seen.has(start)) return;
      seen.add(start);
      const problem = findImbalance(span.text);
      if (!problem) return;
      const at = start + problem.index;
      if (reported.has(at)) return;
      reported.add(at);
      ctx.report({
        messageId: problem.kind,
        at: rangeOf(ctx.doc, at, at + problem.char.length),
        data: { actual: problem.char, expected: problem.partner },
        actual: problem.char,
        expected: [problem.partner],
      });
    };
    for (const entry of ctx.doc.entries) {
      if (entry.description && entry.descriptionPlacement !== 'code' && isWellPlaced(entry)) checkSpan(entry.description);
    }
    for (const span of paragraphSpans(ctx.doc)) checkSpan(span);
  },
});

/**
 * An inline description must start on the entry's line and outside its links; a span that starts inside a link
 * (a `: ` in the link text read as the separator) would make the link's own brackets look unbalanced.
 */
function isWellPlaced(entry: Entry): boolean {
  const start = entry.description!.range.start.offset;
  if (entry.descriptionPlacement !== 'inline') return true;
  if (start < entry.line.range.start.offset || start > entry.line.range.end.offset) return false;
  return !entry.links.some((link) => link.range.start.offset < start && start < link.range.end.offset);
}

/** Paragraphs at the top level and in block quotes (entries' own text is checked through their descriptions). */
function paragraphSpans(doc: ListDocument): Span[] {
  const spans: Span[] = [];
  const visit = (children: readonly RootContent[]): void => {
    for (const node of children) {
      if (node.type === 'blockquote') visit(node.children);
      if (node.type !== 'paragraph') continue;
      const position = node.position;
      if (!position) continue;
      const start = position.start.offset ?? 0;
      const end = position.end.offset ?? start;
      spans.push({ text: doc.text.slice(start, end), range: rangeOf(doc, start, end) });
    }
  };
  visit(doc.tree.children);
  return spans;
}
