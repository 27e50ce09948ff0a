import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LinkCheckerRun } from '../../src/engine/check-links.js';
import { openLintCache } from '../../src/lint/cache.js';
import { lintFiles } from '../../src/lint/engine.js';
import type { FileOutcome } from '../../src/lint/process-file.js';
import type { Report } from '../../src/report/types.js';
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

  it('keeps link-duplicate across files right when only some files changed (real rules, from the CLI)', async () => {
    const cwd = tempFolder();
    const entry = (name: string, url: string) => `- [${name}](${url}) - Does ${name.toLowerCase()} things.\n`;
    write(cwd, {
      'a.md': `# A\n\n## Tools\n\n${entry('Alpha', 'https://alpha.dev/')}${entry('Beta', 'https://beta.dev/')}`,
      'b.md': `# B\n\n## Tools\n\n${entry('Beta', 'https://beta.dev/')}${entry('Gamma', 'https://gamma.dev/')}`,
    });
    const duplicates = async (): Promise<string[]> => {
      const io = captureIo({ cwd });
      await main(['a.md', 'b.md', '-f', 'json', '--lint-cache-location', 'cache.bin'], io, { workers: 0 });
      const report = JSON.parse(io.out.join('')) as Report;
      return report.files.flatMap((file) => file.diagnostics.filter((d) => d.ruleId === 'link-duplicate').map((d) => `${file.file}:${d.start.line} ${d.url}`));
    };
    expect(await duplicates()).toEqual(['b.md:5 https://beta.dev/']);
    // Unchanged, all from the cache (summaries decoded from it).
    expect(await duplicates()).toEqual(['b.md:5 https://beta.dev/']);
    // a drops Beta: cached b must lose the problem it has only because of a.
    write(cwd, { 'a.md': `# A\n\n## Tools\n\n${entry('Alpha', 'https://alpha.dev/')}` });
    expect(await duplicates()).toEqual([]);
    // a lists Gamma: cached b gains a problem again.
    write(cwd, { 'a.md': `# A\n\n## Tools\n\n${entry('Gamma', 'https://gamma.dev/')}` });
    expect(await duplicates()).toEqual(['b.md:6 https://gamma.dev/']);
  });

  it('gives a later --links run the links of files linted without link checks', async () => {
    const cwd = tempFolder();
    write(cwd, { 'a.md': '# A\n\n- [Alpha](https://alpha.dev/) - Alpha.\n- [Beta](https://beta.dev/) - Beta.\n' });
    const seen: string[][] = [];
    const linkChecker: LinkCheckerRun = async (input) => {
      seen.push(input.files.flatMap((file) => file.links.map((link) => `${file.file} ${link.url} ${link.range.start.line}:${link.range.start.column}`)));
      return { diagnostics: [], results: [], networkDown: false };
    };
    const run = (argv: string[]) => main(['a.md', '-f', 'json', '--lint-cache-location', 'cache.bin', ...argv], captureIo({ cwd }), { rulesModule: FAKE_RULES_MODULE, workers: 0, linkChecker });
    await run(['--links']);
    await run([]);
    await run(['--links']);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual(['a.md https://alpha.dev/ 3:3', 'a.md https://beta.dev/ 4:3']);
    expect(seen[1]).toEqual(seen[0]);
  });

  it('restores links and summaries on first read, and lets them be replaced', async () => {
    const cwd = tempFolder();
    const location = path.join(cwd, 'cache.bin');
    const links = [{ url: 'https://a.dev/' }] as unknown as FileOutcome['links'];
    const stored: FileOutcome = { file: 'a.md', absolutePath: path.join(cwd, 'a.md'), diagnostics: [], summaries: { 'some-rule': [{ key: 'a' }] }, links, directives: { directives: [] } };
    const first = await openLintCache({ location }, 'setup');
    first.store(stored.absolutePath, 'hash', stored);
    await first.save();
    const hit = (await openLintCache({ location }, 'setup')).lookup('a.md', stored.absolutePath, 'hash')!;
    // Still serialised: a run that never reads them never pays for decoding them.
    expect(Object.getOwnPropertyDescriptor(hit, 'links')?.get).toBeTypeOf('function');
    expect(Object.getOwnPropertyDescriptor(hit.summaries, 'some-rule')?.get).toBeTypeOf('function');
    expect(hit.summaries['some-rule']).toEqual([{ key: 'a' }]);
    expect(hit.links).toEqual(links);
    expect(hit.links).toBe(hit.links);
    hit.links = [];
    expect(hit.links).toEqual([]);
    expect('some-rule' in hit.summaries).toBe(true);
    expect((await openLintCache({ location }, 'setup')).lookup('a.md', stored.absolutePath, 'other hash')).toBeUndefined();
  });

  it('names the cache when a stored part turns out damaged', async () => {
    const cwd = tempFolder();
    const location = path.join(cwd, 'cache.bin');
    const cache = await openLintCache({ location }, 'setup');
    cache.store(path.join(cwd, 'a.md'), 'hash', { file: 'a.md', absolutePath: path.join(cwd, 'a.md'), diagnostics: [], summaries: {}, links: [], directives: { directives: [] } });
    await cache.save();
    const file = deserialize(readFileSync(location)) as { entries: Record<string, { links: Uint8Array }> };
    for (const entry of Object.values(file.entries)) entry.links = Buffer.from('not serialised');
    writeFileSync(location, serialize(file));
    const hit = (await openLintCache({ location }, 'setup')).lookup('a.md', path.join(cwd, 'a.md'), 'hash')!;
    expect(() => hit.links).toThrow(/cache\.bin: the lint cache is corrupt/);
  });
});

