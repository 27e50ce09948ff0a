import { describe, expect, it } from 'vitest';
import { headingIncrement } from '../../src/rules/heading-increment.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

testRule(headingIncrement, {
  valid: [
    { name: 'first heading below level 1 is left to heading-title', markdown: '## Tools\n\n### CLI\n' },
    { name: 'setext headings', markdown: 'List\n====\n\nTools\n-----\n\n### CLI\n' },
  ],
  invalid: [
    { name: 'title then level 3', markdown: '# List\n\n### Tools\n', errors: [{ messageId: 'skipped', line: 3, column: 1 }] },
    {
      name: 'a skip after going back up',
      markdown: '# List\n\n## A\n\n### B\n\n## C\n\n#### D\n',
      errors: [{ messageId: 'skipped', line: 9, column: 1 }],
    },
    {
      name: 'skipped and too deep at once',
      markdown: '# List\n\n## A\n\n#### B\n',
      style: { headings: { maxDepth: 3 } },
      errors: [
        { messageId: 'skipped', line: 5, column: 1 },
        { messageId: 'tooDeep', line: 5, column: 1 },
      ],
    },
  ],
});

describe('a skip that is the list\'s outline', () => {
  it('is not reported when every section skips the same level and that level is never used', () => {
    const text = ['# Orchard', '## Apples', '#### Tools', '## Pears', '#### Tools', '## Plums', '#### Tools', ''].join('\n\n');
    expect(lintWith(headingIncrement, text)).toEqual([]);
  });

  it('is reported when the skipped level is used elsewhere, or the skip happens only twice', () => {
    const mixed = ['# Orchard', '## Apples', '### Kinds', '## Pears', '#### Tools', '## Plums', '#### Tools', '## Figs', '#### Tools', ''].join('\n\n');
    expect(lintWith(headingIncrement, mixed)).toHaveLength(3);
    const twice = ['# Orchard', '## Apples', '#### Tools', '## Pears', '#### Tools', ''].join('\n\n');
    expect(lintWith(headingIncrement, twice)).toHaveLength(2);
  });
});
