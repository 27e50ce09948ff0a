import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseWorkerCount, lintFiles } from '../../src/lint/engine.js';
import { expandInputs } from '../../src/lint/files.js';
import { FAKE_SETUP_MODULE } from './fixtures/fake-setup.js';
import { tempFolder } from './fixtures/temp.js';

async function lintFolder(cwd: string, workers: number) {
  const { files } = await expandInputs(['.'], { cwd });
  return lintFiles({ tasks: files, setup: { module: FAKE_SETUP_MODULE, data: {} }, cwd, workers });
}

const summary = (outcomes: Awaited<ReturnType<typeof lintFolder>>) =>
  outcomes.map((o) => ({ file: o.file, failure: o.failure, problems: o.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.severity} ${d.ruleId}`) }));

function writeLists(cwd: string): void {
  writeFileSync(path.join(cwd, 'a.md'), '# Same\n\n- TODO\ta\n');
  writeFileSync(path.join(cwd, 'b.md'), '# Same\n\n<!-- lint-lists-disable-next-line fake-tab, fake-typo -->\n- x\ty TODO\n');
  writeFileSync(path.join(cwd, 'c.md'), Buffer.from([0x23, 0xff]));
  writeFileSync(path.join(cwd, 'd.md'), '# Other\n');
}

describe('lintFiles', () => {
  it('leaves links out of the outcomes when asked, except when they go into the lint cache', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'a.md'), '# A\n\n- [Alpha](https://alpha.dev/) - Alpha.\n');
    const { files } = await expandInputs(['.'], { cwd });
    const lint = (options: { isLinksKept?: boolean; cache?: string }) =>
      lintFiles({ tasks: files, setup: { module: FAKE_SETUP_MODULE, data: {} }, cwd, workers: 0, ...options, cache: options.cache ? { location: path.join(cwd, options.cache) } : undefined });
    const urls = (outcomes: Awaited<ReturnType<typeof lint>>) => outcomes.flatMap((o) => o.links.map((link) => link.url));
    expect(urls(await lint({}))).toEqual(['https://alpha.dev/']);
    expect(urls(await lint({ isLinksKept: false }))).toEqual([]);
    expect(urls(await lint({ isLinksKept: false, cache: 'cache.bin' }))).toEqual(['https://alpha.dev/']);
  });

  it('lints every file, applies disable comments and run-wide rules, and isolates failing files', async () => {
    const cwd = tempFolder();
    writeLists(cwd);
    const outcomes = await lintFolder(cwd, 0);
    expect(summary(outcomes)).toEqual([
      { file: 'a.md', failure: undefined, problems: ['1:1 error fake-same-title', '3:3 warning fake-todo', '3:7 error fake-tab'] },
      { file: 'b.md', failure: undefined, problems: ['1:1 error fake-same-title', '3:1 warning lint-directive', '4:7 warning fake-todo'] },
      { file: 'c.md', failure: 'c.md: not valid UTF-8 (byte 0xff at line 1); save it as UTF-8', problems: ['1:1 error file-unreadable'] },
      { file: 'd.md', failure: undefined, problems: [] },
    ]);
    expect(outcomes[0]!.links).toEqual([]);
  });

  it('applies disable comments to run-wide diagnostics, per file', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'a.md'), '# Same\n');
    writeFileSync(path.join(cwd, 'b.md'), '# Same\n\n<!-- lint-lists-disable-file fake-same-title -->\n');
    writeFileSync(path.join(cwd, 'c.md'), '# Same\n');
    const outcomes = await lintFolder(cwd, 0);
    expect(summary(outcomes).map((o) => o.problems)).toEqual([['1:1 error fake-same-title'], [], ['1:1 error fake-same-title']]);
  });

  it('gives the same results on worker threads', async () => {
    const cwd = tempFolder();
    writeLists(cwd);
    const inProcess = await lintFolder(cwd, 0);
    const onWorkers = await lintFolder(cwd, 2);
    expect(onWorkers).toEqual(inProcess);
  });

  it('picks workers only for several files of some size on several cores', () => {
    expect(chooseWorkerCount([{ sizeBytes: 10_000_000 }], 8)).toBe(0);
    expect(chooseWorkerCount([{ sizeBytes: 1000 }, { sizeBytes: 1000 }], 8)).toBe(0);
    expect(chooseWorkerCount([{ sizeBytes: 400_000 }, { sizeBytes: 400_000 }], 1)).toBe(0);
    expect(chooseWorkerCount([{ sizeBytes: 400_000 }, { sizeBytes: 400_000 }, { sizeBytes: 1 }], 8)).toBe(3);
    // On 2 cores the pool costs memory and CPU for no wall time.
    expect(chooseWorkerCount([{ sizeBytes: 400_000 }, { sizeBytes: 400_000 }, { sizeBytes: 1 }], 2)).toBe(0);
    expect(chooseWorkerCount([{ sizeBytes: 400_000 }, { sizeBytes: 400_000 }, { sizeBytes: 1 }], 3)).toBe(3);
  });
});
