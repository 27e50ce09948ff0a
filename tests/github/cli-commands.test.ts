// `lint-lists merge` and `lint-lists report-issue` through the real CLI entry, against a fake GitHub API on loopback.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { LinkResult } from '../../src/links/types.js';
import type { Report } from '../../src/report/types.js';
import { tempFolder } from '../lint/fixtures/temp.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

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
  let api: FakeGitHub | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('opens the report issue for confirmed dead links on the API that GITHUB_API_URL names, as the Actions bot', async () => {
    const cwd = tempFolder();
    // The fake API lives on loopback, which the address guard refuses unless the config allows it.
    writeFileSync(path.join(cwd, 'lint-lists.config.json'), JSON.stringify({ links: { allowPrivate: ['127.0.0.1'] } }));
    writeFileSync(
      path.join(cwd, 'report.json'),
      JSON.stringify(shard('lists/a.md', [link('https://gone.example/', 'dead', 'lists/a.md', { status: 410, failedRuns: 2 })], 1)),
    );
    api = await startFakeGitHub((req) => {
      if (req.path === '/api/v3/user') return { status: 403, body: { message: 'Resource not accessible by integration' } };
      if (req.method === 'GET' && req.path === '/api/v3/repos/octo/list/issues') {
        return { status: 200, body: [{ number: 2, body: '<!-- lint-lists-report -->', user: { login: 'someone', type: 'User' } }] };
      }
      if (req.method === 'POST' && req.path === '/api/v3/repos/octo/list/issues') return { status: 201, body: { number: 3, html_url: 'https://ghes.example/octo/list/issues/3' } };
      return undefined;
    });
    const env = {
      GITHUB_TOKEN: 't0ken',
      GITHUB_REPOSITORY: 'octo/list',
      GITHUB_API_URL: `${api.origin}/api/v3`,
      REPORT_RUN_URL: 'https://ghes.example/octo/list/actions/runs/9',
      REPORT_ARTIFACT_URL: 'https://ghes.example/octo/list/actions/runs/9/artifacts/1',
    };

    const { code, stderr } = await run(cwd, ['report-issue', 'report.json'], env);

    expect(stderr).toContain('report issue created (https://ghes.example/octo/list/issues/3)');
    expect(code).toBe(0);
    expect(api.requests.every((r) => r.headers.authorization === 'Bearer t0ken')).toBe(true);
    const created = api.requests.find((r) => r.method === 'POST');
    const body = (created?.body as { body: string }).body;
    expect(body).toContain('`https://gone.example/` | dead (`410`) | `lists/a.md:5`');
    expect(body).toContain('[download](<https://ghes.example/octo/list/actions/runs/9/artifacts/1>) from [this workflow run](<https://ghes.example/octo/list/actions/runs/9>)');
  });

  it('exits 2 with GitHub\'s error details when a call fails', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'lint-lists.config.json'), JSON.stringify({ links: { allowPrivate: ['127.0.0.1'] } }));
    writeFileSync(path.join(cwd, 'report.json'), JSON.stringify(shard('lists/a.md', [], 0)));
    api = await startFakeGitHub(() => ({ status: 401, body: { message: 'Bad credentials', errors: [{ code: 'invalid', field: 'token' }] } }));

    const { code, stderr } = await run(cwd, ['report-issue', 'report.json'], { GITHUB_TOKEN: 'bad', GITHUB_REPOSITORY: 'octo/list', GITHUB_API_URL: api.origin });

    expect(code).toBe(2);
    expect(stderr).toContain('GitHub API GET /user: 401 Unauthorized: Bad credentials: token invalid');
    expect(stderr).not.toContain('    at ');
  });

  it('refuses to send the token over plain http to a host that is not loopback', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'report.json'), JSON.stringify(shard('lists/a.md', [], 0)));
    const { code, stderr } = await run(cwd, ['report-issue', 'report.json'], { GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'octo/list', GITHUB_API_URL: 'http://ghes.example/api/v3' });
    expect(code).toBe(2);
    expect(stderr).toContain('GITHUB_API_URL: got "http://ghes.example/api/v3", expected an https:// URL');
  });

  it('refuses to run without a token', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'report.json'), JSON.stringify(shard('lists/a.md', [], 0)));
    const { code, stderr } = await run(cwd, ['report-issue', 'report.json'], { GITHUB_REPOSITORY: 'octo/list' });
    expect(code).toBe(2);
    expect(stderr).toContain('needs GITHUB_TOKEN and GITHUB_REPOSITORY');
  });
});
