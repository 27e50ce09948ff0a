// Keeps `--help` and the README's Usage section in step: every option and environment variable is in both.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const README = readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8');

/** The README's `## Usage` section, up to the next `## ` heading. */
function usageSection(): string {
  const start = README.indexOf('\n## Usage\n');
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end);
}

/** Long option names (`--fix-dry-run`) in the first column of the Usage section's Options table. */
function readmeOptions(): string[] {
  const section = usageSection();
  const table = section.slice(section.indexOf('### Options'), section.indexOf('\n### ', section.indexOf('### Options') + 1));
  const names = table.split('\n').filter((line) => line.startsWith('| `')).flatMap((line) => line.split(' | ')[0]!.match(/--[a-z][a-z-]*/g) ?? []);
  return [...new Set(names)].filter((name) => !name.startsWith('--no-')).sort();
}

async function helpText(): Promise<string> {
  const io = captureIo({ cwd: process.cwd() });
  expect(await main(['--help'], io)).toBe(0);
  return io.out.join('');
}

describe('--help and README Usage', () => {
  it('list exactly the same options', async () => {
    const help = await helpText();
    const options = help.slice(help.indexOf('Options:'));
    const helpOptions = [...new Set(options.match(/^ {2}(?:-\w, )?\s*(--[a-z][a-z-]*)/gm)!.map((line) => line.trim().replace(/^-\w, /, '')))].sort();
    expect(helpOptions.length).toBeGreaterThan(10);
    expect(readmeOptions()).toEqual(helpOptions);
  });

  it('name the same environment variables', async () => {
    const help = await helpText();
    const variables = help.slice(help.indexOf('Environment:')).match(/\b[A-Z][A-Z_]{4,}\b/g)!;
    const section = usageSection();
    for (const variable of ['NO_COLOR', 'LINT_LISTS_PARSE_BUDGET_MS', 'LINT_LISTS_DEBUG', 'GITHUB_TOKEN']) expect(variables).toContain(variable);
    for (const variable of variables) expect(section).toContain(`| \`${variable}\` |`);
  });
});
