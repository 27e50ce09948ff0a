import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { beforeEach, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/engine.js';
import { expandInputs } from '../../src/lint/files.js';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { checkedFiles, COUNTING_SETUP_MODULE, resetCheckedFiles } from './fixtures/counting-setup.js';
import { FAKE_RULES_MODULE } from './fixtures/fake-setup.js';
import { tempFolder } from './fixtures/temp.js';

async function lintWithCache(cwd: string, options: { only?: string[]; warnings?: string[]; fix?: 'off' | 'dry-run' } = {}) {
  const { files } = await expandInputs(['.'], { cwd });
  const data = options.only ? { only: options.only } : {};
  const outcomes = await lintFiles({
    tasks: files,
    setup: { module: COUNTING_SETUP_MODULE, data },
    cwd,
    workers: 0,
    fix: options.fix,
    cache: { location: path.join(cwd, 'cache.bin'), onWarning: (message) => options.warnings?.push(message) },
  });
  return outcomes.map((o) => ({ file: o.file, problems: o.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId}`) }));
}

function write(cwd: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(cwd, name), text);
}

beforeEach(() => resetCheckedFiles());

describe('lint cache', () => {
  it('reuses every result when nothing changed, with the same diagnostics', async () => {
    const cwd = tempFolder();
    write(cwd, { 'a.md': '# A\n\n- TODO\ta\n', 'b.md': '# B\n\n- b\n' });
    const cold = await lintWithCache(cwd);
    expect(checkedFiles).toEqual(['a.md', 'b.md']);
    resetCheckedFiles();
    const warm = await lintWithCache(cwd);
    expect(checkedFiles).toEqual([]);
    expect(warm).toEqual(cold);
    expect(warm[0]!.problems).toEqual(['3:3 fake-todo', '3:7 fake-tab']);
  });

  it('re-lints only the file whose content changed', async () => {
    const cwd = tempFolder();
    write(cwd, { 'a.md': '# A\n\n- TODO\ta\n', 'b.md': '# B\n\n- b\n' });
    await lintWithCache(cwd);
    resetCheckedFiles();
    write(cwd, { 'b.md': '# B\n\n- TODO b\n' });
    const outcomes = await lintWithCache(cwd);
    expect(checkedFiles).toEqual(['b.md']);
    expect(outcomes[1]!.problems).toEqual(['3:3 fake-todo']);
  });

  it('re-lints everything when the effective setup changes', async () => {
    const cwd = tempFolder();
    write(cwd, { 'a.md': '# A\n\n- TODO\ta\n' });
    await lintWithCache(cwd);
    resetCheckedFiles();
    const outcomes = await lintWithCache(cwd, { only: ['fake-tab'] });
    expect(checkedFiles).toEqual(['a.md']);
    expect(outcomes[0]!.problems).toEqual(['3:7 fake-tab']);
  });

  it('ignores a cache written by another lint-lists version', async () => {
    const cwd = tempFolder();
    write(cwd, { 'a.md': '# A\n' });
    await lintWithCache(cwd);
    const file = path.join(cwd, 'cache.bin');
    const stored = deserialize(readFileSync(file)) as { tool: string };
    writeFileSync(file, serialize({ ...stored, tool: '0.0.0-older' }));
    resetCheckedFiles();
    await lintWithCache(cwd);
    expect(checkedFiles).toEqual(['a.md']);
  });

  it('keeps run-wide rules right when only some files changed', async () => {
    const cwd = tempFolder();
    write(cwd, { 'a.md': '# Same\n', 'b.md': '# Same\n', 'c.md': '# Other\n' });
    expect((await lintWithCache(cwd)).map((o) => o.problems)).toEqual([['1:1 fake-same-title'], ['1:1 fake-same-title'], []]);
    // b stops sharing a's title: cached a must lose its run-wide problem.
    write(cwd, { 'b.md': '# Different\n' });
    resetCheckedFiles();
    expect((await lintWithCache(cwd)).map((o) => o.problems)).toEqual([[], [], []]);
    expect(checkedFiles).toEqual(['b.md']);
    // c takes a's title: cached a gains it again.
    write(cwd, { 'c.md': '# Same\n' });
    resetCheckedFiles();
    expect((await lintWithCache(cwd)).map((o) => o.problems)).toEqual([['1:1 fake-same-title'], [], ['1:1 fake-same-title']]);
    expect(checkedFiles).toEqual(['c.md']);
  });

  it('warns about a corrupt cache, lints everything and writes a good one', async () => {
    const cwd = tempFolder();
    write(cwd, { 'a.md': '# A\n\n- TODO a\n', 'cache.bin': 'not a cache' });
    const warnings: string[] = [];
    const outcomes = await lintWithCache(cwd, { warnings });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('corrupt');
    expect(outcomes[0]!.problems).toEqual(['3:3 fake-todo']);
    resetCheckedFiles();
    const again: string[] = [];
    await lintWithCache(cwd, { warnings: again });
    expect(again).toEqual([]);
    expect(checkedFiles).toEqual([]);
  });

  it('is not used when fixing', async () => {
    const cwd = tempFolder();
    write(cwd, { 'a.md': '# A\n' });
    await lintWithCache(cwd);
    resetCheckedFiles();
    await lintWithCache(cwd, { fix: 'dry-run' });
    expect(checkedFiles.length).toBeGreaterThan(0);
  });

  it('is written by the CLI at --lint-cache-location, and at the default place with --lint-cache', async () => {
    const cwd = tempFolder();
    write(cwd, { 'a.md': '# A\n' });
    const run = async (argv: string[]) => {
      const io = captureIo({ cwd });
      const code = await main([...argv, 'a.md', '-f', 'json'], io, { rulesModule: FAKE_RULES_MODULE, workers: 0 });
      return { code, err: io.err.join('') };
    };
    expect(await run(['--lint-cache-location', 'custom.cache'])).toEqual({ code: 0, err: '' });
    expect(readFileSync(path.join(cwd, 'custom.cache')).length).toBeGreaterThan(0);
    expect(await run(['--lint-cache'])).toEqual({ code: 0, err: '' });
    expect(readFileSync(path.join(cwd, '.lint-lists-lint-cache')).length).toBeGreaterThan(0);
    writeFileSync(path.join(cwd, 'custom.cache'), 'garbage');
    const corrupt = await run(['--lint-cache-location', 'custom.cache']);
    expect(corrupt.code).toBe(0);
    expect(corrupt.err).toMatch(/custom\.cache: the lint cache is corrupt/);
  });
});
