// Entry anatomy on one-line lists: markers, separators, descriptions, extras, shapes, lazy lines.
import { describe, expect, it } from 'vitest';
import { at, expectConsistent, model } from './model-helpers.js';

function entryOf(markdown: string) {
  const doc = model(markdown);
  expectConsistent(doc);
  const entry = doc.entries[0];
  if (!entry) throw new Error('no entry');
  return entry;
}

describe('separators', () => {
  it.each([
    ['- [A](https://a.dev) - Alpha.', ' - '],
    ['- [A](https://a.dev) – Alpha.', ' – '],
    ['- [A](https://a.dev) — Alpha.', ' — '],
    ['- [A](https://a.dev) -- Alpha.', ' -- '],
    ['- [A](https://a.dev): Alpha.', ': '],
    ['- [A](https://a.dev) : Alpha.', ' : '],
    ['- [A](https://a.dev)- Alpha.', '- '],
    ['- [A](https://a.dev)  -  Alpha.', '  -  '],
  ])('%s → separator %j', (markdown, separator) => {
    const entry = entryOf(`${markdown}\n`);
    expect(entry.separator?.text).toBe(separator);
    expect(entry.description?.text).toBe('Alpha.');
    expect(entry.shape).toBe('link-description');
  });

  it('has no separator when the description follows a space', () => {
    const entry = entryOf('- [A](https://a.dev) is a tool.\n');
    expect(entry.separator).toBeUndefined();
    expect(entry.description?.text).toBe('is a tool.');
    expect(at(entry.description?.range)).toBe('1:22');
  });

  it('keeps a dangling separator without description', () => {
    const entry = entryOf('- [A](https://a.dev) -\n');
    expect(entry.separator?.text).toBe(' -');
    expect(entry.description).toBeUndefined();
    expect(entry.shape).toBe('link');
  });
});

describe('extras', () => {
  it('puts badges between link and separator into extras', () => {
    const entry = entryOf('- [A](https://a.dev) ![s](https://img.shields.io/s) [![b](https://badgen.net/b)](https://x.dev) - Alpha.\n');
    expect(entry.extras.map((extra) => `${extra.kind} ${extra.span.text}`)).toEqual([
      'badge ![s](https://img.shields.io/s)',
      'badge [![b](https://badgen.net/b)](https://x.dev)',
    ]);
    expect(entry.separator?.text).toBe(' - ');
    expect(entry.description?.text).toBe('Alpha.');
  });

  it('takes a second link before the separator as a link extra', () => {
    const entry = entryOf('- [A](https://a.dev) [docs](https://docs.a.dev) - Alpha.\n');
    expect(entry.extras.map((extra) => `${extra.kind} ${extra.link?.url}`)).toEqual(['link https://docs.a.dev']);
    expect(entry.link?.text).toBe('A');
  });

  it('moves a note after a finished sentence out of the description, but not one inside it', () => {
    const noted = entryOf('- [A](https://a.dev) - Alpha tool. (Paid)\n');
    expect(noted.description?.text).toBe('Alpha tool.');
    expect(noted.extras.map((extra) => `${extra.kind} ${extra.span.text}`)).toEqual(['note (Paid)']);
    const inner = entryOf('- [A](https://a.dev) - Alpha tool (in Rust).\n');
    expect(inner.description?.text).toBe('Alpha tool (in Rust).');
    expect(inner.extras).toEqual([]);
  });

  it('keeps secondary links of the description in links', () => {
    const entry = entryOf('- [A](https://a.dev) - Port of [B](https://b.dev).\n');
    expect(entry.description?.text).toBe('Port of [B](https://b.dev).');
    expect(entry.links.map((link) => link.text)).toEqual(['A', 'B']);
    expect(entry.extras).toEqual([]);
  });
});

describe('shapes and prefixes', () => {
  it('reads text entries, with or without a separator', () => {
    expect(entryOf('- Apache Nifi\n').shape).toBe('text');
    const split = entryOf('- AWS SageMaker - cloud platform\n');
    expect(split.shape).toBe('text');
    expect(split.separator?.text).toBe(' - ');
    expect(split.description?.text).toBe('cloud platform');
    const worded = entryOf('- Apache Nifi ([docs](https://nifi.dev))\n');
    expect(worded.shape).toBe('text');
    expect(worded.link).toBeUndefined();
    expect(worded.links).toHaveLength(1);
  });

  it('reads bare URLs', () => {
    const entry = entryOf('- https://a.dev - Alpha.\n');
    expect(entry.shape).toBe('bare-url');
    expect(entry.link?.syntax).toBe('bare');
    expect(entry.description?.text).toBe('Alpha.');
  });

  it('finds a link wrapped in strong emphasis', () => {
    const entry = entryOf('- **[A](https://a.dev)** - Alpha.\n');
    expect(entry.link?.text).toBe('A');
    expect(entry.tag).toBeUndefined();
    expect(entry.separator?.text).toBe(' - ');
  });

  it('reads strong and emoji tags', () => {
    expect(entryOf('- **Tool** [A](https://a.dev) - Alpha.\n').tag?.text).toBe('**Tool**');
    const emoji = entryOf('- ⭐ [A](https://a.dev) - Alpha.\n');
    expect(emoji.tag?.text).toBe('⭐');
    expect(emoji.shape).toBe('link-description');
  });

  it('reads markers of ordered lists and skips task checkboxes', () => {
    const ordered = entryOf('1. [A](https://a.dev) - Alpha.\n2) [B](https://b.dev)\n');
    expect(ordered.marker?.text).toBe('1.');
    expect(ordered.ordered).toBe(true);
    const task = entryOf('- [x] [A](https://a.dev) - Alpha.\n');
    expect(task.link?.text).toBe('A');
    expect(task.shape).toBe('link-description');
  });
});

describe('descriptions in following blocks', () => {
  it('takes a following paragraph inside the item', () => {
    const entry = entryOf('- [A](https://a.dev)\n\n  Alpha does things.\n');
    expect(entry.descriptionPlacement).toBe('paragraph');
    expect(entry.description?.text).toBe('Alpha does things.');
    expect(at(entry.description?.range)).toBe('3:3');
  });

  it('takes a paragraph after a one-item list, but not after a longer list', () => {
    expect(entryOf('- [A](https://a.dev)\n\nAlpha does things.\n').description?.text).toBe('Alpha does things.');
    const doc = model('- [A](https://a.dev)\n- [B](https://b.dev)\n\nIntro.\n');
    expect(doc.entries.map((entry) => entry.description)).toEqual([undefined, undefined]);
  });

  it('takes an indented code block inside the item', () => {
    const entry = entryOf('- [A](https://a.dev)\n\n  ```\n  alpha --help\n  ```\n');
    expect(entry.descriptionPlacement).toBe('code');
    expect(entry.description?.text).toBe('  alpha --help');
  });
});

describe('lazy lines', () => {
  it('lists unindented continuation lines of the first paragraph', () => {
    const doc = model('- [A](https://a.dev) - Alpha\n  continues here.\n- [B](https://b.dev) - Beta.\n[C](https://c.dev) - lost its bullet.\n');
    expect(doc.entries.map((entry) => entry.lazyLines.map((line) => line.text))).toEqual([[], ['[C](https://c.dev) - lost its bullet.']]);
    expect(at(doc.entries[1]?.lazyLines[0]?.range)).toBe('4:1');
    expect(doc.entries[1]?.description?.text).toBe('Beta.\n[C](https://c.dev) - lost its bullet.');
    expectConsistent(doc);
  });

  it('does not count quote marks as missing indentation', () => {
    const doc = model('> - [A](https://a.dev) - Alpha\n>   continues.\n> lazy.\n');
    expect(doc.entries[0]?.lazyLines.map((line) => line.text)).toEqual(['> lazy.']);
  });
});

describe('entries that start with words, not a link', () => {
  it('never take a separator from inside a link or code span', async () => {
    const { buildListModel: build } = await import('../../src/markdown/list-model.js');
    const { styleSchema: schema } = await import('../../src/config/style-schema.js');
    const md = '# T\n\n- Cloud comparison [Convergence: ML blog](https://a.example/x)\n- Tool `a: b` - Does things.\n';
    const [first, second] = build('a.md', md, schema.parse({})).entries;
    expect(first?.shape).toBe('text');
    expect(first?.separator).toBeUndefined();
    expect(second?.separator?.text).toBe(' - ');
    expect(second?.description?.text).toBe('Does things.');
  });
});
