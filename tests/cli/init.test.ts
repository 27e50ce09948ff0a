// `lint-lists init`: a config with $schema that the loader accepts, the CI steps, and no silent overwrite.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_STEPS, SCHEMA_URL } from '../../src/cli/commands/init.js';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { rules } from '../../src/rules/index.js';
import { tempFolder } from '../lint/fixtures/temp.js';

async function init(cwd: string, argv: string[] = []) {
  const io = captureIo({ cwd });
  const code = await main(['init', ...argv], io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('lint-lists init', () => {
  it('writes a config for the readme that the loader accepts, and prints the CI steps', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'readme.md'), '# Awesome Things\n\n- [A](https://a.example) - A thing.\n');
    const { code, stdout } = await init(cwd);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(path.join(cwd, 'lint-lists.config.json'), 'utf8')) as Record<string, unknown>;
    expect(written).toEqual({ $schema: SCHEMA_URL, extends: 'lint-lists:recommended', files: ['readme.md'] });
    for (const step of ACTION_STEPS) expect(stdout).toContain(step);
    const config = await loadConfig({ cwd, rules });
    expect(config.files).toEqual(['readme.md']);
  });

  it('refuses to replace an existing config unless --force', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'README.md'), '# A\n');
    writeFileSync(path.join(cwd, 'lint-lists.config.json'), '{ "files": ["keep.md"] }');
    const refused = await init(cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('lint-lists.config.json already exists');
    expect(readFileSync(path.join(cwd, 'lint-lists.config.json'), 'utf8')).toBe('{ "files": ["keep.md"] }');
    expect((await init(cwd, ['--force'])).code).toBe(0);
    expect(readFileSync(path.join(cwd, 'lint-lists.config.json'), 'utf8')).toContain('"README.md"');
  });

  it('says where to run it when the folder has no Markdown file', async () => {
    const { code, stderr } = await init(tempFolder());
    expect(code).toBe(2);
    expect(stderr).toContain('no Markdown file in this folder');
  });

  it('writes the style the list clearly follows into the config, and says what it learned', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'README.md'), readFileSync(new URL('../fixtures/lists/house-style.md', import.meta.url), 'utf8'));
    const { code, stdout } = await init(cwd);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(path.join(cwd, 'lint-lists.config.json'), 'utf8')) as { style: { entry: { description: Record<string, unknown> } } };
    expect(written.style.entry.description).toMatchObject({ separator: ' – ', case: 'lower', end: 'none', required: true });
    expect(stdout).toContain('separator: 13 of 14 entries');
    const config = await loadConfig({ cwd, rules });
    expect(config.style.entry.description.separator).toBe(' – ');
    expect(config.styleOrigins['entry.description.separator']).toBe('lint-lists.config.json');
  });
});
