// Rule link-bare-url: bare URLs (`https://…` or `<https://…>`) in entries instead of named links.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { isHttpUrl } from '../url/url.js';

const options = z
  .object({
    descriptions: z
      .boolean()
      .default(true)
      .describe('Also report bare URLs inside descriptions, not only as the entry\'s link.'),
    tables: z
      .boolean()
      .default(false)
      .describe('Also check table-based lists, whose URL column is often bare by design.'),
  })
  .strict();

/** Reports entries that show a raw URL where a `[Name](url)` link belongs. */
export const linkBareUrl = defineRule<z.output<typeof options>>({
  id: 'link-bare-url',
  description: 'Entries link with `[Name](url)`, not with a bare URL.',
  rationale:
    'A named link tells the reader what they will find; a raw URL is hard to scan, sorts badly and breaks the entry layout.',
  fixable: false,
  defaultSeverity: 'warn',
  options,
  messages: {
    bare: 'Unexpected bare URL `{actual}`, expected `[Name]({actual})`',
  },
  examples: {
    valid: [
      { name: 'named link', markdown: '- [Example](https://example.com) - An example.\n' },
      {
        name: 'bare URLs in prose sections are fine',
        markdown: '## Contributing\n\n- Open an issue at https://example.com/issues first.\n',
      },
    ],
    invalid: [
      {
        name: 'literal URL',
        markdown: '- https://example.com - An example.\n',
        errors: [{ messageId: 'bare', line: 1, column: 3 }],
      },
      {
        name: 'autolink',
        markdown: '- <https://example.com> - An example.\n',
        errors: [{ messageId: 'bare', line: 1, column: 3 }],
      },
    ],
  },
  check(ctx) {
    for (const entry of ctx.doc.entries) {
      if (entry.kind === 'table-row' && !ctx.options.tables) continue;
      for (const link of entry.links) {
        if (link.syntax !== 'bare' && link.syntax !== 'autolink') continue;
        // Email addresses (`mailto:`) in text are contact details, not resources.
        if (!isHttpUrl(link.url) && !/^ftps?:\/\//i.test(link.url)) continue;
        if (!ctx.options.descriptions && link.range.start.offset !== entry.link?.range.start.offset) continue;
        const actual = ctx.doc.text.slice(link.range.start.offset, link.range.end.offset).replace(/^<|>$/g, '');
        ctx.report({ messageId: 'bare', at: link.range, data: { actual }, actual, url: link.url });
      }
    }
  },
});
