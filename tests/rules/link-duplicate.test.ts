import { describe, expect, it } from 'vitest';
import { styleSchema } from '../../src/config/style-schema.js';
import { lintDocument } from '../../src/lint/run.js';
import { buildListModel } from '../../src/markdown/list-model.js';
import type { ReportDescriptor } from '../../src/rules/define-rule.js';
import { linkDuplicate, type DuplicateSummary } from '../../src/rules/link-duplicate.js';
import { lintWith, testRule } from '../helpers/rule-tester.js';

/** One file's run-wide summary, as a worker would send it, linted with the default style and options. */
const style = styleSchema.parse({});
const options = linkDuplicate.options.parse({});
function summarize(file: string, markdown: string): DuplicateSummary {
  const doc = buildListModel(file, markdown, style);
  const { summaries } = lintDocument(doc, [{ rule: linkDuplicate, severity: 'error', options }], style);
  return summaries['link-duplicate'] as DuplicateSummary;
}

testRule(linkDuplicate, {
  valid: [
    {
      name: 'badges, anchors and secondary links do not count',
      markdown:
        '# List\n\n## Tools\n\n- [A](https://a.dev) [![CI](https://img.shields.io/badge/ci-ok-green)](https://a.dev/ci) - A, see [docs](https://b.dev).\n- [B](https://b.dev) [![CI](https://img.shields.io/badge/ci-ok-green)](https://b.dev/ci) - B.\n\n**[⬆ back to top](#list)**\n\n**[⬆ back to top](#list)**\n',
    },
    {
      name: 'different files and folders of one repository',
      markdown: '- [Lib](https://github.com/acme/lib) - Lib.\n- [Docs](https://github.com/acme/lib/tree/main/docs) - Docs.\n',
    },
    {
      name: 'near-duplicates can be switched off',
      markdown: '- [Lib](https://github.com/acme/lib) - Lib.\n- [Clone](https://github.com/acme/lib.git) - Clone.\n',
      options: { near: false },
    },
  ],
  invalid: [
    {
      name: 'same URL in two sections, case of owner differs',
      markdown: '# List\n\n## A\n\n- [Lib](https://github.com/acme/lib) - Lib.\n\n## B\n\n- [Lib](https://github.com/Acme/Lib/) - Lib.\n',
      errors: [{ messageId: 'duplicate', line: 9, column: 3 }],
    },
    {
      name: 'page and one of its sections',
      markdown: '- [Docs](https://example.com/docs) - Docs.\n- [Install](https://example.com/docs#install) - Install.\n',
      errors: [{ messageId: 'near', line: 2, column: 3 }],
    },
    {
      name: 'nested entry repeating its parent',
      markdown: '- [Lib](https://lib.dev) - Lib.\n  - [Lib site](https://www.lib.dev/) - Again.\n',
      errors: [{ messageId: 'duplicate', line: 2, column: 5 }],
    },
  ],
});

describe('link-duplicate details', () => {
  it('counts a group of three as three, not twice', () => {
    const [found] = lintWith(linkDuplicate, '- [A](https://a.dev) - A.\n- [A2](https://a.dev/) - A.\n- [A3](https://a.dev/#) - A.\n');
    expect(found?.message).toBe('`https://a.dev/` is listed 3 times; first at line 1');
  });

  it('names the first line in the message', () => {
    const [found] = lintWith(linkDuplicate, '- [A](https://a.dev) - A.\n- [B](https://b.dev) - B.\n- [A2](https://a.dev/) - A.\n');
    expect(found?.message).toBe('`https://a.dev/` is listed twice; first at line 1');
    expect(found?.url).toBe('https://a.dev/');
  });

  it('reports across files at the later file, naming the first', () => {
    const files = [
      { file: 'lists/a.md', summary: summarize('lists/a.md', '- [A](https://a.dev) - A.\n- [A again](https://a.dev) - A.\n') },
      { file: 'lists/b.md', summary: summarize('lists/b.md', '- [B](https://b.dev) - B.\n- [A](http://www.a.dev/) - A.\n') },
    ];
    expect(files[0]!.summary).toHaveLength(1);
    const reports: Array<{ file: string; descriptor: ReportDescriptor }> = [];
    linkDuplicate.checkRun!({ files, style, options, report: (file, descriptor) => reports.push({ file, descriptor }) });
    expect(reports.map((r) => [r.file, r.descriptor.messageId, r.descriptor.at.start.line, r.descriptor.data?.where])).toEqual([
      ['lists/b.md', 'duplicate', 2, 'in lists/a.md:1'],
    ]);
    reports.length = 0;
    linkDuplicate.checkRun!({ files, style, options: { ...options, acrossFiles: false }, report: (file, descriptor) => reports.push({ file, descriptor }) });
    expect(reports).toEqual([]);
  });

  it('keeps near-duplicates and sections apart across files with the compact summary', () => {
    const files = [
      { file: 'a.md', summary: summarize('a.md', '- [R](https://github.com/o/r) - R.\n- [Install](https://docs.dev/guide#install) - Install.\n') },
      {
        file: 'b.md',
        summary: summarize('b.md', '- [R tree](https://github.com/o/r/tree/main) - R.\n- [Usage](https://docs.dev/guide#usage) - Usage.\n- [Post](https://blog.dev/post) - A post.\n'),
      },
      { file: 'c.md', summary: summarize('c.md', '- [Setup](https://blog.dev/post#setup) - Setup.\n') },
    ];
    // Only what differs from `exact` is kept: a plain link has no `near`, no `isSection`.
    expect(files[0]!.summary[0]).toEqual({ url: 'https://github.com/o/r', exact: 'github.com/o/r', at: expect.any(Object) });
    const reports: Array<{ file: string; descriptor: ReportDescriptor }> = [];
    linkDuplicate.checkRun!({ files, style, options, report: (file, descriptor) => reports.push({ file, descriptor }) });
    // The repository's tree is the repository; a second section of a page is not the page; a section repeats the bare page listed before it.
    expect(reports.map((r) => [r.file, r.descriptor.messageId, r.descriptor.at.start.line])).toEqual([
      ['b.md', 'near', 1],
      ['c.md', 'near', 1],
    ]);
  });
});

describe('link-duplicate severities', () => {
  it('reports exact duplicates at the rule severity and near-duplicates as warnings', () => {
    const found = lintWith(
      linkDuplicate,
      '# T\n\n- [A](https://github.com/o/r) - A.\n- [A again](https://github.com/o/r/) - A.\n- [A readme](https://github.com/o/r#readme) - A.\n',
    );
    expect(found.map((d) => [d.messageId, d.severity])).toEqual([
      ['duplicate', 'error'],
      ['near', 'warning'],
    ]);
  });
});

describe('link-duplicate groups', () => {
  const run = (markdown: string) => lintWith(linkDuplicate, markdown);

  it('reports a group once, at the first repeat, with every other occurrence related', () => {
    const found = run('# L\n\n## A\n\n- [Lib](https://lib.dev) - Lib.\n- [Lib](https://lib.dev) - Lib.\n- https://lib.dev - Lib again.\n- [Other](https://o.dev) - O.\n');
    expect(found.map((d) => [d.start.line, d.severity, d.related?.map((place) => place.start.line)])).toEqual([[6, 'error', [5, 7]]]);
  });

  it('counts the links of a link line', () => {
    const found = run('# L\n\n## A\n\n- [Lib](https://lib.dev) - Lib.\n- See also: [Lib](https://lib.dev), [Other](https://o.dev).\n');
    expect(found.map((d) => d.start.line)).toEqual([6]);
  });

  it('makes the same name in different sections a warning, a different name an error', () => {
    const sameName = run('# L\n\n## A\n\n- [Lib](https://lib.dev) - Lib.\n\n## B\n\n- [Lib](https://lib.dev) - Lib for B.\n');
    expect(sameName.map((d) => d.severity)).toEqual(['warning']);
    const otherName = run('# L\n\n## A\n\n- [Lib](https://lib.dev) - Lib.\n\n## B\n\n- [Elm Lib](https://lib.dev) - Another lib.\n');
    expect(otherName.map((d) => d.severity)).toEqual(['error']);
  });

  it('reads an owner prefix or a longer form of the name as the same name', () => {
    const owner = run('# L\n\n## A\n\n- [Sparrow](https://git.example.org/sparrow/sparrow) - Birds.\n\n## B\n\n- [sparrow/sparrow](https://git.example.org/sparrow/sparrow) - Birds again.\n');
    expect(owner.map((d) => d.severity)).toEqual(['warning']);
    const longer = run('# L\n\n## A\n\n- [Sparrow](https://sparrow.dev) - Birds.\n\n## B\n\n- [Sparrow CLI](https://sparrow.dev) - Birds in a shell.\n');
    expect(longer.map((d) => d.severity)).toEqual(['warning']);
  });
});

describe('link-duplicate: parts of one project across sections', () => {
  const run = (text: string) => lintWith(linkDuplicate, text);
  it('is a warning when every link text names what the URL names', () => {
    const text = '# L\n\n## Web\n\n- [Grove](https://git.example.org/grove/grove) - Framework.\n\n## Maps\n\n- [GeoGrove](https://git.example.org/grove/grove) - Maps in Grove.\n\n## Data\n\n- [grove.db.models](https://git.example.org/grove/grove) - The mapper.\n';
    expect(run(text).map((d) => d.severity)).toEqual(['warning']);
  });

  it('stays an error when a name has nothing to do with the URL', () => {
    const text = '# L\n\n## Web\n\n- [Grove](https://git.example.org/grove/grove) - Framework.\n\n## Maps\n\n- [Atlas](https://git.example.org/grove/grove) - Maps.\n';
    expect(run(text).map((d) => d.severity)).toEqual(['error']);
  });
});
