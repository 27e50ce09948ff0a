import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { styleSchema } from '../../src/config/style-schema.js';
import { lintDocument } from '../../src/lint/run.js';
import { buildListModel } from '../../src/markdown/list-model.js';
import { linkRelative } from '../../src/rules/link-relative.js';
import { testRule } from '../helpers/rule-tester.js';

// The rule's own examples resolve from the working directory (the repository root).
testRule(linkRelative, {
  valid: [{ name: 'absolute URLs, anchors and mail are not paths', markdown: '- [A](https://a.dev) - A [x](#x) [m](mailto:a@b.c).\n', options: { baseDir: '.' } }],
  invalid: [
    {
      name: 'missing image, decoded path',
      markdown: '- [A](https://a.dev) - A.\n\n![Logo](img/no%20such%20logo.png)\n',
      options: { baseDir: '.' },
      errors: [{ messageId: 'missing', line: 3, column: 1 }],
    },
  ],
});

describe('link-relative on files', () => {
  let root = '';
  let previous = '';

  beforeAll(() => {
    previous = process.cwd();
    root = mkdtempSync(path.join(tmpdir(), 'link-relative-'));
    mkdirSync(path.join(root, 'lists', 'docs'), { recursive: true });
    mkdirSync(path.join(root, 'lists', 'my docs'), { recursive: true });
    writeFileSync(path.join(root, 'README.md'), '# Top\n');
    writeFileSync(path.join(root, 'lists', 'docs', 'guide.md'), '# Guide\n');
    writeFileSync(path.join(root, 'lists', 'my docs', 'ü.md'), '# Ü\n');
    writeFileSync(path.join(root, 'lists', 'tools.md'), '# Tools\n');
    process.chdir(root);
  });

  afterAll(() => {
    process.chdir(previous);
    rmSync(root, { recursive: true, force: true });
  });

  const lintFile = (file: string, markdown: string): Array<[number, number, string | undefined]> => {
    const style = styleSchema.parse({});
    const doc = buildListModel(file, markdown, style);
    const { diagnostics } = lintDocument(doc, [{ rule: linkRelative, severity: 'error', options: linkRelative.options.parse({}) }], style);
    return diagnostics.map((d) => [d.start.line, d.start.column, d.actual]);
  };

  it('resolves from the linted file\'s directory, with fragments, queries and encoded names', () => {
    const markdown = [
      '- [Guide](docs/guide.md#install) - Guide.',
      '- [Guide again](./docs/guide.md?plain=1) - Guide.',
      '- [Umlaut](my%20docs/%C3%BC.md) - Encoded.',
      '- [Up](../README.md) - Up.',
      '- [Folder](docs/) - Folder.',
      '- [Missing](docs/setup.md) - Missing.',
      '- [Missing up](../CONTRIBUTING.md#how) - Missing.',
      '',
    ].join('\n');
    expect(lintFile('lists/tools.md', markdown)).toEqual([
      [6, 3, 'docs/setup.md'],
      [7, 3, '../CONTRIBUTING.md#how'],
    ]);
  });

  it('checks nothing when the list has no file on disk', () => {
    expect(lintFile('lists/stdin.md', '- [Missing](docs/setup.md) - Missing.\n')).toEqual([]);
  });

  it('skips root-relative and protocol-relative links', () => {
    expect(lintFile('lists/tools.md', '- [Root](/docs/x.md) - R.\n- [Cdn](//cdn.example.com/x.js) - C.\n')).toEqual([]);
  });
});

describe('link-relative through the API from another directory', () => {
  it('resolves against the linted file, not the process working directory', async () => {
    const { lint } = await import('../../src/index.js');
    const folder = mkdtempSync(path.join(tmpdir(), 'link-relative-api-'));
    try {
      mkdirSync(path.join(folder, 'docs'));
      writeFileSync(path.join(folder, 'docs', 'guide.md'), '# Guide\n');
      writeFileSync(path.join(folder, 'list.md'), '# List\n\n- [Guide](docs/guide.md) - Here.\n- [Gone](docs/gone.md) - Missing.\n');
      writeFileSync(path.join(folder, 'lint-lists.config.json'), JSON.stringify({ rules: { 'link-relative': 'error' } }));
      expect(process.cwd()).not.toBe(folder);
      const report = await lint({ cwd: folder, paths: ['list.md'] });
      const found = report.files.flatMap((file) => file.diagnostics.filter((d) => d.ruleId === 'link-relative').map((d) => [d.start.line, d.actual, d.expected]));
      expect(found).toEqual([[4, 'docs/gone.md', ['.']]]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
