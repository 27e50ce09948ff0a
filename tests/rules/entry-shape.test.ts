import { entryShape } from '../../src/rules/entry-shape.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(entryShape, {
  valid: [
    { name: 'feature notes under a linked entry', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n  - Supports caching\n  - Supports remote execution\n' },
    { name: 'a section of plain notes', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n\n## Notes\n\n- Keep entries short.\n- Sort them.\n' },
    { name: 'tags allowed', style: { entry: { prefix: ['none', 'tag'] } }, markdown: '# Papers\n\n- *paper*: [Alpha](https://alpha.dev) - Fast builds.\n' },
    { name: 'badges anywhere', style: { entry: { badges: 'anywhere' } }, markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds. ![Stars](https://img.shields.io/github/stars/a/alpha)\n' },
    { name: 'bare URL entries are left to link-bare-url', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n- https://beta.dev\n' },
  ],
  invalid: [
    {
      name: 'badge after the description',
      style: { entry: { badges: 'after-link' } },
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds. ![Stars](https://img.shields.io/github/stars/a/alpha)\n',
      errors: [{ messageId: 'badgePlacement', line: 3, column: 45 }],
    },
    {
      name: 'tag not allowed',
      markdown: '# Papers\n\n- *paper*: [Alpha](https://alpha.dev) - Fast builds.\n',
      errors: [{ messageId: 'tag', line: 3, column: 3 }],
    },
  ],
});
