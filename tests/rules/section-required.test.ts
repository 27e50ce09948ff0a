import { sectionRequired } from '../../src/rules/section-required.js';
import { testRule } from '../helpers/rule-tester.js';

const required = { sections: { required: ['Contributing', 'License'] } };

testRule(sectionRequired, {
  valid: [
    { name: 'nothing required by default', markdown: '# List\n\n## Tools\n' },
    {
      name: 'shortcodes, trailing punctuation and case ignored',
      markdown: '# List\n\n## :handshake: contributing:\n\nText.\n\n## LICENSE\n\nText.\n',
      style: required,
    },
  ],
  invalid: [
    {
      name: 'each missing section reported once',
      markdown: '# List\n\n## Tools\n\n## Contributing guide\n',
      style: required,
      errors: [
        { messageId: 'missing', line: 1, column: 1 },
        { messageId: 'missing', line: 1, column: 1 },
      ],
    },
  ],
});
