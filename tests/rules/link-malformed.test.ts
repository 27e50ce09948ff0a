import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { linkMalformed } from '../../src/rules/link-malformed.js';
import { MASK, maskedBlocks, maskedBlocksToScan } from '../../src/rules/utils/link-source.js';
import type { ListDocument } from '../../src/markdown/types.js';
import { styleSchema } from '../../src/config/style-schema.js';
import { fixWith, lintWith, testRule } from '../helpers/rule-tester.js';

testRule(linkMalformed, {
  valid: [
    { name: 'parenthesised link', markdown: '- [A](https://a.dev) - Fast (via [B](https://b.dev)).\n' },
    { name: 'Wikipedia URL with parentheses', markdown: '- [Bar](https://en.wikipedia.org/wiki/Bar_(band)) - A band.\n' },
    { name: 'escaped brackets', markdown: '- [A](https://a.dev) - Uses \\[x\\](y) notation.\n' },
    { name: 'reference links with a definition', markdown: '- [A][a] - A.\n\n[a]: https://a.dev\n' },
    { name: 'task list and footnote', markdown: '- [ ] [A](https://a.dev) - A.[^1]\n\n[^1]: See [B](https://b.dev).\n' },
    { name: 'brackets in text without links', markdown: '- [A](https://a.dev) - Supports `Array[T]` and [beta] builds (soon).\n' },
    { name: 'relative and anchor targets', markdown: '- [Guide](docs/guide.md) - See [below](#usage).\n' },
    { name: 'text link named like a domain is fine', markdown: '- [example.com](https://example.com) - An example.\n' },
    { name: 'image with empty alt', markdown: '- [A](https://a.dev) ![](https://a.dev/logo.png) - A.\n' },
  ],
  invalid: [
    {
      name: 'www label is reported but not rewritten',
      markdown: '- [A][www.a.dev] - A.\n',
      errors: [{ messageId: 'referenceUrl', line: 1, column: 3 }],
      output: '- [A][www.a.dev] - A.\n',
    },
    {
      name: 'placeholder target',
      markdown: '- [A](#) - A.\n',
      errors: [{ messageId: 'empty', line: 1, column: 3 }],
    },
    {
      name: 'space in a heading link, CRLF',
      markdown: '# List\r\n\r\n## [Tools] (https://tools.dev)\r\n\r\n- [A](https://a.dev) - A.\r\n',
      errors: [{ messageId: 'spaced', line: 3, column: 4 }],
      output: '# List\r\n\r\n## [Tools](https://tools.dev)\r\n\r\n- [A](https://a.dev) - A.\r\n',
    },
    {
      name: 'stray bracket before a link',
      markdown: '- [[A](https://a.dev) - A.\n',
      errors: [{ messageId: 'unbalanced', line: 1, column: 3 }],
    },
    {
      name: 'space inside the URL',
      markdown: '- [A](https://a.dev/some page) - A.\n',
      errors: [{ messageId: 'unbalanced', line: 1, column: 3 }],
    },
  ],
});

const fakeDoc = (text: string): ListDocument => {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
  return { text, tree, lineStarts: [0] } as unknown as ListDocument;
};

describe('maskedBlocks', () => {
  it('masks code, parsed links and escapes but keeps literal URLs', () => {
    const [block] = maskedBlocks(fakeDoc('See `a](b` and [x](y) or \\] at https://a.dev.'));
    expect(block?.text).toBe(`See ${MASK.repeat(6)} and ${MASK.repeat(6)} or ${MASK.repeat(2)} at https://a.dev.`);
    expect(block?.links).toEqual([{ start: 15, end: 21 }]);
  });

  it('finds paragraphs in lists, quotes and tables, not in code blocks', () => {
    const blocks = maskedBlocks(fakeDoc('> - item\n\n| a |\n| - |\n| b |\n\n```\n[x] (y)\n```\n'));
    // Table cells span their pipes in mdast; pipes never look like link syntax.
    expect(blocks.map((b) => b.text)).toEqual(['item', '| a |', '| b |']);
  });

  it('leaves out only blocks where no `]`, and no `)` or `[` next to a link, stays visible', () => {
    const markdown = [
      '- [Plain](https://a.dev) - Text (with parens) and `code]`.',
      '- [Stray](https://a.dev)) - Extra parenthesis.',
      '- [[Open](https://a.dev) - Extra bracket.',
      '- [Close] (https://a.dev) - Spaced.',
      '- Escaped \\] bracket.',
      '- ![badge](https://img.shields.io/x) [Name](https://a.dev) - Badge first.',
    ].join('\n');
    const all = maskedBlocks(fakeDoc(markdown));
    const scanned = maskedBlocksToScan(fakeDoc(markdown));
    expect(all).toHaveLength(6);
    // Escapes are masked only when a block's text is built, so an escaped `]` still keeps its block (conservative).
    expect(scanned).toEqual([all[1], all[2], all[3], all[4]]);
  });
});

describe('link-malformed details', () => {
  it('keeps balanced parentheses when rewriting a reference label', () => {
    expect(fixWith(linkMalformed, '- [Bar][https://en.wikipedia.org/wiki/Bar_(band)] - A band.\n')).toBe(
      '- [Bar](https://en.wikipedia.org/wiki/Bar_(band)) - A band.\n',
    );
  });

  it('reports exactly the malformed 1 MB hostile lines', () => {
    // The tree is built by hand: micromark itself is slow on some of these lines, and only the rule is timed here.
    const cases: Array<[string, boolean]> = [['](', true], ['][https://', true], ['] (https://', false], ['[', false], ['\\[', false]];
    for (const [unit, isReported] of cases) {
      const line = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const text = `${line}\n`;
      const at = (offset: number) => ({ line: 1, column: offset + 1, offset });
      const position = { start: at(0), end: at(line.length) };
      const tree = { type: 'root', children: [{ type: 'paragraph', position, children: [{ type: 'text', value: line, position }] }] };
      const doc = { text, tree, lineStarts: [0, text.length], entries: [], links: [] } as unknown as ListDocument;
      let reports = 0;
      linkMalformed.check({ doc, style: styleSchema.parse({}), options: {}, evidence: () => '', report: () => reports++ });
      expect(reports > 0).toBe(isReported);
    }
  });
});
