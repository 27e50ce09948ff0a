import { linkTextWhitespace } from '../../src/rules/link-text-whitespace.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(linkTextWhitespace, {
  valid: [
    { name: 'title after the URL needs its space', markdown: '- [Example](https://example.com "Home") - An example.\n' },
    { name: 'badge inside a link', markdown: '- [![Stars](https://img.shields.io/badge/a-b-c)](https://example.com) - An example.\n' },
    { name: 'empty-looking text is not trimmed', markdown: '- [ ](https://example.com) - An example.\n' },
    { name: 'spaces between words', markdown: '- [Example Tool](https://example.com) - An example.\n' },
  ],
  invalid: [
    {
      name: 'trailing space only, CRLF',
      markdown: '- [Example ](https://example.com) - An example.\r\n- [Other](https://example.org) - Another.\r\n',
      errors: [{ messageId: 'text', line: 1, column: 3 }],
      output: '- [Example](https://example.com) - An example.\r\n- [Other](https://example.org) - Another.\r\n',
    },
    {
      name: 'both text and target, non-Latin name',
      markdown: '- [ 東京 ]( https://example.jp ) - 東京の例.\n',
      errors: [
        { messageId: 'text', line: 1, column: 3 },
        { messageId: 'url', line: 1, column: 9 },
      ],
      output: '- [東京](https://example.jp) - 東京の例.\n',
    },
    {
      name: 'space before a title',
      markdown: '- [Example](  https://example.com "Home") - An example.\n',
      errors: [{ messageId: 'url', line: 1, column: 12 }],
      output: '- [Example](https://example.com "Home") - An example.\n',
    },
    {
      name: 'links in prose are trimmed too',
      markdown: '# List\n\nRead [ the guide](https://example.com/guide) first.\n',
      errors: [{ messageId: 'text', line: 3, column: 6 }],
      output: '# List\n\nRead [the guide](https://example.com/guide) first.\n',
    },
  ],
});
