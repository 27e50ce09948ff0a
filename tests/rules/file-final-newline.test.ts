import { fileFinalNewline } from '../../src/rules/file-final-newline.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(fileFinalNewline, {
  valid: [
    { name: 'an empty file', markdown: '' },
    { name: 'an unclosed code block running to the end', markdown: '# List\n\n```sh\necho hi\n\n\n' },
  ],
  invalid: [
    {
      name: 'missing CRLF keeps the file line ending',
      markdown: '# List\r\n\r\nText.',
      errors: [{ messageId: 'missing', line: 3, column: 6 }],
      output: '# List\r\n\r\nText.\r\n',
    },
    {
      name: 'whitespace-only lines at the end',
      markdown: '# List\n\nText.\n  \n\t\n',
      errors: [{ messageId: 'extra', line: 3, column: 6 }],
      output: '# List\n\nText.\n',
    },
    {
      name: 'trailing spaces after the last line, no line ending',
      markdown: '# List\n\nText.  ',
      errors: [{ messageId: 'missing', line: 3, column: 8 }],
      output: '# List\n\nText.  \n',
    },
  ],
});
