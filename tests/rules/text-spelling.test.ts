import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textSpelling } from '../../src/rules/text-spelling.js';
import { nameSpelling } from '../../src/rules/name-spelling.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

const read = (name: string): string => readFileSync(new URL(`../fixtures/lists/${name}`, import.meta.url), 'utf8');

testRule(textSpelling, {
  valid: [
    { name: 'British spellings', markdown: '# Colour Tools\n\n- [Alpha](https://alpha.dev) - Organises colours and behaviour.\n' },
    { name: 'words inside multi-word code spans', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Runs `tool --recieve now` daily.\n' },
    { name: 'identifiers and acronyms', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Wraps useEfect and SQLALCHEMYY calls.\n' },
    { name: 'emoji shortcodes', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Done :heavy_chek_mark: today.\n' },
    { name: 'other scripts and accents', markdown: '# Tools\n\n- [Пиксели](https://alpha.dev) - Работает с изображениями, Tufão included.\n' },
    { name: 'words a URL of the list spells', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Built on grafanna.\n- [Grafanna](https://github.com/org/grafanna-server) - Server.\n' },
    { name: 'link texts used twice', markdown: '# Tools\n\n- [Kubeflw Tips](https://a.dev/x) - Tips.\n- [Kubeflw Tips](https://b.dev/y) - More tips.\n' },
    { name: 'a word the list writes more than once', markdown: '# Tools\n\n- [Alpha](https://a.dev) - Reads stepfle files.\n- [Beta](https://b.dev) - Writes stepfle files.\n' },
    { name: 'people named in a description', markdown: '# Books\n\n- [Pixels](https://a.dev) - Notes by Alex Smolak and Emden R. Gansnerr.\n' },
    { name: 'a name alone as a link text', markdown: '# Tools\n\n- [Tetrix](https://a.dev/games/1) - A game.\n' },
    { name: 'inflections the word lists lack', markdown: '# Tools\n\n- [Alpha](https://a.dev) - Sends webhookss and parameterizing hints.\n' },
    { name: 'words of two dictionary words run together', markdown: '# Tools\n\n- [Alpha](https://a.dev) - A filelock helper.\n' },
  ],
  invalid: [
    {
      name: 'a slip beside an unknown word is still reported when that word is a slip too',
      markdown: '# Tools\n\n- [Alpha](https://a.dev) - Highly inpired and beatiful.\n',
      errors: [
        { messageId: 'misspelt', line: 3, column: 35 },
        { messageId: 'misspelt', line: 3, column: 47 },
      ],
    },
    {
      name: 'a capitalised slip inside a link text its URL spells right',
      markdown: '# Tools\n\n- [Data Mesh Archtitecture](https://notes.example/mesh-architecture) - Notes.\n',
      errors: [{ messageId: 'misspelt', line: 3, column: 14 }],
    },
    {
      name: 'more than one near word',
      markdown: '# Tools\n\n- [Alpha](https://a.dev) - Checks the comand line.\n',
      errors: [{ messageId: 'ambiguous', line: 3, column: 39 }],
    },
  ],
});

describe('text-spelling on a whole list', () => {
  const markdown = read('spelling-idioms.md');

  it('reports each slip once, with its table-of-contents copy as a related place', () => {
    const found = lintWith(textSpelling, markdown);
    expect(found.map((d) => [d.start.line, d.start.column, d.actual, d.expected])).toEqual([
      [15, 11, 'Archtitecture', ['Architecture']],
      [27, 4, 'Continous', ['Continuos', 'Continuous']],
      [29, 54, 'piplines', ['pipelines']],
      [30, 62, 'comand', ['command', 'compand']],
    ]);
    expect(found[1]!.related?.map((related) => related.start.line)).toEqual([9]);
  });

  it('never suggests a fix: a dictionary suggestion is not certain', () => {
    expect(lintWith(textSpelling, markdown).every((d) => d.fix === undefined)).toBe(true);
  });

  it('suggests the near word in the casing of the slip', () => {
    const [diagnostic] = lintWith(textSpelling, '# Piplines\n\n- [Alpha](https://a.dev) - Runs.\n');
    expect(diagnostic?.message).toBe('Unexpected `Piplines`, expected `Pipelines`');
  });
});

describe('name-spelling on the same list', () => {
  it('takes no dictionary word or lower-case project name for a typo of a name', () => {
    expect(lintWith(nameSpelling, read('spelling-idioms.md')).map((d) => `${d.start.line}:${d.start.column} ${d.message}`)).toEqual([]);
  });
});
