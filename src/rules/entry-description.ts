// entry-description: entries have a description when the style requires one, placed where the style allows.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { parentEntries, resourceEntries } from './utils/entries.js';
import { rangeOf } from '../markdown/positions.js';

/** Reports entries without a description and descriptions placed where the style does not allow them. */
export const entryDescription = defineRule({
  id: 'entry-description',
  description: 'Entries have a description when the style requires one, in a placement the style allows.',
  rationale: 'A bare link tells a reader nothing about why it is on the list or whether it is worth a click.',
  fixable: false,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    missing: 'Missing description after `{name}`, expected `{separator}Description`{evidence}',
    placement: 'Unexpected description placement `{actual}`, expected {expected}{evidence}',
  },
  examples: {
    valid: [
      { name: 'inline description', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n' },
      {
        name: 'category label with nested entries',
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev)\n  - [Alpha CLI](https://cli.alpha.dev) - Command line for Alpha.\n',
      },
      {
        name: 'descriptions optional',
        style: { entry: { description: { required: false } } },
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev)\n',
      },
    ],
    invalid: [
      {
        name: 'no description',
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev)\n- [Beta](https://beta.dev) - Fast tests.\n',
        errors: [{ messageId: 'missing', line: 3, column: 29 }],
      },
    ],
  },
  check(ctx) {
    const { required, placement, separator } = ctx.style.entry.description;
    const parents = parentEntries(ctx.doc);
    for (const entry of resourceEntries(ctx.doc)) {
      if (entry.description) {
        const actual = entry.descriptionPlacement;
        if (actual && !placement.includes(actual)) {
          ctx.report({
            messageId: 'placement',
            at: entry.description.range,
            data: { actual, expected: placement.map((p) => `\`${p}\``).join(' or '), evidence: ctx.evidence('entry.description.placement') },
            actual,
            expected: [...placement],
          });
        }
        continue;
      }
      // Table rows keep descriptions in columns, parents are category labels, and text/bare-URL entries are entry-shape's.
      if (!required || entry.kind !== 'list-item' || parents.has(entry) || !entry.link || entry.link.isBadge) continue;
      if (entry.shape !== 'link' && entry.shape !== 'grouped') continue;
      const last = entry.group && entry.group.length > 0 ? entry.group[entry.group.length - 1]! : entry.link;
      ctx.report({
        messageId: 'missing',
        at: rangeOf(ctx.doc, last.range.end.offset, last.range.end.offset),
        data: { evidence: ctx.evidence('entry.description.required'), name: entry.link.text, separator: separator === 'any' ? ' - ' : (separator ?? ' ') },
        actual: entry.link.text,
      });
    }
  },
});
