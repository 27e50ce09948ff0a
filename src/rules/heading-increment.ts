// heading-increment: heading levels go down one step at a time and never past the style's deepest level.
import { z } from 'zod';
import { defineRule } from './define-rule.js';
import { hashes, headedSections } from './utils/structure.js';

/** Flags skipped heading levels (`##` then `####`) and headings deeper than `style.headings.maxDepth`. */
export const headingIncrement = defineRule({
  id: 'heading-increment',
  description: 'Heading levels increase one at a time and stay within `style.headings.maxDepth`.',
  rationale:
    'A skipped level leaves a hole in the outline: screen readers, the GitHub outline menu and generated tables of contents all nest sections by level.',
  fixable: false,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    skipped: 'Unexpected `{actual}` after `{previous}`, expected `{expected}` or higher',
    tooDeep: 'Unexpected `{actual}` heading, expected `{expected}` at most (style.headings.maxDepth)',
  },
  examples: {
    valid: [
      { name: 'one level at a time', markdown: '# List\n\n## Tools\n\n### CLI\n\n## Guides\n' },
      { name: 'going back up several levels', markdown: '# List\n\n## Tools\n\n### CLI\n\n#### Shells\n\n## Guides\n' },
    ],
    invalid: [
      {
        name: 'a skipped level',
        markdown: '# List\n\n## Tools\n\n#### CLI\n',
        errors: [{ messageId: 'skipped', line: 5, column: 1 }],
      },
      {
        name: 'deeper than the style allows',
        markdown: '# List\n\n## Tools\n\n### CLI\n',
        style: { headings: { maxDepth: 2 } },
        errors: [{ messageId: 'tooDeep', line: 5, column: 1 }],
      },
    ],
  },
  check(ctx) {
    const maxDepth = ctx.style.headings.maxDepth;
    let previous: number | undefined;
    for (const section of headedSections(ctx.doc)) {
      const depth = section.depth;
      // The first heading's level is heading-title's business, not a skipped level.
      if (previous !== undefined && depth > previous + 1) {
        ctx.report({
          messageId: 'skipped',
          at: section.range,
          data: { actual: hashes(depth), previous: hashes(previous), expected: hashes(previous + 1) },
          actual: hashes(depth),
          expected: [hashes(previous + 1)],
        });
      }
      if (depth > maxDepth) {
        ctx.report({
          messageId: 'tooDeep',
          at: section.range,
          data: { actual: hashes(depth), expected: hashes(maxDepth) },
          actual: hashes(depth),
          expected: [hashes(maxDepth)],
        });
      }
      previous = depth;
    }
  },
});
