import { sectionForbidden } from '../../src/rules/section-forbidden.js';
import { testRule } from '../helpers/rule-tester.js';

const forbidden = { sections: { forbidden: ['Table of Contents', 'Sponsors'] } };

testRule(sectionForbidden, {
  valid: [
    { name: 'nothing forbidden by default', markdown: '# List\n\n## Table of Contents\n\n- [Tools](#tools)\n\n## Tools\n' },
    { name: 'a longer heading containing a forbidden name', markdown: '# List\n\n## Sponsors of the project\n', style: forbidden },
  ],
  invalid: [
    {
      name: 'with emoji and at any level',
      markdown: '# List\n\n## 🗂 Table of Contents\n\n- [Tools](#tools)\n\n## Tools\n\n### Sponsors\n',
      style: forbidden,
      errors: [
        { messageId: 'forbidden', line: 3, column: 1 },
        { messageId: 'forbidden', line: 9, column: 1 },
      ],
    },
  ],
});
