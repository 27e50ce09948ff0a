// `--print-config FILE`: the style a file is linted with, and where each value came from.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { tempFolder } from '../lint/fixtures/temp.js';

const houseStyle = readFileSync(new URL('../fixtures/lists/house-style.md', import.meta.url), 'utf8');

async function printConfig(cwd: string, argv: string[]) {
  const io = captureIo({ cwd });
  const code = await main(['--print-config', ...argv], io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('--print-config FILE', () => {
  it('prints the effective style with each value\'s source: config, preset, inferred, default', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'list.md'), houseStyle);
    writeFileSync(path.join(cwd, 'lint-lists.config.json'), JSON.stringify({ extends: 'awesome', style: { entry: { badges: 'anywhere' } } }));
    const { code, stdout } = await printConfig(cwd, ['list.md']);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { file: string; config: string; style: { entry: { badges: string } }; sources: Record<string, string> };
    expect(printed.file).toBe('list.md');
    expect(printed.config).toBe('lint-lists.config.json');
    expect(printed.style.entry.badges).toBe('anywhere');
    expect(printed.sources).toMatchObject({
      'entry.badges': 'lint-lists.config.json',
      'entry.description.separator': 'preset "awesome"',
      'entry.prefix': 'inferred: 14 of 14 entries',
      'headings.maxDepth': 'default',
    });
  });

  it('names mixed values and values left at the default for lack of entries', async () => {
    const cwd = tempFolder();
    const lines = Array.from({ length: 12 }, (_, i) => `- [T${i}](https://t${i}.example.org) ${i % 2 ? '-' : '–'} Builds things.`);
    writeFileSync(path.join(cwd, 'mixed.md'), `# Mixed\n\n## Tools\n\n${lines.join('\n')}\n`);
    writeFileSync(path.join(cwd, 'small.md'), '# Small\n\n## Tools\n\n- [A](https://a.example.org) – Builds.\n');
    const mixed = JSON.parse((await printConfig(cwd, ['mixed.md'])).stdout) as { style: { entry: { description: { separator: string } } }; sources: Record<string, string> };
    expect(mixed.style.entry.description.separator).toBe('any');
    expect(mixed.sources['entry.description.separator']).toBe('mixed: at most 6 of 12 entries agree, so every form is accepted');
    const small = JSON.parse((await printConfig(cwd, ['small.md'])).stdout) as { sources: Record<string, string> };
    expect(small.sources['entry.description.separator']).toBe('default: fewer than 10 entries to learn from');
  });

  it('names a file it cannot read, exits 2 and prints no stack', async () => {
    const cwd = tempFolder();
    const { code, stdout, stderr } = await printConfig(cwd, ['missing.md']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('lint-lists: --print-config missing.md: no such file\n');
  });
});
