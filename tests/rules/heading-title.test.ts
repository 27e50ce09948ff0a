import { describe, expect, it } from 'vitest';
import { headingTitle } from '../../src/rules/heading-title.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

testRule(headingTitle, {
  valid: [
    { name: 'setext title', markdown: 'Awesome Things\n==============\n\n## Tools\n' },
    { name: 'title only, with text', markdown: '# Awesome Things\n\nA list.\n' },
    { name: 'emoji and link in the title', markdown: '# 🚀 [Awesome](https://awesome.re) Things\n\n## Tools\n' },
  ],
  invalid: [
    {
      name: 'an HTML title and a Markdown title',
      markdown: '<h1>Awesome Things</h1>\n\n# Tools\n',
      errors: [{ messageId: 'multiple', line: 3, column: 1 }],
    },
    {
      name: 'three titles, when `parts` asks',
      markdown: '# One\n\n# Two\n\n## Sub\n\n# Three\n',
      options: { parts: true },
      errors: [
        { messageId: 'multiple', line: 3, column: 1 },
        { messageId: 'multiple', line: 7, column: 1 },
      ],
    },
    { name: 'no headings at all', markdown: 'Just text.\n', errors: [{ messageId: 'missing', line: 1, column: 1 }] },
  ],
});

describe('heading-title severities', () => {
  it('makes one stray `#` an error, and `#` parts nothing by default and warnings when `parts` asks', () => {
    const stray = lintWith(headingTitle, '# Orchard\n\n## Tools\n\n# Notes\n');
    expect(stray.map((d) => [d.start.line, d.severity])).toEqual([[5, 'error']]);
    const partsText = '# Orchard\n\n# Software\n\n## Tools\n\n# Resources\n\n## Books\n';
    expect(lintWith(headingTitle, partsText)).toEqual([]);
    const parts = lintWith(headingTitle, partsText, {}, { parts: true });
    expect(parts.map((d) => [d.start.line, d.severity])).toEqual([
      [3, 'warning'],
      [7, 'warning'],
    ]);
  });

  it('reads one extra `#` heading with `##` sections under it as a part, not a stray title', () => {
    expect(lintWith(headingTitle, '# Orchard\n\n## Tools\n\n# Resources\n\n## Books\n')).toEqual([]);
  });
});
