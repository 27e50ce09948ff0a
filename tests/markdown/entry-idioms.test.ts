// Real entry idioms read into their parts: secondary links, tags, notes, icons, roles of non-entry bullets, titles.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectConsistent, model } from './model-helpers.js';
import type { Entry } from '../../src/markdown/types.js';

const idioms = readFileSync(new URL('../fixtures/lists/entry-idioms.md', import.meta.url), 'utf8');

function entryOf(markdown: string): Entry {
  const doc = model(markdown);
  expectConsistent(doc);
  const entry = doc.entries[0];
  if (!entry) throw new Error('no entry');
  return entry;
}

/** The parts of an entry in one comparable line. */
function parts(entry: Entry): Record<string, unknown> {
  return {
    role: entry.role,
    link: entry.link?.text,
    separator: entry.separator?.text,
    description: entry.description?.text,
    extras: entry.extras.map((extra) => `${extra.kind} ${extra.span.text}`),
    secondary: entry.secondaryLinks.map((link) => link.url),
  };
}

describe('entry idioms', () => {
  it('reads a bracketed secondary link before the separator', () => {
    expect(parts(entryOf('- [Vane](https://vane.example) [[vane-rs](https://crates.example/vane)] - Points into the wind.\n'))).toEqual({
      role: 'resource',
      link: 'Vane',
      separator: ' - ',
      description: 'Points into the wind.',
      extras: ['link [[vane-rs](https://crates.example/vane)]'],
      secondary: ['https://crates.example/vane'],
    });
  });

  it('reads code-span markers before the separator and code-span tags after a finished description', () => {
    const entry = entryOf('- [Lock](https://lock.example) `⚠` - Guards the gate. ([Demo](https://demo.example)) `GPL-3.0` `Go`\n');
    expect(parts(entry)).toMatchObject({
      separator: ' - ',
      description: 'Guards the gate.',
      extras: ['tag `⚠`', 'note ([Demo](https://demo.example))', 'tag `GPL-3.0`', 'tag `Go`'],
      secondary: ['https://demo.example'],
    });
    expect(entry.tags.map((tag) => tag.text)).toEqual(['`⚠`', '`GPL-3.0`', '`Go`']);
  });

  it('keeps a code span that starts the description in it', () => {
    expect(parts(entryOf('- [Gen](https://gen.example) `gen` writes build files from templates.\n'))).toMatchObject({
      separator: undefined,
      description: '`gen` writes build files from templates.',
    });
  });

  it.each([
    ['- [Bolt](https://bolt.example) :zap: - Speeds up the loop.\n', 'tag :zap:', ' - ', 'Speeds up the loop.'],
    ['- [Lens](https://lens.example) :camera: Takes pictures of state\n', 'tag :camera:', undefined, 'Takes pictures of state'],
    ['- [Guide](https://guide.example) 💲\n', 'tag 💲', undefined, undefined],
    ['- [Old Tool](https://old.example) - Used to work. **[Deprecated]**\n', 'tag **[Deprecated]**', ' - ', 'Used to work.'],
    ['- [Chat](https://chat.example) - A meeting place. *(Finnish)*\n', 'note *(Finnish)*', ' - ', 'A meeting place.'],
    ['- [Json](https://json.example) - A parser. [Apache-2.0]\n', 'tag [Apache-2.0]', ' - ', 'A parser.'],
    ['- [Book](https://book.example/b.pdf) (PDF, EPUB)\n', 'note (PDF, EPUB)', undefined, undefined],
  ])('%s', (markdown, extra, separator, description) => {
    const entry = entryOf(markdown);
    expect(entry.extras.map((found) => `${found.kind} ${found.span.text}`)).toEqual([extra]);
    expect(entry.separator?.text).toBe(separator);
    expect(entry.description?.text).toBe(description);
  });

  it('reads a trailing link after a finished sentence as a secondary link', () => {
    const entry = entryOf('- [Mill](https://mill.example) - Grinds data. [site](https://mill.example/site)\n');
    expect(entry.description?.text).toBe('Grinds data.');
    expect(entry.secondaryLinks.map((link) => link.url)).toEqual(['https://mill.example/site']);
  });

  it('reads one bracketed link as the entry link, not a group', () => {
    const entry = entryOf('- [[sail-rs](https://crates.example/sail-rs)] - A sail planner.\n');
    expect(entry.shape).toBe('link-description');
    expect(entry.group).toBeUndefined();
    expect(entry.link?.url).toBe('https://crates.example/sail-rs');
    expect(entry.description?.text).toBe('A sail planner.');
  });

  it('reads badges that fill the whole description as badges', () => {
    const entry = entryOf('- [Oar](https://oar.example) - [![v](https://img.shields.io/crates/v/oar.svg)](https://crates.example/oar)\n');
    expect(entry.description).toBeUndefined();
    expect(entry.extras.map((extra) => extra.kind)).toEqual(['badge']);
  });

  it('reads a full-width colon as the separator', () => {
    expect(parts(entryOf('- [Well](https://well.example)：深井数据工具。\n'))).toMatchObject({ separator: '：', description: '深井数据工具。' });
  });

  it('keeps the main link of an entry that starts with an icon or a logo link', () => {
    expect(parts(entryOf('- ![icon](https://img.example/i.png) [Kiln](https://kiln.example) - Fires pots.\n'))).toMatchObject({
      role: 'resource',
      link: 'Kiln',
      extras: ['image ![icon](https://img.example/i.png)'],
    });
    expect(entryOf('- [![Kiln logo](https://img.example/k.png)](https://kiln.example) [Kiln](https://kiln.example/docs) - Fires pots.\n').link?.url).toBe(
      'https://kiln.example/docs',
    );
    expect(entryOf('- [![Kiln logo](https://img.example/k.png)](https://kiln.example) - Fires pots.\n').link?.url).toBe('https://kiln.example');
  });

  it.each([
    ['- Kiln: A furnace for pottery.\n', 'definition'],
    ['- `ISC` - [ISC License](https://licences.example/isc)\n', 'definition'],
    ['- Handy tools: [Awl](https://awl.example), [Vice](https://vice.example).\n', 'link-line'],
    ['- 维护者：[团队](https://team.example) 每周更新。\n', 'link-line'],
    ['- Most of the tools below were written during one long winter\n', 'prose'],
    ['- Kiln\n', 'resource'],
    ['- Kiln - A furnace\n', 'resource'],
    ['- [Kiln](https://kiln.example) - A furnace.\n', 'resource'],
  ])('%s is a %s bullet', (markdown, role) => {
    expect(entryOf(markdown).role).toBe(role);
  });

  it('gives every entry its container, and table rows their cell counts', () => {
    const doc = model('# T\n\n- [A](https://a.example)\n- [B](https://b.example)\n\nText.\n\n- [C](https://c.example)\n\n| N | L |\n| - | - |\n| x | [D](https://d.example) |\n| [E](https://e.example) |\n');
    const [a, b, c, d, e] = doc.entries;
    expect(a?.container).toBe(b?.container);
    expect(c?.container).not.toBe(a?.container);
    expect(d?.container.type).toBe('table');
    expect([d?.cells, e?.cells]).toEqual([{ count: 2, expected: 2 }, { count: 1, expected: 2 }]);
  });
});

describe('document parts that are not Markdown lists', () => {
  it('does not read YAML front matter as Markdown', () => {
    const doc = model('---\ntitle: [Orchard](https://orchard.example)\n---\n\n# Orchard\n');
    expect(doc.links).toEqual([]);
    expect(doc.sections.map((section) => section.title)).toEqual(['', 'Orchard']);
  });

  it('does not read $$ math as links, while $ amounts stay text', () => {
    const doc = model('# Sums\n\n$$\nf[a](x) = 1\n$$\n\nCosts $5 and [Shop](https://shop.example) $6.\n');
    expect(doc.links.map((link) => link.url)).toEqual(['https://shop.example']);
  });

  it('takes no anchors from HTML comments', () => {
    const doc = model('# T\n\n<!-- <a name="hidden"></a> -->\n<a name="shown"></a>\n');
    expect(doc.anchors.has('hidden')).toBe(false);
    expect(doc.anchors.has('shown')).toBe(true);
  });

  it.each([
    ['# Orchard\n\n## Tools\n', 'heading Orchard'],
    ['<h1 align="center">Orchard</h1>\n\n## Tools\n', 'html Orchard'],
    ['<div align="center">\n\t<img src="logo.svg" alt="Awesome Orchard">\n</div>\n\n## Tools\n', 'image Awesome Orchard'],
    ['[![Orchard](logo.png)](https://orchard.example)\n\n## Tools\n', 'image Orchard'],
    ['![Stars](https://img.shields.io/badge/x-y-z)\n\n## Tools\n', 'none'],
    ['## Tools\n\n# Orchard\n', 'none'],
  ])('finds the title of %j', (markdown, expected) => {
    const title = model(markdown).title;
    expect(title ? `${title.kind} ${title.text}` : 'none').toBe(expected);
  });

  it('reads the idiom fixture without losing a link', () => {
    const doc = model(idioms);
    expectConsistent(doc);
    const roles = doc.entries.filter((entry) => !entry.section.isToc).map((entry) => entry.role);
    expect(roles.filter((role) => role === 'definition')).toHaveLength(4);
    expect(roles.filter((role) => role === 'link-line')).toHaveLength(1);
    expect(roles.filter((role) => role === 'prose')).toHaveLength(1);
    expect(doc.title).toMatchObject({ kind: 'image', text: 'Awesome Orchard' });
  });
});
