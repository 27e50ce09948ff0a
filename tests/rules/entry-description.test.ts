import { entryDescription } from '../../src/rules/entry-description.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(entryDescription, {
  valid: [
    { name: 'paragraph placement allowed', style: { entry: { description: { placement: ['inline', 'paragraph'] } } }, markdown: '# Tools\n\n- [Alpha](https://alpha.dev)\n\n  Fast builds for large repositories.\n' },
    { name: 'table of contents links are not entries', markdown: '# List\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n\n- [Alpha](https://alpha.dev) - Fast.\n' },
    { name: 'prose sections', markdown: '# List\n\n## Contributing\n\n- [Guide](https://example.com/guide)\n' },
  ],
  invalid: [
    {
      name: 'the second entry lacks a description',
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast.\n- [Beta](https://beta.dev)\n',
      errors: [{ messageId: 'missing', line: 4, column: 27 }],
    },
    {
      name: 'paragraph placement where only inline is allowed',
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev)\n\n  Fast builds for large repositories.\n',
      errors: [{ messageId: 'placement', line: 5, column: 3 }],
    },
  ],
});
