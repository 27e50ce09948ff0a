import { describe, expect, it } from 'vitest';
import { whitespaceTrailing } from '../../src/rules/whitespace-trailing.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(whitespaceTrailing, {
  valid: [
    { name: 'a hard break inside a list item', markdown: '# List\n\n- [Foo](https://foo.dev) - Does foo,  \n  and bar.\n' },
    { name: 'an indented code block', markdown: '# List\n\n    echo hi   \n\nText.\n' },
    { name: 'an HTML block', markdown: '# List\n\n<p align="center">  \n  <img src="logo.svg">\n</p>\n' },
    { name: 'a code span wrapping inside a nested item', markdown: '# List\n\n- Foo\n  - Bar `x   \n    y` baz.\n' },
  ],
  invalid: [
    {
      name: 'a whitespace-only line and two spaces ending a paragraph',
      markdown: '# List\n\n- [Foo](https://foo.dev)\n   \n- [Bar](https://bar.dev)\n\nLast line.  \n',
      errors: [
        { messageId: 'trailing', line: 4, column: 1 },
        { messageId: 'trailing', line: 7, column: 11 },
      ],
      output: '# List\n\n- [Foo](https://foo.dev)\n\n- [Bar](https://bar.dev)\n\nLast line.\n',
    },
    {
      name: 'no final newline',
      markdown: '# List\n\nText. ',
      errors: [{ messageId: 'trailing', line: 3, column: 6 }],
      output: '# List\n\nText.',
    },
  ],
});
