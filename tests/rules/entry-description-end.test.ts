import { describe, expect, it } from 'vitest';
import { entryDescriptionEnd } from '../../src/rules/entry-description-end.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

testRule(entryDescriptionEnd, {
  valid: [
    { name: 'a question or an exclamation ends a sentence as a period does', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Why wait?\n- [Beta](https://beta.dev) - Just build!\n' },
    { name: 'several endings allowed', style: { entry: { description: { end: ['.', '!', '?'] } } }, markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds!\n' },
    { name: 'any ending', style: { entry: { description: { end: 'any' } } }, markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds\n' },
    { name: 'ends with a URL', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Mirror at https://mirror.alpha.dev\n' },
    { name: 'ends with an emoji shortcode', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds :rocket:\n' },
    { name: 'ends with HTML', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds <sup>new</sup>\n' },
    { name: 'ends with an emoji', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds 🚀\n' },
    { name: 'quoted sentence', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Says "build fast."\n' },
    { name: 'no description', markdown: '# Tools\n\n- [Alpha](https://alpha.dev)\n' },
    { name: 'CRLF', markdown: '# Tools\r\n\r\n- [Alpha](https://alpha.dev) - Fast builds.\r\n' },
    { name: 'a note after the full stop', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds. [Deprecated]\n- [Beta](https://beta.dev) - Fast tests. (MIT)\n' },
    { name: 'full-width full stop', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - 高速なビルド。\n' },
    { name: 'none: ellipsis kept', style: { entry: { description: { end: 'none' } } }, markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds...\n' },
  ],
  invalid: [
    {
      name: 'ends with a link',
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Like [Make](https://make.dev)\n',
      // Reported, not fixed: many lists end a description with a link ("[PDF](url)") on purpose.
      errors: [{ messageId: 'missing', line: 3, column: 61 }],
    },
    {
      name: 'closing bracket after a word',
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds (MIT)\n',
      errors: [{ messageId: 'missing', line: 3, column: 49 }],
      output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds (MIT).\n',
    },
    {
      name: 'a comma is swapped',
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds,\n',
      errors: [{ messageId: 'unexpected', line: 3, column: 43 }],
      output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n',
    },
    {
      name: 'an exclamation mark is reported, not changed, when the style does not allow a period',
      style: { entry: { description: { end: [';'] } } },
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds!\n',
      errors: [{ messageId: 'unexpected', line: 3, column: 43 }],
      output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds!\n',
    },
    {
      name: 'trailing blanks are kept after the new full stop',
      markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds  \n- [Beta](https://beta.dev) - Fast tests.\n',
      errors: [{ messageId: 'missing', line: 3, column: 43 }],
      output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.  \n- [Beta](https://beta.dev) - Fast tests.\n',
    },
  ],
});

describe('a config asking for a period, on a list whose own convention is no final period', () => {
  const asked = { entry: { description: { end: ['.'] } } };
  const unpunctuated = Array.from({ length: 12 }, (_, i) => `- [Tool ${i}](https://tool${i}.dev) - Builds project ${i} fast`);
  const punctuated = Array.from({ length: 12 }, (_, i) => `- [Tool ${i}](https://tool${i}.dev) - Builds project ${i} fast.`);

  it('is still told, but --fix adds no mark it is not sure of', () => {
    const found = lintWith(entryDescriptionEnd, `# Tools\n\n${unpunctuated.join('\n')}\n`, asked);
    expect(found).toHaveLength(12);
    expect(found.every((d) => d.fix === undefined)).toBe(true);
  });

  it('gets the fix for its few slips when most entries end with the mark', () => {
    const text = `# Tools\n\n${[...punctuated.slice(1), unpunctuated[0]].join('\n')}\n`;
    const found = lintWith(entryDescriptionEnd, text, asked);
    expect(found).toHaveLength(1);
    expect(found[0]!.fix).toBeDefined();
  });
});

describe('zero config: the ending is learned from the list', () => {
  const unpunctuated = Array.from({ length: 12 }, (_, i) => `- [Tool ${i}](https://tool${i}.dev) - Builds project ${i} fast`);
  const punctuated = Array.from({ length: 12 }, (_, i) => `- [Tool ${i}](https://tool${i}.dev) - Builds project ${i} fast.`);

  it('says nothing on a list that never ends with a mark', () => {
    expect(lintWith(entryDescriptionEnd, `# Tools\n\n${unpunctuated.join('\n')}\n`)).toEqual([]);
  });

  it('reports the one stray period of an unpunctuated list, naming the evidence', () => {
    const text = `# Tools\n\n${[...unpunctuated.slice(1), punctuated[0]].join('\n')}\n`;
    const found = lintWith(entryDescriptionEnd, text);
    expect(found.map((d) => d.message)).toEqual(['Unexpected final `.`, expected no final punctuation as in 11 of 12 entries']);
  });

  it('says nothing when the list is evenly split', () => {
    const text = `# Tools\n\n${[...punctuated.slice(0, 6), ...unpunctuated.slice(6)].join('\n')}\n`;
    expect(lintWith(entryDescriptionEnd, text)).toEqual([]);
  });
});
