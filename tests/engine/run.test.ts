// The engine's run: one fix loop and one write per file, link fixes re-linted, and writes that never overwrite what they should not.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LinkCheckInput, LinkCheckOutput } from '../../src/engine/check-links.js';
import { loadRunConfig } from '../../src/engine/load.js';
import { runLint, type RunOptions } from '../../src/engine/run.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { FAKE_RULES_MODULE } from '../lint/fixtures/fake-setup.js';
import { tempFolder } from '../lint/fixtures/temp.js';

const writes = vi.hoisted(() => [] as string[]);
const beforeWrite = vi.hoisted(() => ({ hook: undefined as undefined | ((file: string) => void) }));
vi.mock('../../src/write-atomic.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/write-atomic.js')>();
  return {
    ...original,
    writeAtomic: async (file: string, ...rest: Parameters<typeof original.writeAtomic> extends [string, ...infer R] ? R : never) => {
      writes.push(file);
      return original.writeAtomic(file, ...rest);
    },
  };
});

beforeEach(() => {
  writes.length = 0;
  beforeWrite.hook = undefined;
});

/** `old.example` moves permanently to a URL whose text holds a tab, which only the lint rule `fake-tab` removes. */
async function redirectingChecker(input: LinkCheckInput): Promise<LinkCheckOutput> {
  const diagnostics: Diagnostic[] = [];
  for (const { file, links } of input.files) {
    for (const link of links) {
      if (!link.url.startsWith('https://old.example/') || !link.urlRange) continue;
      beforeWrite.hook?.(file);
      const { start, end } = link.urlRange;
      diagnostics.push({ ruleId: 'link-redirect', severity: 'warning', message: 'Moved', file, start: link.range.start, url: link.url, fix: [{ start: start.offset, end: end.offset, text: 'https://new.example/\tpage' }] });
    }
  }
  return { diagnostics, results: [], networkDown: false };
}

async function run(cwd: string, options: Partial<RunOptions> = {}) {
  const loaded = await loadRunConfig({ cwd, rulesModule: FAKE_RULES_MODULE });
  const warnings: string[] = [];
  const result = await runLint(loaded, { paths: ['.'], cwd, isLintOn: true, isLinksOn: false, fix: 'write', isQuiet: false, workers: 0, events: { onWarning: (m) => warnings.push(m) }, ...options });
  const ids = result.report.files.flatMap((f) => f.diagnostics.map((d) => `${f.file}:${d.start.line} ${d.ruleId}`));
  return { ...result, ids, warnings, messages: result.report.files.flatMap((f) => f.diagnostics.map((d) => d.message)) };
}

describe('fix with links', () => {
  it('lints, applies link fixes in the same loop (re-linted to a fixed point) and writes each file once', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'a.md'), '# A\n\n- [Old](https://old.example/page)\tx\n');
    writeFileSync(path.join(cwd, 'b.md'), '# B\n\n- [Same](https://same.example/)\tTODO\n');
    const { ids } = await run(cwd, { isLinksOn: true, linkChecker: redirectingChecker });
    // The tab the link fix brought in was fixed by the lint rule in the same loop.
    expect(readFileSync(path.join(cwd, 'a.md'), 'utf8')).toBe('# A\n\n- [Old](https://new.example/ page) x\n');
    expect(readFileSync(path.join(cwd, 'b.md'), 'utf8')).toBe('# B\n\n- [Same](https://same.example/) TODO\n');
    expect(writes.map((file) => path.basename(file)).sort()).toEqual(['a.md', 'b.md']);
    expect(ids).toEqual(['b.md:3 fake-todo']);
  });

  it('--fix-dry-run shows the same result and writes nothing', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'a.md'), '# A\n\n- [Old](https://old.example/page)\tx\n');
    const { diffs } = await run(cwd, { isLinksOn: true, linkChecker: redirectingChecker, fix: 'dry-run' });
    expect(diffs.join('')).toContain('+- [Old](https://new.example/ page) x');
    expect(writes).toEqual([]);
  });
});

describe('writing fixes safely', () => {
  it('keeps owner, group and mode of the fixed file', async () => {
    const cwd = tempFolder();
    const file = path.join(cwd, 'a.md');
    writeFileSync(file, '# A\n\ttab\n');
    chmodSync(file, 0o640);
    const isRoot = process.getuid?.() === 0;
    // As root the file can belong to anyone; otherwise to us and one of our groups.
    const owner = isRoot ? { uid: 4321, gid: 4322 } : { uid: process.getuid!(), gid: process.getgroups!().at(-1)! };
    chownSync(file, owner.uid, owner.gid);
    await run(cwd);
    const info = statSync(file);
    expect(readFileSync(file, 'utf8')).toBe('# A\n tab\n');
    expect({ uid: info.uid, gid: info.gid, mode: info.mode & 0o777 }).toEqual({ ...owner, mode: 0o640 });
  });

  it('does not replace a file with several hard links: reported as not fixed, with its problems', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'a.md'), '# A\n\ttab TODO\n');
    linkSync(path.join(cwd, 'a.md'), path.join(cwd, 'a-copy.txt'));
    const { ids, messages } = await run(cwd);
    expect(readFileSync(path.join(cwd, 'a.md'), 'utf8')).toBe('# A\n\ttab TODO\n');
    expect(ids).toEqual(['a.md:1 file-unwritable', 'a.md:2 fake-tab', 'a.md:2 fake-todo']);
    expect(messages[0]).toBe('a.md: not fixed: it has 2 hard links, and replacing it would split them');
  });

  it('does not replace a read-only file (also as root)', async () => {
    const cwd = tempFolder();
    const file = path.join(cwd, 'a.md');
    writeFileSync(file, '# A\n\ttab\n');
    chmodSync(file, 0o444);
    const { ids, messages } = await run(cwd);
    expect(readFileSync(file, 'utf8')).toBe('# A\n\ttab\n');
    expect(ids).toEqual(['a.md:1 file-unwritable', 'a.md:2 fake-tab']);
    expect(messages[0]).toBe('a.md: not fixed: the file is read-only');
  });

  it('leaves a file that changed on disk after it was read, and still writes the others', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'a.md'), '# A\n\n- [Old](https://old.example/page)\tx\n');
    writeFileSync(path.join(cwd, 'b.md'), '# B\n\ttab\n');
    // Another writer edits a.md while its links are being checked.
    beforeWrite.hook = (file) => writeFileSync(path.join(cwd, file), '# A edited elsewhere\n');
    const { ids, messages } = await run(cwd, { isLinksOn: true, linkChecker: redirectingChecker });
    expect(readFileSync(path.join(cwd, 'a.md'), 'utf8')).toBe('# A edited elsewhere\n');
    expect(readFileSync(path.join(cwd, 'b.md'), 'utf8')).toBe('# B\n tab\n');
    expect(ids).toEqual(['a.md:1 file-unwritable', 'a.md:3 link-redirect', 'a.md:3 fake-tab']);
    expect(messages[0]).toBe('a.md: not fixed: it changed on disk while it was being linted; run again');
  });

  it('removes temp files a killed run left, and keeps those of a live writer', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'a.md'), '# A\n');
    // A pid that existed and is gone: a child that has exited.
    const deadPid = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
    const orphan = `.a.md.lint-lists-${deadPid}-0123456789ab.tmp`;
    const live = `.a.md.lint-lists-${process.ppid}-ba9876543210.tmp`;
    writeFileSync(path.join(cwd, orphan), 'half');
    writeFileSync(path.join(cwd, live), 'busy');
    writeFileSync(path.join(cwd, 'notes.tmp'), 'not ours');
    const { warnings } = await run(cwd);
    expect(readdirSync(cwd).sort()).toEqual([live, 'a.md', 'notes.tmp'].sort());
    expect(warnings).toEqual([`removed ${orphan}, left by an interrupted run`]);
  });
});
