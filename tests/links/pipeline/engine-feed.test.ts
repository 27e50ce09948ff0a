// The engine's link stage: files handed to the link run one by one, their link references released as they go.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../../src/config/resolve.js';
import { describeWorkerError, linkCheckHeapLimits, runLinkChecks } from '../../../src/engine/check-links.js';
import { LintListsError } from '../../../src/errors.js';
import type { LinkProgressEvent } from '../../../src/links/index.js';
import { reply, startServer } from '../../helpers/servers.js';
import { linksConfig, refsIn } from './helpers.js';

const LOOPBACK = ['127.0.0.0/8', '::1'];

describe('runLinkChecks', () => {
  it("checks every file's links and leaves each input file without its link references", async () => {
    const server = await startServer({ host: '127.0.0.71', routes: { '/a': reply.status(200), '/b': reply.status(404) } });
    try {
      const files = [
        { file: 'one.md', links: refsIn(`- [A](${server.url('/a')})`) },
        { file: 'two.md', links: refsIn(`- [B](${server.url('/b')})\n- [A again](${server.url('/a')})`) },
      ];
      const totals: number[] = [];
      // Only what the link stage reads from a resolved config.
      const config = { links: linksConfig({ allowPrivate: LOOPBACK, perHostIntervalMs: 0 }) } as unknown as ResolvedConfig;
      const output = await runLinkChecks({
        files,
        config,
        argv: { fix: false, quiet: true, cache: false },
        io: { stderr: () => undefined, stderrIsTTY: false, env: {}, cwd: process.cwd() },
        onProgress: (event: LinkProgressEvent) => totals.push(event.total),
      });
      expect(output.results.map((r) => [r.url, r.verdict, r.occurrences.map((o) => o.file)])).toEqual([
        [server.url('/a'), 'ok', ['one.md', 'two.md']],
        [server.url('/b'), 'dead', ['two.md']],
      ]);
      expect(output.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([['two.md', 'link-dead']]);
      // Released once their URLs were out: nothing holds a file's link references for the rest of the run.
      expect(files.map((f) => f.links)).toEqual([[], []]);
      expect(totals.at(-1)).toBe(2);
      expect(server.requests.filter((r) => r.path === '/a')).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('runLinkChecks on its worker thread', () => {
  const config = { links: linksConfig({ allowPrivate: LOOPBACK, perHostIntervalMs: 0 }) } as unknown as ResolvedConfig;

  it('rejects a bad --shard with the same user-ready error as in-process', async () => {
    const files = [{ file: 'one.md', links: refsIn('- [A](http://127.0.0.1/a)') }];
    const run = runLinkChecks({ files, config, argv: { fix: false, quiet: true, cache: false, shard: '4/3' }, io: { stderr: () => undefined, stderrIsTTY: false, env: {}, cwd: process.cwd() } });
    await expect(run).rejects.toBeInstanceOf(LintListsError);
    await expect(run).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('4/3') });
  });

  it("relays the pipeline's messages to standard error (here: a corrupt cache that is then ignored)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lint-lists-worker-'));
    const server = await startServer({ host: '127.0.0.72', routes: { '/a': reply.status(200) } });
    try {
      writeFileSync(path.join(dir, 'cache.json'), '{ not json');
      const stderr: string[] = [];
      const files = [{ file: 'one.md', links: refsIn(`- [A](${server.url('/a')})`) }];
      const output = await runLinkChecks({ files, config, argv: { fix: false, quiet: true, cache: 'cache.json' }, io: { stderr: (text) => stderr.push(text), stderrIsTTY: false, env: {}, cwd: dir } });
      expect(output.results.map((r) => r.verdict)).toEqual(['ok']);
      expect(stderr.join('')).toContain('cache.json');
      // The worker saved the cache before it was stopped.
      expect(JSON.parse(readFileSync(path.join(dir, 'cache.json'), 'utf8')).entries).toHaveProperty([server.url('/a')]);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the link check a heap that grows with the links, from a floor for small runs', () => {
    const small = linkCheckHeapLimits(10);
    const large = linkCheckHeapLimits(500_000);
    expect(small.maxOldGenerationSizeMb).toBeGreaterThanOrEqual(256);
    // Far above the 1.4 kB a link the worker held at its fullest in the benchmark.
    expect(large.maxOldGenerationSizeMb! * 1024 * 1024).toBeGreaterThan(500_000 * 1.4 * 1024 * 2);
    expect(large.maxYoungGenerationSizeMb).toBe(small.maxYoungGenerationSizeMb);
  });

  it('says when the link check ran out of its heap, with how many links and what to do, and passes other errors on', () => {
    const outOfMemory = Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
    const error = describeWorkerError(outOfMemory, 120_000, linkCheckHeapLimits(120_000));
    expect(error).toBeInstanceOf(LintListsError);
    expect(error.message).toBe(`the link check of 120000 links ran out of memory (its heap is limited to ${linkCheckHeapLimits(120_000).maxOldGenerationSizeMb} MB); split the run with --shard k/n`);
    const other = new Error('boom');
    expect(describeWorkerError(other, 10, linkCheckHeapLimits(10))).toBe(other);
  });
});
