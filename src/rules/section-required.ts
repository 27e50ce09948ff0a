// section-required: every heading named in `style.sections.required` exists.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { documentStart, headedSections, normalizeTitle } from './utils/structure.js';

/** Reports each section of `style.sections.required` that no heading matches (case-insensitive, emoji ignored). */
export const sectionRequired = defineRule({
  id: 'section-required',
  description: 'Every section listed in `style.sections.required` has a heading.',
  rationale:
    'Sections such as Contributing or License tell readers how to take part and what they may reuse; a list-wide rule keeps them from being forgotten.',
  fixable: false,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    missing: 'Missing section `{expected}`, expected a heading with that text',
  },
  examples: {
    valid: [
      {
        name: 'required sections present, in any case and with emoji',
        markdown: '# List\n\n## 📖 contents\n\n- [Tools](#tools)\n\n## Tools\n\n## Contributing\n',
        style: { sections: { required: ['Contents', 'Contributing'] } },
      },
    ],
    invalid: [
      {
        name: 'no Contributing section',
        markdown: '# List\n\n## Tools\n',
        style: { sections: { required: ['Contributing'] } },
        errors: [{ messageId: 'missing', line: 1, column: 1 }],
      },
    ],
  },
  check(ctx) {
    const required = ctx.style.sections.required;
    if (required.length === 0) return;
    const titles = new Set(headedSections(ctx.doc).map((section) => normalizeTitle(section.title)));
    for (const name of required) {
      if (titles.has(normalizeTitle(name))) continue;
      ctx.report({ messageId: 'missing', at: documentStart(ctx.doc), data: { expected: name }, expected: [name] });
    }
  },
});
