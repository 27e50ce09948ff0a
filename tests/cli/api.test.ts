import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixMarkdown, lint, lintText, rules } from '../../src/index.js';
import { tempFolder } from '../lint/fixtures/temp.js';

describe('public API', () => {
  it('lint() returns the report, with per-file failures instead of exceptions', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'bin.md'), Buffer.from('a\0b'));
    const report = await lint({ cwd, paths: ['bin.md'] });
    expect(report.files).toMatchObject([{ file: 'bin.md', failure: 'bin.md: binary file (NUL byte at line 1); refusing to lint it' }]);
    expect(report.summary.errors).toBe(1);
    expect(report.rules.map((rule) => rule.id)).toEqual(expect.arrayContaining(['file-unreadable', ...rules.map((rule) => rule.id)]));
  });

  it('lintText() applies disable comments and flags unknown ids in them', async () => {
    const cwd = tempFolder();
    expect(await lintText('<!-- lint-lists-disable-file -->\n# x\n\n-  [a]( http://x )   \n', { cwd })).toEqual([]);
    const found = await lintText('<!-- lint-lists-disable-line no-such-rule -->\n', { cwd, file: 'doc.md' });
    expect(found.filter((d) => d.ruleId === 'lint-directive')).toMatchObject([{ ruleId: 'lint-directive', file: 'doc.md', actual: 'no-such-rule' }]);
  });

  it('fixMarkdown() keeps a BOM', async () => {
    const cwd = tempFolder();
    const text = '\uFEFF<!-- lint-lists-disable-file -->\n# x\n';
    expect((await fixMarkdown(text, { cwd })).text).toBe(text);
  });
});
