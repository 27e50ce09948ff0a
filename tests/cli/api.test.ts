import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter, fixMarkdown, lint, lintText, rules } from '../../src/index.js';
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

  it('createLinter(config) resolves the config once: later calls see no config file', async () => {
    const cwd = tempFolder();
    const linter = await createLinter({ style: { entry: { description: { maxLength: 10 } } }, rules: { 'heading-case': 'off' } }, { cwd });
    // A config file appearing afterwards changes nothing: the linter does not search again.
    writeFileSync(path.join(cwd, 'lint-lists.config.json'), '{ "rules": { "entry-description-length": "off" } }');
    const found = linter.lintText('# List\n\n- [Alpha](https://alpha.dev) - Fast builds for large repositories.\n');
    expect(found.map((d) => d.ruleId)).toContain('entry-description-length');
    expect(linter.config.style.entry.description.maxLength).toBe(10);
  });

  it('lint files from any working directory, paths relative to the linter\'s cwd', async () => {
    const cwd = tempFolder();
    mkdirSync(path.join(cwd, 'lists'));
    writeFileSync(path.join(cwd, 'lists/a.md'), '# A\n\n- [Alpha](https://alpha.dev) - Fast builds for large repositories.\n');
    const linter = await createLinter({ files: ['lists'], style: { entry: { description: { maxLength: 10 } } } }, { cwd });
    const report = await linter.lintFiles();
    expect(report.files.map((f) => [f.file, f.diagnostics.map((d) => d.ruleId)])).toEqual([['lists/a.md', ['entry-description-length']]]);
  });

  it('lintText() takes a config object instead of searching for a file', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'lint-lists.config.json'), '{ "style": { "entry": { "description": { "maxLength": 10 } } } }');
    const text = '# List\n\n- [Alpha](https://alpha.dev) - Fast builds for large repositories.\n';
    expect((await lintText(text, { cwd })).map((d) => d.ruleId)).toContain('entry-description-length');
    expect((await lintText(text, { cwd, config: {} })).map((d) => d.ruleId)).not.toContain('entry-description-length');
  });

  it('an awesome-lint `lint ignore` comment silences the whole list after it, its last entry included, and nothing else', async () => {
    const linter = await createLinter({ style: { entry: { description: { required: true } } } }, { cwd: tempFolder() });
    const text = '# Awesome X\n\n## Tools\n\n<!--lint ignore awesome-list-item-->\n- [A](https://a.example)\n- [B](https://b.example)\n\n## More\n\n- [C](https://c.example)\n';
    expect(linter.lintText(text).map((d) => `${d.start.line} ${d.ruleId}`)).toEqual(['11 entry-description']);
  });
});
