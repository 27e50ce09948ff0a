// Parsing: BOM and line endings, the nesting guard, and inputs that must not crash or crawl.
import { describe, expect, it } from 'vitest';
import { LintListsError } from '../../src/errors.js';
import { buildListModel } from '../../src/markdown/list-model.js';
import { checkNesting, MAX_NESTING_DEPTH, parseMarkdown, prepareText } from '../../src/markdown/parse.js';
import { styleSchema } from '../../src/config/style-schema.js';

const style = styleSchema.parse({});

function errorOf(run: () => unknown): LintListsError {
  try {
    run();
  } catch (error) {
    if (error instanceof LintListsError) return error;
    throw error;
  }
  throw new Error('expected a LintListsError');
}

describe('prepareText', () => {
  it('strips a BOM and finds the dominant line ending', () => {
    expect(prepareText('\uFEFFa\r\nb\r\nc\n')).toEqual({ text: 'a\r\nb\r\nc\n', hasBom: true, eol: '\r\n' });
    expect(prepareText('a\nb\r\n')).toEqual({ text: 'a\nb\r\n', hasBom: false, eol: '\n' });
    expect(prepareText('no line end').eol).toBe('\n');
  });
});

describe('nesting guard', () => {
  it('rejects 10,000 nested block quotes with a located error, not a crash', () => {
    const error = errorOf(() => buildListModel('deep.md', `intro\n\n${'>'.repeat(10_000)} x\n`, style));
    expect(error.code).toBe('INPUT_UNREADABLE');
    expect(error.message).toBe(`deep.md:3:${MAX_NESTING_DEPTH + 1}: Markdown nested ${MAX_NESTING_DEPTH + 1} levels deep (limit ${MAX_NESTING_DEPTH}); flatten the quotes or lists`);
  });

  it('rejects 10,000 nested list levels, on separate lines or on one', () => {
    let lines = '';
    for (let depth = 0; depth < 10_000; depth++) lines += `${'  '.repeat(depth)}- x\n`;
    const error = errorOf(() => buildListModel('lists.md', lines, style));
    expect(error.code).toBe('INPUT_UNREADABLE');
    expect(error.message).toMatch(/^lists\.md:101:\d+: Markdown nested 101 levels deep/);
    expect(errorOf(() => parseMarkdown(`${'- '.repeat(10_000)}x\n`, 'one.md')).message).toMatch(/^one\.md:1:\d+: /);
    expect(errorOf(() => parseMarkdown(`${'> - '.repeat(60)}x\n`, 'mixed.md')).code).toBe('INPUT_UNREADABLE');
  });

  it('accepts ordinary nesting and closes items when indentation drops', () => {
    const nested = `${Array.from({ length: 20 }, (_, depth) => `${'  '.repeat(depth)}- x`).join('\n')}\n`;
    expect(() => checkNesting(nested, 'ok.md')).not.toThrow();
    // 150 top-level items in a row are 150 siblings, not 150 levels.
    expect(() => checkNesting('- a\n'.repeat(150), 'flat.md')).not.toThrow();
    // Deep again after a blank line and an unindented paragraph: the count starts over.
    const twice = `${nested}\nParagraph.\n\n${nested}`.repeat(8);
    expect(() => checkNesting(twice, 'twice.md')).not.toThrow();
    // Lines of a fenced code block are literal text.
    expect(() => checkNesting(`\`\`\`text\n${'>'.repeat(500)}\n\`\`\`\n\n> quoted\n`, 'fence.md')).not.toThrow();
    expect(() => checkNesting(`~~~~\n~~~\n${'>'.repeat(500)}\n~~~~\n`, 'tilde.md')).not.toThrow();
    expect(() => checkNesting(`\`\`\`\nx\n\`\`\`\n${'>'.repeat(500)}\n`, 'after.md')).toThrow(LintListsError);
    expect(buildListModel('ok.md', nested, style).entries.map((entry) => entry.depth)).toEqual(Array.from({ length: 20 }, (_, depth) => depth));
  });
});

describe('hostile single lines', () => {

  it('scans 1 MB of unclosed HTML tags and finds no link', () => {
    const html = `<div ${'<a href=x '.repeat(100_000)}`;
    const doc = buildListModel('tags.md', html, style);
    expect(doc.links).toEqual([]);
  });
});

describe('positions of nodes split off by the GFM autolink transform', () => {
  it('are recovered from the source, so links never point at 1:1', async () => {
    const { parseMarkdown: parse } = await import('../../src/markdown/parse.js');
    const text = '# T\n\n- [Name][https://a.example/x] and www.b.example too\n';
    const tree = parse(text);
    const links: Array<{ url: string; offset: number | undefined }> = [];
    const stack: unknown[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop() as { type: string; url?: string; position?: { start: { offset?: number } }; children?: unknown[] };
      if (node.type === 'link') links.push({ url: node.url!, offset: node.position?.start.offset });
      if (node.children) stack.push(...node.children);
    }
    expect(links.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0))).toEqual([
      { url: 'https://a.example/x', offset: text.indexOf('https://a.example/x') },
      { url: 'http://www.b.example', offset: text.indexOf('www.b.example') },
    ]);
  });
});
