import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { findSectionStarts, parseAtStarts, parseBySections, SECTION_PARSE_MIN_CHARS } from '../../src/markdown/parse-sections.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { generateList } from '../bench/generate.js';
import { digestTree, loadFrozenCorpus, loadRepositoryDocuments } from './parse-corpus/corpus.js';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();
const parse = (text: string): Root => processor.parse(text);

/** Every column-0 ATX heading line after the first line: where a naive splitter would cut. */
function naiveStarts(text: string): number[] {
  return [...text.matchAll(/(?<=\n|\r)#{1,6}(?=[ \t\r\n]|$)/g)].map((m) => m.index);
}

/** Each case has a heading line a naive split would wrongly cut at. */
const FALLBACK_CASES: Record<string, string> = {
  'link reference defined in another section': '# A\n\n- [x][ref] - X.\n\n# B\n\n[ref]: https://x.example\n',
  'footnote defined in another section': '# A\n\nText[^n].\n\n# B\n\n[^n]: Note.\n',
  'fenced code holding a heading line': '# A\n\n```md\n# not a heading\n- item\n```\n\n# B\n',
  'tilde fence holding a heading line': '# A\n\n~~~\n# inside\n~~~\n',
  'unclosed fence to the end': '# A\n\n```\n# inside\n\ntext\n',
  'HTML comment across a heading line': '# A\n\n<!--\n# hidden\n-->\n\n# B\n',
  'HTML block with no blank line before a heading line': '# A\n\n<div>\n# inside html\n</div>\n',
  'raw HTML block across blank lines': '# A\n\n<pre>\n\n# inside pre\n\n</pre>\n',
  'processing instruction across a heading line': '# A\n\n<?x\n# inside\n?>\n',
};

/** Cases where cutting is right, with containers and CRLF around the cut. */
const SPLIT_CASES: Record<string, string> = {
  'list then heading without blank line': '# A\n- a\n  lazy\n# B\n- b\n',
  'quote then heading': '# A\n> quote\n# B\n> other\n',
  'table then heading': '# A\n\n| a |\n| - |\n| b |\n# B\n',
  'CRLF endings': '# A\r\n\r\n- [a](https://a.example) - A.\r\n\r\n## B\r\n\r\n- b\r\n',
  'CR endings': '# A\r\r- a\r## B\r- b\r',
  'one-line HTML comment before a heading': '# A\n\n<!-- note -->\n# B\n\ntext\n',
  'no trailing newline': '# A\n\ntext\n\n## B\n\nlast',
  'setext heading inside a section': '# A\n\nTitle\n=====\n\n# B\n\nSub\n---\n',
};

function expectSameTree(text: string, name: string): void {
  const split = parseBySections(text, parse);
  if (split) expect(digestTree(split), name).toBe(digestTree(parse(text)));
}

describe('section-by-section parsing', () => {
  it('gives the whole-file tree for our lists, fixtures, generated lists and tricky documents', () => {
    const documents = [...loadRepositoryDocuments(), ...loadFrozenCorpus()];
    let splitCount = 0;
    for (const { name, text } of documents) {
      expectSameTree(text, name);
      if (parseBySections(text, parse)) splitCount++;
    }
    // Our lists and every generated list must really be split, or this proves nothing.
    expect(splitCount).toBeGreaterThanOrEqual(8);
    // Parses every document twice (whole and by sections): several seconds of work, more on a busy CI machine.
  }, 120_000);

  it('cuts where a heading closes everything open, and the tree is the same', () => {
    for (const [name, text] of Object.entries(SPLIT_CASES)) {
      expect(findSectionStarts(text), name).toEqual(naiveStarts(text));
      expect(naiveStarts(text).length, name).toBeGreaterThan(0);
      expect(digestTree(parseBySections(text, parse)!), name).toBe(digestTree(parse(text)));
    }
  });

  it('never cuts where a construct spans a heading line (a naive cut would change the tree)', () => {
    for (const [name, text] of Object.entries(FALLBACK_CASES)) {
      const whole = digestTree(parse(text));
      expect(digestTree(parseAtStarts(text, naiveStarts(text), parse)), `${name}: naive cut`).not.toBe(whole);
      const starts = findSectionStarts(text);
      if (starts !== undefined) expect(starts.every((start) => naiveStarts(text).includes(start)) && starts.length < naiveStarts(text).length, name).toBe(true);
      expectSameTree(text, name);
    }
  });

  it('is what parseMarkdown uses on large documents, with the same tree', () => {
    const text = generateList(1_500, { seed: 7 });
    expect(text.length).toBeGreaterThan(SECTION_PARSE_MIN_CHARS);
    expect(findSectionStarts(text)!.length).toBeGreaterThan(10);
    expect(digestTree(parseMarkdown(text))).toBe(digestTree(parse(text)));
  });
});
