// The list model on small inline documents: sections, ToC, prose, links, tables, offsets.
import { describe, expect, it } from 'vitest';
import { at, expectConsistent, model, sliceOf } from './model-helpers.js';

describe('sections', () => {
  it('builds the heading tree with GitHub slugs, repeats suffixed', () => {
    const doc = model('Intro text.\n\n# Title\n\n## Tools :\n\n- [A](https://a.dev) - A.\n\n### Tools\n\n## Tools\n\n## C++ & Rust\n');
    expect(doc.sections.map((section) => `${section.depth} ${section.title} #${section.slug}`)).toEqual([
      '0  #',
      '1 Title #title',
      '2 Tools : #tools-',
      '3 Tools #tools',
      '2 Tools #tools-1',
      '2 C++ & Rust #c--rust',
    ]);
    expect(doc.root.hasContent).toBe(true);
    expect(doc.sections[1]?.hasContent).toBe(false);
    expect(doc.sections[2]?.hasContent).toBe(true);
    expect(doc.sections[3]?.parent).toBe(doc.sections[2]);
    expect(doc.sections[4]?.parent).toBe(doc.sections[1]);
    expect(doc.sections[2]?.titleSpan?.text).toBe('Tools :');
    expect(at(doc.sections[2]?.titleSpan?.range)).toBe('5:4');
    expect([...doc.anchors]).toEqual(['title', 'tools-', 'tools', 'tools-1', 'c--rust']);
    expectConsistent(doc);
  });

  it('does not count definitions or HTML comments as content', () => {
    const doc = model('## Empty\n\n<!-- nothing yet -->\n\n[x]: https://x.dev\n\n## Full\n\nText.\n');
    expect(doc.sections.map((section) => section.hasContent)).toEqual([false, false, true]);
    expect(doc.definitions.get('x')?.url).toBe('https://x.dev');
  });

  it('adds explicit HTML anchors', () => {
    const doc = model('# T\n\n<a name="old-anchor"></a>\n\n<div id="box">x</div>\n\nSee <a id="inline">here</a>.\n');
    expect(doc.anchors).toEqual(new Set(['t', 'old-anchor', 'box', 'inline']));
  });

  it('marks prose sections and their sub-sections, case-insensitively', () => {
    const doc = model('## Tools\n\n- [A](https://a.dev) - A.\n\n## CONTRIBUTING\n\n- Fork it.\n\n### Steps\n\n- [Guide](g.md) - Read.\n');
    expect(doc.sections.map((section) => section.isProse)).toEqual([false, false, true, true]);
    expect(doc.entries.map((entry) => entry.link?.text)).toEqual(['A']);
    expect(doc.links.map((link) => link.text)).toEqual(['A', 'Guide']);
  });

  it('honours style.sections.prose', () => {
    const doc = model('## Related\n\n- [A](https://a.dev) - A.\n', { sections: { prose: ['related'] } });
    expect(doc.entries).toEqual([]);
  });
});

describe('table of contents', () => {
  it('finds a ToC list before any heading', () => {
    const doc = model('- [One](#one)\n- [Two](#two)\n  - [Two A](#two-a)\n\n## One\n\n- [X](https://x.dev) - X.\n\n## Two\n\n### Two A\n');
    expect(doc.toc?.section).toBeUndefined();
    expect(doc.toc?.items.map((item) => `${item.depth}:${item.target}`)).toEqual(['0:one', '0:two', '1:two-a']);
    expect(at(doc.toc?.range)).toBe('1:1');
    expect(doc.entries.map((entry) => entry.link?.text)).toEqual(['X']);
    expect(doc.sections.some((section) => section.isToc)).toBe(false);
  });

  it('finds a ToC section split into several lists, whatever its title', () => {
    const doc = model('# L\n\n- [Badge](https://b.dev)\n\n## Overview\n\n- [A](#a)\n\nMore:\n\n- [B](#b%20c)\n\n## A\n\n- [X](https://x.dev) - X.\n');
    expect(doc.toc?.section?.title).toBe('Overview');
    expect(doc.toc?.items.map((item) => item.target)).toEqual(['a', 'b c']);
    expect(doc.entries.map((entry) => entry.link?.text)).toEqual(['Badge', 'X']);
  });

  it('needs at least two anchors making 60% of the items', () => {
    const doc = model('## Links\n\n- [A](#a)\n- [B](https://b.dev) - B.\n- [C](https://c.dev) - C.\n');
    expect(doc.toc).toBeUndefined();
    expect(doc.entries).toHaveLength(3);
  });

  it('drops entries before the ToC with entriesStart after-toc', () => {
    const markdown = '# L\n\n- [Site](https://site.dev)\n\n## Contents\n\n- [A](#a)\n- [B](#b)\n\n## A\n\n- [X](https://x.dev) - X.\n\n## B\n';
    expect(model(markdown).entries.map((entry) => entry.link?.text)).toEqual(['Site', 'X']);
    const after = model(markdown, { sections: { entriesStart: 'after-toc' } });
    expect(after.entries.map((entry) => entry.link?.text)).toEqual(['X']);
    expect(after.sections[1]?.entries).toEqual([]);
  });
});

describe('links', () => {
  it('records every kind of link with exact text and URL ranges', () => {
    const doc = model(
      [
        '- [Inline](https://in.dev/a_(b) "Title") - Uses <https://auto.dev> and https://bare.dev/x.',
        '- [Ref][r] - Also [short] and <a href="https://html.dev">Html</a>.',
        '- [![Build](https://github.com/o/r/actions/workflows/ci.yml/badge.svg)](https://github.com/o/r) x',
        '',
        '[r]: <https://ref.dev/r> "Ref title"',
        '[short]: https://short.dev',
        '',
      ].join('\n'),
    );
    const rows = doc.links.map((link) => `${link.syntax} ${link.text} ${link.url} ${sliceOf(doc, link.urlRange!)} ${link.textRange ? sliceOf(doc, link.textRange) : '-'} ${link.isBadge}`);
    expect(rows).toEqual([
      'inline Inline https://in.dev/a_(b) https://in.dev/a_(b) Inline false',
      'autolink https://auto.dev https://auto.dev https://auto.dev https://auto.dev false',
      'bare https://bare.dev/x https://bare.dev/x https://bare.dev/x https://bare.dev/x false',
      'reference Ref https://ref.dev/r https://ref.dev/r Ref false',
      'reference short https://short.dev https://short.dev short false',
      'html Html https://html.dev https://html.dev Html false',
      'inline Build https://github.com/o/r https://github.com/o/r ![Build](https://github.com/o/r/actions/workflows/ci.yml/badge.svg) true',
      'image Build https://github.com/o/r/actions/workflows/ci.yml/badge.svg https://github.com/o/r/actions/workflows/ci.yml/badge.svg Build true',
    ]);
    expect(at(doc.links[3]?.urlRange)).toBe('5:7');
    expect(doc.entries[0]?.links).toHaveLength(3);
    expect(doc.entries[1]?.links.map((link) => link.syntax)).toEqual(['reference', 'reference', 'html']);
    expect(doc.entries[2]?.shape).toBe('text');
    expect(doc.entries[2]?.extras).toEqual([]);
    expectConsistent(doc);
  });

  it('knows badge hosts', () => {
    const doc = model('![a](https://img.shields.io/x) ![b](https://badgen.net/y) ![c](https://badge.fury.io/z) ![d](https://example.com/logo.png) ![e](https://x.dev/project/badge.svg?b=1)\n');
    expect(doc.links.map((link) => link.isBadge)).toEqual([true, true, true, false, true]);
  });
});

describe('tables', () => {
  it('makes body rows of a table with links into entries', () => {
    const doc = model('## T\n\n| Name | What |\n| --- | --- |\n| [A](https://a.dev) | Does a. |\n| B | |\n\n| Plain | Table |\n| --- | --- |\n| x | y |\n');
    expect(doc.entries.map((entry) => `${entry.kind} ${entry.shape} ${entry.description?.text ?? '-'}`)).toEqual(['table-row link-description Does a.', 'table-row text -']);
    expect(at(doc.entries[0]?.description?.range)).toBe('5:24');
    expect(doc.entries[0]?.marker).toBeUndefined();
    expect(doc.entries[0]?.line.text).toBe('| [A](https://a.dev) | Does a. |');
    expectConsistent(doc);
  });
});

describe('offsets', () => {
  it('strips a BOM and indexes the BOM-less text', () => {
    const doc = model('\uFEFF# T\n\n- [A](https://a.dev) - Alpha.\n');
    expect(doc.hasBom).toBe(true);
    expect(doc.text.startsWith('# T')).toBe(true);
    expect(doc.entries[0]?.description?.range.start).toEqual({ line: 3, column: 24, offset: 28 });
    expectConsistent(doc);
  });

  it('keeps CRLF offsets exact and reports the dominant line ending', () => {
    const doc = model('# T\r\n\r\n- [A](https://a.dev) - Alpha.\r\n- [B](https://b.dev)\r\n  - [C](https://c.dev) - Gamma.\r\n');
    expect(doc.eol).toBe('\r\n');
    expect(doc.hasBom).toBe(false);
    expect(doc.lineStarts).toEqual([0, 5, 7, 38, 60, 93]);
    const [a, b, c] = doc.entries;
    expect(a?.line.text).toBe('- [A](https://a.dev) - Alpha.');
    expect(a?.description?.text).toBe('Alpha.');
    expect(b?.line.text).toBe('- [B](https://b.dev)');
    expect(c?.description?.range.start).toEqual({ line: 5, column: 26, offset: 85 });
    expect(model('a\nb\r\nc\n').eol).toBe('\n');
    expectConsistent(doc);
  });
});

describe('one-item table of contents', () => {
  it('is recognised under a contents heading, and a lone anchor list elsewhere is not a ToC', async () => {
    const { buildListModel: build } = await import('../../src/markdown/list-model.js');
    const { styleSchema: schema } = await import('../../src/config/style-schema.js');
    const withToc = build('a.md', '# T\n\n## Contents\n\n- [Tools](#tools)\n\n## Tools\n\n- [A](https://a.example) - A.\n', schema.parse({}));
    expect(withToc.toc?.items.map((item) => item.target)).toEqual(['tools']);
    const notToc = build('b.md', '# T\n\n## Tools\n\n- [Back to top](#t)\n\n- [A](https://a.example) - A.\n', schema.parse({}));
    expect(notToc.toc).toBeUndefined();
  });
});
