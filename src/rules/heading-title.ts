// heading-title: a list has exactly one level-1 heading, its title, and it comes before every other heading.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { documentStart, hashes, headedSections } from './utils/structure.js';

/** Enforces a single `#` title heading, placed before the first section. */
export const headingTitle = defineRule<{ parts: boolean }>({
  id: 'heading-title',
  description: 'The list has exactly one level-1 heading, and it is the first heading.',
  rationale:
    'The title names the list on GitHub and in search results; a second `#` heading or a section before the title breaks the outline and the table of contents.',
  fixable: false,
  defaultSeverity: 'error',
  options: z
    .object({
      parts: z
        .boolean()
        .default(false)
        .describe('Also report several `#` headings used as the top-level parts of a list (`# Software`, `# Resources`), as warnings.'),
    })
    .strict(),
  messages: {
    missing: 'Missing level-1 heading, expected a `# Title` before the first section',
    notFirst: 'Unexpected `{actual}` heading before the title, expected the `#` title first',
    multiple: 'Unexpected second level-1 heading `{actual}`, expected exactly one title',
  },
  examples: {
    valid: [
      { name: 'one title, then sections', markdown: '# Awesome Things\n\n## Tools\n\n- [Foo](https://foo.dev) - Does foo.\n' },
      {
        name: 'badges and HTML before the title',
        markdown: '<p align="center"><img src="logo.svg"></p>\n\n[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n# Awesome Things\n\n## Tools\n',
      },
      { name: 'an HTML `<h1>` title', markdown: '<h1 align="center">Awesome Things</h1>\n\n## Tools\n' },
      { name: 'a logo image with alt text as the title', markdown: '<p align="center"><img src="logo.svg" alt="Awesome Things"></p>\n\n## Tools\n' },
      { name: 'a Markdown logo as the title', markdown: '[![Awesome Things](logo.png)](https://things.dev)\n\nA list of things.\n\n## Tools\n' },
    ],
    invalid: [
      {
        name: 'two level-1 headings',
        markdown: '# Awesome Things\n\n# Tools\n',
        errors: [{ messageId: 'multiple', line: 3, column: 1 }],
      },
      { name: 'no title', markdown: '## Tools\n\n- [Foo](https://foo.dev)\n', errors: [{ messageId: 'missing', line: 1, column: 1 }] },
      {
        name: 'a section before the title',
        markdown: '## Intro\n\n# Awesome Things\n',
        errors: [{ messageId: 'notFirst', line: 1, column: 1 }],
      },
    ],
  },
  check(ctx) {
    const headings = headedSections(ctx.doc);
    const titles = headings.filter((section) => section.depth === 1);
    const first = headings[0];
    const title = ctx.doc.title;
    // A missing or late title is a matter of layout (a logo may name the list); a second title breaks the outline.
    if (titles.length === 0) {
      if (!title) ctx.report({ messageId: 'missing', at: documentStart(ctx.doc), expected: ['# Title'], severity: 'warning' });
      return;
    }
    const hasHtmlTitle = title?.kind === 'html';
    if (first && first.depth !== 1 && title?.kind !== 'html' && title?.kind !== 'image') {
      ctx.report({ messageId: 'notFirst', at: first.range, data: { actual: hashes(first.depth) }, actual: first.title, severity: 'warning' });
    }
    // With an HTML `<h1>` title every Markdown `#` heading is a second title. One stray `#` is a slip (an error);
    // several are the list's way of marking its top-level parts (`# Software`, `# Resources`): a convention of its
    // own, reported (as warnings) only when the `parts` option asks.
    const extra = hasHtmlTitle ? titles : titles.slice(1);
    // A `#` heading with `##` sections under it opens a part of the list too, even when it is the only one.
    const isPartsPattern = extra.length >= 2 || (extra.length === 1 && extra[0]!.children.length > 0);
    if (isPartsPattern && !ctx.options.parts) return;
    for (const section of extra) {
      ctx.report({
        messageId: 'multiple',
        at: section.range,
        data: { actual: section.title },
        actual: section.title,
        ...(isPartsPattern ? { severity: 'warning' as const } : {}),
      });
    }
  },
});
