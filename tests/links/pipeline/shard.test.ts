import { describe, expect, it } from 'vitest';
import { fnv1a, isInShard, parseShard, shardOfHost } from '../../../src/links/shard.js';
import { mergeShardReports } from '../../../src/report/merge-shards.js';
import type { Report } from '../../../src/report/types.js';
import type { Diagnostic } from '../../../src/diagnostics.js';

describe('parseShard', () => {
  it('accepts k/n with 1 ≤ k ≤ n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '1/2/3', '-1/2', '', '1/1001']) {
      expect(() => parseShard(bad), bad).toThrow(expect.objectContaining({ code: 'USAGE' }));
    }
  });
});

describe('sharding by host', () => {
  const hosts = Array.from({ length: 200 }, (_, i) => `host${i}.example`);

  it('puts every host in exactly one shard', () => {
    for (const count of [1, 2, 3, 7]) {
      for (const host of hosts) {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) => isInShard(host, { index, count }));
        expect(owners).toHaveLength(1);
      }
    }
  });

  it('is stable (FNV-1a reference values) and spreads hosts around', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    expect(shardOfHost('GitHub.com', 4)).toBe(shardOfHost('github.com', 4));
    const sizes = [1, 2, 3, 4].map((index) => hosts.filter((h) => isInShard(h, { index, count: 4 })).length);
    expect(Math.min(...sizes)).toBeGreaterThan(20);
  });
});

describe('mergeShardReports', () => {
  const lint: Diagnostic = { ruleId: 'entry-separator', severity: 'error', message: 'Unexpected', file: 'a.md', start: { line: 1, column: 1, offset: 0 } };
  const dead: Diagnostic = { ruleId: 'link-dead', severity: 'error', message: 'dead', file: 'a.md', start: { line: 2, column: 3, offset: 10 }, url: 'https://x.example/' };
  const moved: Diagnostic = { ruleId: 'link-redirect', severity: 'warning', message: 'moved', file: 'b.md', start: { line: 1, column: 3, offset: 2 }, fix: [{ start: 4, end: 8, text: 'https' }] };
  const base = (files: Report['files'], links: Report['links']): Report => ({
    version: 1,
    tool: { name: 'lint-lists', version: '0.1.0' },
    cwd: '/repo',
    files,
    links,
    rules: [{ id: 'entry-separator', description: 'd', fixable: true }],
    summary: { errors: 0, warnings: 0, fixable: 0, files: 0, filesWithProblems: 0 },
  });
  const link = (url: string, verdict: 'ok' | 'dead' | 'skipped') => ({ url, verdict, attempts: 1, durationMs: 1, fromCache: false, occurrences: [] });

  it('joins files and links, keeps shared lint problems once and recomputes the summary', () => {
    const merged = mergeShardReports([
      base([{ file: 'a.md', diagnostics: [lint, dead] }, { file: 'b.md', diagnostics: [] }], [link('https://x.example/', 'dead'), link('#top', 'skipped')]),
      base([{ file: 'a.md', diagnostics: [lint] }, { file: 'b.md', diagnostics: [moved] }], [link('https://y.example/', 'ok'), link('#top', 'skipped')]),
    ]);
    expect(merged.files.map((f) => [f.file, f.diagnostics.map((d) => d.ruleId)])).toEqual([
      ['a.md', ['entry-separator', 'link-dead']],
      ['b.md', ['link-redirect']],
    ]);
    expect(merged.links?.map((l) => l.url)).toEqual(['#top', 'https://x.example/', 'https://y.example/']);
    expect(merged.summary).toEqual({ errors: 2, warnings: 1, fixable: 1, files: 2, filesWithProblems: 2 });
    expect(merged.rules).toHaveLength(1);
  });

  it('refuses to merge nothing', () => {
    expect(() => mergeShardReports([])).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});
