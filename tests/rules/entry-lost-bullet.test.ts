import { entryLostBullet } from '../../src/rules/entry-lost-bullet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(entryLostBullet, {
  valid: [
    { name: 'separate items', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n- [Beta](https://beta.dev) - Fast tests.\n' },
    { name: 'a paragraph after a blank line', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n\n[Beta](https://beta.dev) - Fast tests.\n' },
    { name: 'a plain text continuation', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds\nfor large repositories.\n' },
  ],
  invalid: [
    {
      name: 'a lost nested item keeps its indentation',
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n  - [Alpha CLI](https://cli.alpha.dev) - Command line.\n[Alpha UI](https://ui.alpha.dev) - Web interface.\n',
      errors: [{ messageId: 'lost', line: 5, column: 1 }],
      output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n  - [Alpha CLI](https://cli.alpha.dev) - Command line.\n  - [Alpha UI](https://ui.alpha.dev) - Web interface.\n',
    },
    {
      name: 'a link alone on the line, CRLF',
      markdown: '# Tools\r\n\r\n* [Alpha](https://alpha.dev) - Fast builds.\r\n[Beta](https://beta.dev)\r\n',
      errors: [{ messageId: 'lost', line: 4, column: 1 }],
      output: '# Tools\r\n\r\n* [Alpha](https://alpha.dev) - Fast builds.\r\n* [Beta](https://beta.dev)\r\n',
    },
    {
      name: 'ordered list gets the next number',
      markdown: '# Steps\n\n1. [Alpha](https://alpha.dev) - Fast builds.\n[Beta](https://beta.dev) - Fast tests.\n',
      errors: [{ messageId: 'lost', line: 4, column: 1 }],
      output: '# Steps\n\n1. [Alpha](https://alpha.dev) - Fast builds.\n2. [Beta](https://beta.dev) - Fast tests.\n',
    },
  ],
});
