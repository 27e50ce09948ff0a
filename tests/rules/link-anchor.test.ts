import { describe, expect, it } from 'vitest';
import { linkAnchor } from '../../src/rules/link-anchor.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

const list = (body: string): string => `# Awesome Things\n\n${body}\n\n## Développement & Outils 🚀\n\n- [A](https://a.dev) - A.\n\n## Tools\n\n- [B](https://b.dev) - B.\n\n## Tools\n\n- [C](https://c.dev) - C.\n`;

testRule(linkAnchor, {
  valid: [
    { name: 'non-Latin and emoji heading', markdown: list('See [dev](#développement--outils-).') },
    { name: 'percent-encoded anchor', markdown: list('See [dev](#d%C3%A9veloppement--outils-).') },
    { name: 'repeated heading gets a suffix', markdown: list('See [more tools](#tools-1).') },
    { name: '#top and user-content- prefix', markdown: list('[Back to top](#top) or [tools](#user-content-tools).') },
    { name: 'explicit html anchor', markdown: '# List\n\n<a name="extra"></a>\n\nSee [extra](#extra).\n' },
    { name: 'external links with fragments are not checked', markdown: list('See [spec](https://example.com/#nowhere).') },
    {
      name: 'the ToC is left to toc-sections',
      markdown: '# List\n\n## Contents\n\n- [Tools](#tols)\n- [More](#more)\n\n## Tools\n\n- [A](https://a.dev) - A.\n\n## More\n\n- [B](https://b.dev) - B.\n',
    },
  ],
  invalid: [
    {
      name: 'repeat suffix that does not exist',
      markdown: list('See [even more](#tools-2).'),
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
    },
    {
      name: 'uppercase non-Latin anchor is lowered',
      markdown: list('See [dev](#Développement--Outils-).'),
      errors: [{ messageId: 'case', line: 3, column: 5 }],
      output: list('See [dev](#développement--outils-).'),
    },
  ],
});

describe('link-anchor details', () => {
  it('accepts a list of anchors to ignore', () => {
    const text = list('Jump to [footer](#footer).');
    expect(lintWith(linkAnchor, text)).toHaveLength(1);
    expect(lintWith(linkAnchor, text, {}, { ignore: ['footer'] })).toEqual([]);
  });
});
