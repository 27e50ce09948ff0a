import { entryDescriptionLength } from '../../src/rules/entry-description-length.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(entryDescriptionLength, {
  valid: [
    { name: 'exactly the maximum', style: { entry: { description: { maxLength: 12 } } }, markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n' },
    { name: 'non-Latin characters count once each', style: { entry: { description: { maxLength: 7 } } }, markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - 高速なビルド。\n' },
    { name: 'no minimum by default', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast.\n' },
  ],
  invalid: [
    {
      name: 'one over the maximum',
      style: { entry: { description: { maxLength: 11 } } },
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n',
      errors: [{ messageId: 'tooLong', line: 3, column: 32 }],
    },
  ],
});
