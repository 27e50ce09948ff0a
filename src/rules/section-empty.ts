// section-empty: every heading has some content under it, directly or in its sub-sections.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import type { Section } from '../markdown/types.js';

/** Flags headings with nothing below them before the next heading of the same or a higher level. */
export const sectionEmpty = defineRule({
  id: 'section-empty',
  description: 'Every section has content: entries or text, directly or in one of its sub-sections.',
  rationale:
    'An empty section is a placeholder readers click through to find nothing. A heading whose content sits only in sub-sections is a group, not empty.',
  fixable: false,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    empty: 'Unexpected empty section `{actual}`, expected entries or text below it',
  },
  examples: {
    valid: [
      { name: 'content in every section', markdown: '# List\n\n## Tools\n\n- [Foo](https://foo.dev) - Does foo.\n' },
      {
        name: 'a group heading with content in its sub-sections',
        markdown: '# List\n\n## Tools\n\n### CLI\n\n- [Foo](https://foo.dev) - Does foo.\n',
      },
    ],
    invalid: [
      {
        name: 'a heading right before the next one',
        markdown: '# List\n\n## Tools\n\n## Guides\n\n- [Foo](https://foo.dev) - Does foo.\n',
        errors: [{ messageId: 'empty', line: 3, column: 1 }],
      },
      {
        name: 'a group whose sub-sections are all empty (reported once, at the group)',
        markdown: '# List\n\nIntro.\n\n## Tools\n\n### CLI\n\n### GUI\n',
        errors: [{ messageId: 'empty', line: 5, column: 1 }],
      },
    ],
  },
  check(ctx) {
    const hasAny = new Map<Section, boolean>();
    // Children come after their parent in document order, so a reverse pass sees them first.
    for (let i = ctx.doc.sections.length - 1; i >= 0; i--) {
      const section = ctx.doc.sections[i]!;
      hasAny.set(section, section.hasContent || section.children.some((child) => hasAny.get(child) === true));
    }
    for (const section of ctx.doc.sections) {
      if (!section.heading || hasAny.get(section)) continue;
      // Only the outermost empty section of an empty group: its sub-sections add nothing new.
      if (section.parent?.heading && hasAny.get(section.parent) === false) continue;
      ctx.report({ messageId: 'empty', at: section.range, data: { actual: section.title }, actual: section.title });
    }
  },
});
