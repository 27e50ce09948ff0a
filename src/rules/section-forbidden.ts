// section-forbidden: no heading matches a name in `style.sections.forbidden`.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { headedSections, normalizeTitle } from './utils/structure.js';

/** Reports headings named in `style.sections.forbidden` (case-insensitive, emoji ignored). */
export const sectionForbidden = defineRule({
  id: 'section-forbidden',
  description: 'No heading matches a section listed in `style.sections.forbidden`.',
  rationale:
    'Lets a list settle on one name for a section ("Contents", not "Table of Contents") or keep out sections it does not want, such as "Sponsors".',
  fixable: false,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    forbidden: 'Unexpected section `{actual}`, expected none named `{expected}` (style.sections.forbidden)',
  },
  examples: {
    valid: [
      {
        name: 'only allowed headings',
        markdown: '# List\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n',
        style: { sections: { forbidden: ['Table of Contents'] } },
      },
    ],
    invalid: [
      {
        name: 'a forbidden heading, whatever its case',
        markdown: '# List\n\n## Table of contents\n\n- [Tools](#tools)\n\n## Tools\n',
        style: { sections: { forbidden: ['Table of Contents'] } },
        errors: [{ messageId: 'forbidden', line: 3, column: 1 }],
      },
    ],
  },
  check(ctx) {
    const forbidden = new Map(ctx.style.sections.forbidden.map((name) => [normalizeTitle(name), name]));
    if (forbidden.size === 0) return;
    for (const section of headedSections(ctx.doc)) {
      const name = forbidden.get(normalizeTitle(section.title));
      if (name === undefined) continue;
      ctx.report({
        messageId: 'forbidden',
        at: section.range,
        data: { actual: section.title, expected: name },
        actual: section.title,
      });
    }
  },
});
