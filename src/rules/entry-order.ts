// entry-order: with `style.sections.sort: alphabetical`, the entries of each list are sorted by link text.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import type { Entry, ListDocument } from '../markdown/types.js';
import { isResourceEntry } from './utils/entries.js';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Reports the first out-of-order entry of each list (or table) when the style asks for alphabetical order. */
export const entryOrder = defineRule({
  id: 'entry-order',
  description: 'Entries of the same list are in alphabetical order of their link text when `style.sections.sort` is `alphabetical`.',
  rationale:
    'A sorted list lets readers find a project at a glance and contributors see where a new one goes. Ordered (numbered) lists are left alone: their numbers state an order of their own.',
  fixable: false,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    order: 'Unexpected `{actual}` after `{previous}`, expected it before `{expected}`',
  },
  examples: {
    valid: [
      {
        name: 'sorted, ignoring case, numbers compared as numbers',
        markdown: '# List\n\n## Tools\n\n- [alpha](https://a.dev)\n- [Beta](https://b.dev)\n- [Tool 2](https://t2.dev)\n- [Tool 10](https://t10.dev)\n',
        style: { sections: { sort: 'alphabetical' } },
      },
      {
        name: 'nested items are sorted within their parent',
        markdown: '# List\n\n## Tools\n\n- [Alpha](https://a.dev)\n  - [Bee](https://bee.dev)\n  - [Zed](https://z.dev)\n- [Beta](https://b.dev)\n',
        style: { sections: { sort: 'alphabetical' } },
      },
      { name: 'order not enforced', markdown: '# List\n\n## Tools\n\n- [Zed](https://z.dev)\n- [Alpha](https://a.dev)\n' },
    ],
    invalid: [
      {
        name: 'an entry out of order',
        markdown: '# List\n\n## Tools\n\n- [Beta](https://b.dev)\n- [Delta](https://d.dev)\n- [Alpha](https://a.dev)\n',
        style: { sections: { sort: 'alphabetical' } },
        errors: [{ messageId: 'order', line: 7, column: 1 }],
      },
    ],
  },
  check(ctx) {
    if (ctx.style.sections.sort !== 'alphabetical') return;
    const lists = groupByList(ctx.doc);
    for (const entries of lists) {
      let previous: Entry | undefined;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i]!;
        if (previous && collator.compare(entry.link!.text, previous.link!.text) < 0) {
          // The entries before this one are sorted, so the first one sorting after it is where it belongs.
          const before = entries.slice(0, i).find((other) => collator.compare(entry.link!.text, other.link!.text) < 0)!;
          ctx.report({
            messageId: 'order',
            at: entry.line.range,
            data: { actual: entry.link!.text, previous: previous.link!.text, expected: before.link!.text },
            actual: entry.link!.text,
          });
          break;
        }
        previous = entry;
      }
    }
  },
});

/**
 * Groups linked entries by the list (or table) holding them, skipping numbered lists, the ToC, prose and the preamble.
 * Two lists in one section (split by a paragraph such as "**Libraries**") are sorted separately.
 */
function groupByList(doc: ListDocument): Entry[][] {
  const groups = new Map<Entry['container'], Entry[]>();
  for (const entry of doc.entries) {
    if (!entry.link || entry.ordered || entry.section.depth === 0 || !isResourceEntry(entry)) continue;
    const group = groups.get(entry.container);
    if (group) group.push(entry);
    else groups.set(entry.container, [entry]);
  }
  return [...groups.values()];
}
