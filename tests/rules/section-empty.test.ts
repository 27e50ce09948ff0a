import { sectionEmpty } from '../../src/rules/section-empty.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(sectionEmpty, {
  valid: [
    { name: 'a title with only text', markdown: '# List\n\nA list of things.\n' },
    { name: 'a table as content', markdown: '# List\n\n## Tools\n\n| Name | About |\n| --- | --- |\n| [Foo](https://foo.dev) | Foo. |\n' },
    { name: 'deep nesting with content at the bottom', markdown: '# List\n\n## A\n\n### B\n\n#### C\n\nText.\n' },
  ],
  invalid: [
    { name: 'an empty last section', markdown: '# List\n\nText.\n\n## Tools\n', errors: [{ messageId: 'empty', line: 5, column: 1 }] },
    {
      name: 'an empty sub-section next to a full one',
      markdown: '# List\n\n## Tools\n\n### CLI\n\nText.\n\n### GUI\n\n## Guides\n\nText.\n',
      errors: [{ messageId: 'empty', line: 9, column: 1 }],
    },
    { name: 'a bare title', markdown: '# List\n', errors: [{ messageId: 'empty', line: 1, column: 1 }] },
  ],
});
