// table-row-cells: every row of a table-based list has as many cells as the table's header.
import * as z from 'zod';
import { defineRule } from './define-rule.js';

/** Reports table rows with fewer or more cells than the header: GitHub drops the extra ones and leaves missing ones blank. */
export const tableRowCells = defineRule({
  id: 'table-row-cells',
  description: 'Every row of a table-based list has as many cells as its header.',
  rationale:
    'A row with a cell too few or too many is a broken edit: GitHub silently drops extra cells and shows missing ones empty, so a link or description disappears or lands in the wrong column.',
  fixable: false,
  defaultSeverity: 'error',
  options: z.object({}).strict(),
  messages: {
    short: 'Unexpected row with {actual} cells, expected {expected} as in the header',
    long: 'Unexpected row with {actual} cells, expected {expected} as in the header; GitHub drops the extra ones',
  },
  examples: {
    valid: [
      {
        name: 'rows as wide as the header',
        markdown: '# Tools\n\n| Name | Notes |\n| --- | --- |\n| [Alpha](https://alpha.dev) | Fast builds. |\n| [Beta](https://beta.dev) | |\n',
      },
    ],
    invalid: [
      {
        name: 'a row missing a cell and a row with one too many',
        markdown:
          '# Tools\n\n| Name | Notes |\n| --- | --- |\n| [Alpha](https://alpha.dev) |\n| [Beta](https://beta.dev) | Fast tests. | extra |\n',
        errors: [
          { messageId: 'short', line: 5, column: 1 },
          { messageId: 'long', line: 6, column: 1 },
        ],
      },
    ],
  },
  check(ctx) {
    for (const entry of ctx.doc.entries) {
      const cells = entry.cells;
      if (!cells || cells.count === cells.expected) continue;
      ctx.report({
        messageId: cells.count < cells.expected ? 'short' : 'long',
        at: entry.line.range,
        data: { actual: cells.count, expected: cells.expected },
        actual: String(cells.count),
        expected: [String(cells.expected)],
      });
    }
  },
});
