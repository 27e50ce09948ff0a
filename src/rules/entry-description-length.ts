// entry-description-length: descriptions stay within the style's `minLength` and `maxLength`.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { resourceEntries, visibleLength } from './utils/entries.js';
import { pluralWord } from '../plural.js';

/** Reports descriptions longer or shorter than the style allows. */
export const entryDescriptionLength = defineRule({
  id: 'entry-description-length',
  description: 'Descriptions are no longer than `maxLength` and no shorter than `minLength` of the style.',
  rationale: 'A list is for scanning: a paragraph-long description belongs on the project page, a two-word one says nothing.',
  fixable: false,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    tooLong: 'Unexpected description length `{length}`, expected at most `{max}` {unit}',
    tooShort: 'Unexpected description length `{length}`, expected at least `{min}` {unit}',
  },
  examples: {
    valid: [
      { name: 'no limit by default', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds for large repositories.\n' },
      {
        name: 'link destinations do not count',
        style: { entry: { description: { maxLength: 20 } } },
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Like [Make](https://www.gnu.org/software/make/).\n',
      },
    ],
    invalid: [
      {
        name: 'too long',
        style: { entry: { description: { maxLength: 20 } } },
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds for large repositories.\n',
        errors: [{ messageId: 'tooLong', line: 3, column: 32 }],
      },
      {
        name: 'too short',
        style: { entry: { description: { minLength: 10 } } },
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Builds.\n',
        errors: [{ messageId: 'tooShort', line: 3, column: 32 }],
      },
    ],
  },
  check(ctx) {
    const max = ctx.style.entry.description.maxLength;
    const min = ctx.style.entry.description.minLength;
    if (max === null && min === 0) return;
    for (const entry of resourceEntries(ctx.doc)) {
      if (!entry.description || entry.descriptionPlacement === 'code') continue;
      const length = visibleLength(entry);
      if (max !== null && length > max) {
        ctx.report({ messageId: 'tooLong', at: entry.description.range, data: { length, max, unit: pluralWord(max, 'character') } });
      } else if (min > 0 && length < min) {
        ctx.report({ messageId: 'tooShort', at: entry.description.range, data: { length, min, unit: pluralWord(min, 'character') } });
      }
    }
  },
});
