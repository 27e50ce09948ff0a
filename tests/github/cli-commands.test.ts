// `lint-lists merge` and `lint-lists report-issue` through the real CLI entry, with the GitHub API mocked by nock.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { LinkResult } from '../../src/links/types.js';
import type { Report } from '../../src/report/types.js';
import { tempFolder } from '../lint/fixtures/temp.js';

function link(url: string, verdict: LinkResult['verdict'], file: string, extra: Partial<LinkResult> = {}): LinkResult {
  const start = { line: 5, column: 3, offset: 40 };
  return { url, verdict, attempts: 1, durationMs: 1, fromCache: false, occurrences: [{ file, start, end: start, written: url }], ...extra };
}

function shard(file: string, links: LinkResult[], errors: number): Report {
  const start = { line: 5, column: 3, offset: 40 };
  const diagnostics = Array.from({ length: errors }, () => ({ ruleId: 'link-dead', severity: 'error' as const, message: 'dead', file, start }));
  return {
    version: 1,
    tool: { name: 'lint-lists', version: '0.1.0' },
    cwd: '/repo',
    files: [{ file, diagnostics }],
    links,
    rules: [],
    summary: { errors, warnings: 0, fixable: 0, files: 1, filesWithProblems: errors > 0 ? 1 : 0 },
  };
}

async function run(cwd: string, argv: string[], env: Record<string, string> = {}) {
  const io = captureIo({ cwd, env });
  const code = await main(argv, io, { workers: 0 });
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('lint-lists merge', () => {
  it('combines shard reports into one and keeps the exit code meaningful', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 's1.json'), JSON.stringify(shard('lists/a.md', [link('https://a.example/', 'ok', 'lists/a.md')], 0)));
    writeFileSync(path.join(cwd, 's2.json'), JSON.stringify(shard('lists/b.md', [link('https://b.example/', 'dead', 'lists/b.md', { status: 404 })], 1)));

    const { code, stdout } = await run(cwd, ['merge', 's1.json', 's2.json', '--format', 'json']);

    const merged = JSON.parse(stdout) as Report;
    expect(merged.links?.map((l) => l.url).sort()).toEqual(['https://a.example/', 'https://b.example/']);
    expect(merged.files.map((f) => f.file).sort()).toEqual(['lists/a.md', 'lists/b.md']);
    expect(code).toBe(1);
  });

  it('names the file when a shard report is not a report', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'bad.json'), '{"hello": 1}');
    const { code, stderr } = await run(cwd, ['merge', 'bad.json']);
    expect(code).toBe(2);
    expect(stderr).toContain('bad.json: not a lint-lists JSON report');
  });
});

describe('lint-lists report-issue', () => {
  const API = 'https://api.github.com';
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });

  it('opens the report issue for confirmed dead links', async () => {
    const cwd = tempFolder();
    writeFileSync(
      path.join(cwd, 'report.json'),
      JSON.stringify(shard('lists/a.md', [link('https://gone.example/', 'dead', 'lists/a.md', { status: 410, failedRuns: 2 })], 1)),
    );
    let body = '';
    nock(API)
      .get('/repos/octo/list/issues')
      .query(true)
      .reply(200, [])
      .post('/repos/octo/list/issues', (payload: { body: string }) => {
        body = payload.body;
        return true;
      })
      .reply(201, { number: 3, html_url: 'https://github.com/octo/list/issues/3' });

    const { code, stderr } = await run(cwd, ['report-issue', 'report.json'], { GITHUB_TOKEN: 't0ken', GITHUB_REPOSITORY: 'octo/list' });

    expect(stderr).toContain('report issue created (https://github.com/octo/list/issues/3)');
    expect(code).toBe(0);
    expect(body).toContain('`https://gone.example/` | dead (410) | lists/a.md:5');
  });

  it('refuses to run without a token', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'report.json'), JSON.stringify(shard('lists/a.md', [], 0)));
    const { code, stderr } = await run(cwd, ['report-issue', 'report.json'], { GITHUB_REPOSITORY: 'octo/list' });
    expect(code).toBe(2);
    expect(stderr).toContain('needs GITHUB_TOKEN and GITHUB_REPOSITORY');
  });
});
