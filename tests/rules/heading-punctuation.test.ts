import { headingPunctuation } from '../../src/rules/heading-punctuation.js';
import { describe, expect, it } from 'vitest';
import { testRule } from '../helpers/rule-tester.js';

testRule(headingPunctuation, {
  valid: [
    { name: 'closed ATX heading', markdown: '# List\n\n## Tools ##\n' },
    { name: 'characters outside the style string', markdown: '# List\n\n## C#\n\n## Tools…\n\n## Tools)\n' },
    { name: 'punctuation allowed when the style string is empty', markdown: '# List\n\n## Tools:\n', style: { headings: { trailingPunctuation: '' } } },
    { name: 'an escaped period', markdown: '# List\n\n## Version 1\\.\n' },
    { name: 'a heading of punctuation only', markdown: '# List\n\n## ?\n' },
  ],
  invalid: [
    {
      name: 'a semicolon under the default style',
      markdown: '# List\n\n## FAQ;\n',
      errors: [{ messageId: 'unexpected', line: 3, column: 7 }],
      output: '# List\n\n## FAQ\n',
    },
    {
      name: 'an ellipsis made of periods',
      markdown: '# List\n\n## Tools...\n',
      errors: [{ messageId: 'unexpected', line: 3, column: 9 }],
      output: '# List\n\n## Tools\n',
    },
    {
      name: 'a setext heading',
      markdown: 'List\n====\n\nTools:\n------\n',
      errors: [{ messageId: 'unexpected', line: 4, column: 6 }],
      output: 'List\n====\n\nTools\n------\n',
    },
    {
      name: 'closed ATX heading with punctuation before the closing marks',
      markdown: '# List\r\n\r\n## Tools: ##\r\n',
      errors: [{ messageId: 'unexpected', line: 3, column: 9 }],
      output: '# List\r\n\r\n## Tools ##\r\n',
    },
  ],
});
