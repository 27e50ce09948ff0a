import { describe, expect, it } from 'vitest';
import { entryDescriptionCase } from '../../src/rules/entry-description-case.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

testRule(entryDescriptionCase, {
  valid: [
    { name: 'Georgian has no sentence-initial capitals', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - ქართული ხელსაწყო.\n' },
    { name: 'a word after a symbol is written as meant', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - ~tilde expands paths.\n' },
    { name: 'a name the entry URL spells in lower case', markdown: '# Tools\n\n- [Alibi Detect](https://github.com/acme/alibi-detect) - alibi-detect finds drift.\n' },
    { name: 'a name a link of the entry spells in lower case', markdown: '# Tools\n\n- [Engine](https://engine.dev) - sklearn compatible, see [sklearn](https://sk.dev).\n' },
    { name: 'an attribution after the link', markdown: '# Tools\n\n- [Orchard Book](https://orchard.dev) by Ida Brand.\n' },
    { name: 'own lower-case name', markdown: '# Tools\n\n- [npm-check](https://github.com/a/npm-check) - npm-check finds outdated packages.\n' },
    { name: 'a lower-case link text elsewhere in the list', markdown: '# Tools\n\n- [pandas](https://pandas.pydata.org) - Data frames.\n- [Alpha](https://alpha.dev) - pandas helpers.\n' },
    { name: 'inner capitals', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - eBay and macOS helpers.\n' },
    { name: 'starts with a digit', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - 3D builds.\n' },
    { name: 'starts with a URL', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - https://alpha.dev mirror.\n' },
    { name: 'starts with a link', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - [docs](https://alpha.dev/docs) included.\n' },
    { name: 'starts with an emoji', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - 🚀 fast builds.\n' },
    { name: 'non-Latin script', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - 高速なビルド。\n' },
    { name: 'an identifier', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - node.js helpers.\n' },
    { name: 'any case', style: { entry: { description: { case: 'any' } } }, markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - fast builds.\n' },
    { name: 'lower-case style keeps names', style: { entry: { description: { case: 'lower' } } }, markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Python bindings; API first.\n- [Beta](https://beta.dev) - API client.\n' },
  ],
  invalid: [
    {
      name: 'after emphasis and a quote',
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - *"fast"* builds.\n',
      errors: [{ messageId: 'upper', line: 3, column: 34 }],
      output: '# Tools\n\n- [Alpha](https://alpha.dev) - *"Fast"* builds.\n',
    },
    {
      name: 'a hyphenated word',
      markdown: '# Tools\r\n\r\n- [Alpha](https://alpha.dev) - open-source builds.\r\n',
      // Reported, not fixed: a hyphenated lower-case word is often a project name (`alibi-detect`).
      errors: [{ messageId: 'upper', line: 3, column: 32 }],
    },
    {
      name: 'lower-case style, not a known word: reported without a fix',
      style: { entry: { description: { case: 'lower' } } },
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Blazing builds.\n',
      errors: [{ messageId: 'lower', line: 3, column: 32 }],
      output: '# Tools\n\n- [Alpha](https://alpha.dev) - Blazing builds.\n',
    },
  ],
});

describe('a list whose own convention is lower-case descriptions', () => {
  const entries = Array.from({ length: 12 }, (_, i) => `- [Tool ${i}](https://tool${i}.dev) - builds project ${i} fast.`);

  it('under a config asking for capitals, is still told, but --fix re-cases nothing it is not sure of', () => {
    const found = lintWith(entryDescriptionCase, `# Tools\n\n${entries.join('\n')}\n`, { entry: { description: { case: 'upper' } } });
    expect(found).toHaveLength(12);
    expect(found.every((d) => d.fix === undefined)).toBe(true);
  });

  it('with zero config, reports only the one capitalised slip, naming the evidence', () => {
    const text = `# Tools\n\n${[...entries.slice(1), '- [Tool 0](https://tool0.dev) - Builds project 0 fast.'].join('\n')}\n`;
    expect(lintWith(entryDescriptionCase, text).map((d) => d.message)).toEqual(['Unexpected upper-case `Builds`, expected `builds` as in 11 of 12 entries']);
  });
});

describe('re-casing only words the list itself capitalises', () => {
  const described = Array.from({ length: 12 }, (_, i) => `- [Tool ${i}](https://tool${i}.example.org) - Plots project ${i} fast.`);
  const text = (line: string) => `# Tools\n\n${[...described, line].join('\n')}\n`;

  it('reports a lower-case word no description starts with, without a fix (it may be a name)', () => {
    const [found] = lintWith(entryDescriptionCase, text('- [Plotter](https://plotter.example.org) - gnuplotter front end for shells.'));
    expect(found?.actual).toBe('gnuplotter');
    expect(found?.fix).toBeUndefined();
  });

  it('fixes a word other descriptions of the list capitalise', () => {
    const [found] = lintWith(entryDescriptionCase, text('- [Plotter](https://plotter.example.org) - plots charts in a shell.'));
    expect(found?.fix).toBeDefined();
  });
});
