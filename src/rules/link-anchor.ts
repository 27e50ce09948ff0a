// Rule link-anchor: in-page links (`#slug`) that match no heading or explicit anchor of the document.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { decodeAnchor } from '../markdown/toc.js';

const options = z
  .object({
    ignore: z
      .array(z.string())
      .default(['top', 'readme'])
      .describe('Anchors that always resolve: `#top` (the page top in every browser) and `#readme` (GitHub\'s README box).'),
  })
  .strict();

/** Reports `#anchor` links with no matching heading, and links whose anchor only matches in another letter case. */
export const linkAnchor = defineRule<z.output<typeof options>>({
  id: 'link-anchor',
  description: 'In-page links point to a heading or anchor that exists, in its exact (lowercase) spelling.',
  rationale:
    'A broken `#anchor` silently leaves the reader at the top of the page; GitHub\'s heading anchors are lowercase, and uppercase links do not resolve everywhere.',
  fixable: true,
  defaultSeverity: 'error',
  options,
  messages: {
    missing: 'Unexpected anchor `{actual}`, expected a heading or anchor of this document',
    case: 'Unexpected anchor `{actual}`, expected `{expected}`',
  },
  examples: {
    valid: [
      {
        name: 'link to a heading',
        markdown: '# List\n\nSee [the tools](#developer-tools).\n\n## Developer Tools\n\n- [Example](https://example.com) - An example.\n',
      },
    ],
    invalid: [
      {
        name: 'no such heading',
        markdown: '# List\n\nSee [the tools](#tools).\n\n## Developer Tools\n\n- [Example](https://example.com) - An example.\n',
        errors: [{ messageId: 'missing', line: 3, column: 5 }],
      },
      {
        name: 'uppercase anchor',
        markdown: '# List\n\nSee [the tools](#Developer-Tools).\n\n## Developer Tools\n\n- [Example](https://example.com) - An example.\n',
        errors: [{ messageId: 'case', line: 3, column: 5 }],
        output: '# List\n\nSee [the tools](#developer-tools).\n\n## Developer Tools\n\n- [Example](https://example.com) - An example.\n',
      },
    ],
  },
  check(ctx) {
    const { doc } = ctx;
    const ignored = new Set(ctx.options.ignore.map((anchor) => anchor.toLowerCase()));
    const lowered = new Map<string, string>();
    for (const anchor of doc.anchors) if (!lowered.has(anchor.toLowerCase())) lowered.set(anchor.toLowerCase(), anchor);
    const toc = doc.toc?.range;
    for (const link of doc.links) {
      if (!link.url.startsWith('#') || link.url.length === 1) continue;
      // ToC links are toc-sections' to check; reporting them here too would double every problem.
      if (toc && link.range.start.offset >= toc.start.offset && link.range.end.offset <= toc.end.offset) continue;
      let target = decodeAnchor(link.url);
      // GitHub prefixes rendered ids with `user-content-` and resolves links written either way.
      if (target.startsWith('user-content-')) target = target.slice('user-content-'.length);
      if (doc.anchors.has(target) || ignored.has(target.toLowerCase())) continue;
      const actual = link.url;
      const match = lowered.get(target.toLowerCase());
      if (match === undefined) {
        ctx.report({ messageId: 'missing', at: link.range, data: { actual }, actual });
        continue;
      }
      const fix = link.urlRange ? caseFix(doc.text.slice(link.urlRange.start.offset, link.urlRange.end.offset), match) : undefined;
      ctx.report({
        messageId: 'case',
        at: link.range,
        data: { actual, expected: `#${match}` },
        actual,
        expected: [`#${match}`],
        fix: fix && link.urlRange ? [{ start: link.urlRange.start.offset, end: link.urlRange.end.offset, text: fix }] : undefined,
      });
    }
  },
});

/** The written `#fragment` respelled to match `anchor`, or undefined when the written form is not a plain fragment. */
function caseFix(written: string, anchor: string): string | undefined {
  if (!written.startsWith('#')) return undefined;
  // Lowercasing keeps percent-escapes valid, so encoded non-ASCII anchors can be fixed too.
  if (anchor === anchor.toLowerCase()) return decodeAnchor(written.toLowerCase()).endsWith(anchor) ? written.toLowerCase() : undefined;
  return written.includes('%') ? undefined : `#${anchor}`;
}
