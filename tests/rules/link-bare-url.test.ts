import { describe, expect, it } from 'vitest';
import { linkBareUrl } from '../../src/rules/link-bare-url.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

testRule(linkBareUrl, {
  valid: [
    { name: 'email address in an entry', markdown: '- [Example](https://example.com) - Write to team@example.com.\n' },
    { name: 'URL in code', markdown: '- [Example](https://example.com) - Serves `https://localhost:8080`.\n' },
    {
      name: 'table with a URL column',
      markdown: '| Name | Site |\n| --- | --- |\n| Example | https://example.com |\n',
    },
    { name: 'paragraph outside entries', markdown: '# List\n\nMirror: https://mirror.example.com\n\n- [Example](https://example.com) - An example.\n' },
    {
      name: 'descriptions may be allowed',
      markdown: '- [Example](https://example.com) - Mirror at https://mirror.example.com.\n',
      options: { descriptions: false },
    },
  ],
  invalid: [
    {
      name: 'www literal and nested entry',
      markdown: '- [Example](https://example.com) - An example.\n  - www.example.org - A mirror.\n',
      errors: [{ messageId: 'bare', line: 2, column: 5 }],
    },
    {
      name: 'URL in the description',
      markdown: '- [Example](https://example.com) - Mirror at https://mirror.example.com.\n',
      errors: [{ messageId: 'bare', line: 1, column: 46 }],
    },
  ],
});

describe('link-bare-url details', () => {
  it('reports the URL as written', () => {
    const [found] = lintWith(linkBareUrl, '- <https://example.com/a> - An example.\n');
    expect(found?.actual).toBe('https://example.com/a');
    expect(found?.fix).toBeUndefined();
  });

  it('checks tables when asked', () => {
    const table = '| Name | Site |\n| --- | --- |\n| Example | https://example.com |\n';
    const found = lintWith(linkBareUrl, table, {}, { tables: true });
    expect(found.map((d) => [d.start.line, d.start.column])).toEqual([[3, 13]]);
  });
});
