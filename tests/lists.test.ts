// Our own lists are held to our own standard: lists/ lints clean under the repository's config, errors and warnings.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import type { Report } from '../src/report/types.js';
import { tempFolder } from './lint/fixtures/temp.js';

const root = path.resolve(import.meta.dirname, '..');

async function lintJson(cwd: string): Promise<{ code: number; report: Report }> {
  const io = captureIo({ cwd });
  const code = await main(['--format', 'json'], io, { workers: 0 });
  return { code, report: JSON.parse(io.out.join('')) as Report };
}

describe('lists/', () => {
  it('lints clean: no errors and no warnings', async () => {
    const { code, report } = await lintJson(root);
    const problems = report.files.flatMap((f) => f.diagnostics.map((d) => `${d.file}:${d.start.line}:${d.start.column} ${d.ruleId} ${d.message}`));
    expect(problems).toEqual([]);
    expect(code).toBe(0);
    expect(report.files.map((f) => f.file).sort()).toEqual(['lists/README.md', 'lists/reading.md', 'lists/tools.md']);
  });

  it('holds at least 200 entries', () => {
    const count = ['tools.md', 'reading.md']
      .map((name) => readFileSync(path.join(root, 'lists', name), 'utf8').split('\n').filter((line) => /^- \[[^\]]+\]\(https:\/\//.test(line)).length)
      .reduce((a, b) => a + b, 0);
    expect(count).toBeGreaterThanOrEqual(200);
  });

  it('would catch a contributor breaking the format (the check can fail)', async () => {
    const cwd = tempFolder();
    cpSync(path.join(root, 'lists'), path.join(cwd, 'lists'), { recursive: true });
    cpSync(path.join(root, 'lint-lists.config.json'), path.join(cwd, 'lint-lists.config.json'));
    // The guide the lists link to must exist next to them for relative links to resolve.
    cpSync(path.join(root, '.github'), path.join(cwd, '.github'), { recursive: true });
    const file = path.join(cwd, 'lists/tools.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('## Feature Stores\n\n', '## Feature Stores\n\n- [Feast](https://github.com/feast-dev/feast/) – the same store twice\n'));
    const { code, report } = await lintJson(cwd);
    const rules = new Set(report.files.flatMap((f) => f.diagnostics.map((d) => d.ruleId)));
    expect(code).toBe(1);
    expect([...rules]).toEqual(expect.arrayContaining(['entry-separator', 'link-duplicate', 'entry-description-case']));
  });
});
