// The style schema describes each house style found in the wild: a list written in it lints clean under that style,
// and its real defects are still found. One fixture per style in tests/fixtures/styles/, with the config from README.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import type { Report } from '../src/report/types.js';
import { tempFolder } from './lint/fixtures/temp.js';

const STYLES: Record<string, unknown> = {
  'plus-link-only.md': { style: { bullet: '+', entry: { description: { required: false } } } },
  'dash-separator.md': { style: { entry: { description: { required: false, case: 'any', end: 'any' } } } },
  'tagged-titles.md': { style: { entry: { prefix: ['none', 'tag', 'title'], description: { required: false, case: 'any', end: 'any' } } } },
  'badge-code-block.md': { style: { bullet: '*', entry: { badges: 'after-link', description: { placement: ['code'], case: 'any', end: 'any' } } } },
  'grouped-details.md': { style: { entry: { grouped: true, description: { required: false, separator: null, case: 'any', end: 'any' } } } },
};

async function lintFixture(name: string, edit: (text: string) => string = (text) => text): Promise<string[]> {
  const cwd = tempFolder();
  const text = readFileSync(path.join(import.meta.dirname, 'fixtures/styles', name), 'utf8');
  writeFileSync(path.join(cwd, name), edit(text));
  // The lists link to their contributing guide; relative links resolve next to the list, as in a repository.
  writeFileSync(path.join(cwd, 'contributing.md'), '# Contributing\n');
  writeFileSync(path.join(cwd, 'lint-lists.config.json'), JSON.stringify(STYLES[name]));
  const io = captureIo({ cwd });
  await main([name, '--format', 'json'], io, { workers: 0 });
  const report = JSON.parse(io.out.join('')) as Report;
  return report.files.flatMap((file) => file.diagnostics.map((d) => `${d.start.line} ${d.ruleId}`));
}

describe('house styles', () => {
  it.each(['plus-link-only.md', 'tagged-titles.md', 'badge-code-block.md', 'grouped-details.md'])('%s lints clean under its style', async (name) => {
    expect(await lintFixture(name)).toEqual([]);
  });

  it('dash-separator.md: the planted defects, and only they, are found', async () => {
    expect(await lintFixture('dash-separator.md')).toEqual(['13 entry-separator', '15 entry-separator', '16 entry-separator', '17 entry-shape']);
  });

  it.each(['plus-link-only.md', 'tagged-titles.md', 'badge-code-block.md', 'grouped-details.md'])(
    '%s: an entry listed twice is found',
    async (name) => {
      const found = await lintFixture(name, (text) => {
        const lines = text.split('\n');
        const entry = lines.findIndex((line) => /^\s*[-*+] .*\]\(https:\/\//.test(line) && !line.includes('](#'));
        lines.splice(entry + 1, 0, lines[entry]!);
        return lines.join('\n');
      });
      expect(found.some((finding) => finding.endsWith('link-duplicate'))).toBe(true);
    },
  );
});
