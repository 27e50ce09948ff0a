import nock from 'nock';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createGitHubClient, nextLink } from '../../src/github/api.js';
import { findingsFromReport } from '../../src/github/report-state.js';
import { REPORT_MARKER, readPreviousState } from '../../src/github/issue-body.js';
import { syncReportIssue } from '../../src/github/report-issue.js';
import { LintListsError } from '../../src/errors.js';
import type { LinkResult } from '../../src/links/types.js';
import type { Report } from '../../src/report/types.js';

const API = 'https://api.github.com';
const REPO = 'octo/awesome-things';
const context = { date: '2026-11-22', runUrl: 'https://github.com/octo/awesome-things/actions/runs/7' };

function result(url: string, verdict: LinkResult['verdict'], extra: Partial<LinkResult> = {}): LinkResult {
  return {
    url,
    verdict,
    attempts: 1,
    durationMs: 5,
    fromCache: false,
    occurrences: [{ file: 'lists/tools.md', start: { line: 3, column: 3, offset: 20 }, end: { line: 3, column: 30, offset: 47 }, written: url }],
    ...extra,
  };
}

function report(links: LinkResult[]): Report {
  return {
    version: 1,
    tool: { name: 'lint-lists', version: '0.1.0' },
    cwd: '/repo',
    files: [{ file: 'lists/tools.md', diagnostics: [] }],
    links,
    rules: [],
    summary: { errors: 0, warnings: 0, fixable: 0, files: 1, filesWithProblems: 0 },
  };
}

const client = () => createGitHubClient({ repository: REPO, token: 'ghs_secret', apiUrl: API });

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('findingsFromReport', () => {
  it('lists confirmed failures only, counts unconfirmed and unverifiable apart, and keeps redirects', () => {
    const findings = findingsFromReport(
      report([
        result('https://dead.example/a', 'dead', { status: 404, failedRuns: 2 }),
        result('https://flaky.example/', 'error', { reason: 'ECONNRESET', failedRuns: 1 }),
        result('https://wall.example/', 'unverifiable', { status: 403 }),
        result('http://moved.example/', 'redirect', { finalUrl: 'https://moved.example/', permanent: true }),
        result('https://ok.example/', 'ok'),
        result('mailto:x@example.com', 'skipped'),
      ]),
      2,
    );
    expect(findings.broken.map((b) => [b.url, b.cause, b.places])).toEqual([['https://dead.example/a', '404', ['lists/tools.md:3']]]);
    expect(findings.unconfirmed).toBe(1);
    expect(findings.unverifiable).toBe(1);
    expect(findings.redirects).toEqual([
      { url: 'http://moved.example/', finalUrl: 'https://moved.example/', permanent: true, places: ['lists/tools.md:3'] },
    ]);
    expect(findings.checked).toBe(5);
  });
});

describe('syncReportIssue', () => {
  const dead = findingsFromReport(report([result('https://dead.example/a', 'dead', { status: 404, failedRuns: 3 })]), 2);
  const healthy = findingsFromReport(report([result('https://ok.example/', 'ok')]), 2);

  it('creates the issue when links are confirmed dead and none is open', async () => {
    let posted: { title: string; body: string; labels: string[] } | undefined;
    nock(API)
      .get(`/repos/${REPO}/issues`)
      .query({ state: 'open', per_page: '100' })
      .matchHeader('authorization', 'Bearer ghs_secret')
      .reply(200, [{ number: 3, body: 'unrelated issue' }, { number: 4, body: REPORT_MARKER, pull_request: {} }])
      .post(`/repos/${REPO}/issues`, (body) => {
        posted = body as typeof posted;
        return true;
      })
      .reply(201, { number: 12, html_url: 'https://github.com/octo/awesome-things/issues/12' });

    const outcome = await syncReportIssue(client(), dead, context);

    expect(outcome).toEqual({ action: 'created', issueNumber: 12, issueUrl: 'https://github.com/octo/awesome-things/issues/12' });
    expect(posted?.title).toBe('Dead links report');
    expect(posted?.labels).toEqual(['dead-links']);
    expect(posted?.body).toContain(REPORT_MARKER);
    expect(posted?.body).toContain('## New');
    expect(posted?.body).toContain('`https://dead.example/a`');
    expect(readPreviousState(posted?.body)).toEqual(['https://dead.example/a']);
  });

  it('updates the open issue, showing new, still broken and fixed links, and comments on the change', async () => {
    const previousBody = `${REPORT_MARKER}\nold\n<!-- lint-lists-state {"broken":["https://dead.example/a","https://gone.example/"]} -->`;
    const now = findingsFromReport(
      report([
        result('https://dead.example/a', 'dead', { status: 404, failedRuns: 4 }),
        result('https://new.example/', 'error', { reason: 'ENOTFOUND', failedRuns: 2 }),
      ]),
      2,
    );
    let patched: { body: string } | undefined;
    let comment: { body: string } | undefined;
    nock(API)
      .get(`/repos/${REPO}/issues`)
      .query(true)
      .reply(200, [{ number: 9, body: previousBody, html_url: 'https://github.com/octo/awesome-things/issues/9' }])
      .patch(`/repos/${REPO}/issues/9`, (body) => {
        patched = body as typeof patched;
        return true;
      })
      .reply(200, {})
      .post(`/repos/${REPO}/issues/9/comments`, (body) => {
        comment = body as typeof comment;
        return true;
      })
      .reply(201, {});

    const outcome = await syncReportIssue(client(), now, context);

    expect(outcome.action).toBe('updated');
    expect(outcome.issueNumber).toBe(9);
    const body = patched!.body;
    expect(body.indexOf('## New')).toBeLessThan(body.indexOf('`https://new.example/`'));
    expect(body).toMatch(/## Still broken[\s\S]*`https:\/\/dead\.example\/a`/);
    expect(body).toMatch(/## Fixed since the last report\n\n- `https:\/\/gone\.example\/`/);
    expect(body).toContain('1 new · 1 still broken · 1 fixed');
    expect(comment!.body).toContain('1 newly broken');
    expect(comment!.body).toContain('1 fixed');
  });

  it('follows pagination to find the report issue and never opens a second one', async () => {
    nock(API)
      .get(`/repos/${REPO}/issues`)
      .query({ state: 'open', per_page: '100' })
      .reply(200, [{ number: 1, body: 'first page' }], { link: `<${API}/repositories/1/issues?state=open&per_page=100&page=2>; rel="next"` })
      .get('/repositories/1/issues')
      .query({ state: 'open', per_page: '100', page: '2' })
      .reply(200, [{ number: 40, body: `${REPORT_MARKER}\n<!-- lint-lists-state {"broken":["https://dead.example/a"]} -->` }])
      .patch(`/repos/${REPO}/issues/40`)
      .reply(200, {});

    const outcome = await syncReportIssue(client(), dead, context);
    // Nothing new and nothing fixed: the body is refreshed without a notification comment.
    expect(outcome).toMatchObject({ action: 'updated', issueNumber: 40 });
  });

  it('closes the open issue with a comment once every link is healthy', async () => {
    const calls: string[] = [];
    nock(API)
      .get(`/repos/${REPO}/issues`)
      .query(true)
      .reply(200, [{ number: 5, body: `${REPORT_MARKER}\n<!-- lint-lists-state {"broken":["https://dead.example/a"]} -->` }])
      .post(`/repos/${REPO}/issues/5/comments`, (body: { body: string }) => {
        calls.push(`comment:${body.body}`);
        return true;
      })
      .reply(201, {})
      .patch(`/repos/${REPO}/issues/5`, (body: { state: string; state_reason: string }) => {
        calls.push(`patch:${body.state}:${body.state_reason}`);
        return true;
      })
      .reply(200, {});

    const outcome = await syncReportIssue(client(), healthy, context);

    expect(outcome).toMatchObject({ action: 'closed', issueNumber: 5 });
    expect(calls[0]).toMatch(/^comment:All links are healthy again as of 2026-11-22; closing\. Fixed since the last report: `https:\/\/dead\.example\/a`/);
    expect(calls[1]).toBe('patch:closed:completed');
  });

  it('does nothing when all is healthy and no report is open', async () => {
    nock(API).get(`/repos/${REPO}/issues`).query(true).reply(200, []);
    await expect(syncReportIssue(client(), healthy, context)).resolves.toEqual({ action: 'none' });
  });

  it('turns an API error into a clear LintListsError naming the call and status', async () => {
    nock(API)
      .get(`/repos/${REPO}/issues`)
      .query(true)
      .reply(200, [])
      .post(`/repos/${REPO}/issues`)
      .reply(403, { message: 'Resource not accessible by integration' });

    const error = await syncReportIssue(client(), dead, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LintListsError);
    expect((error as LintListsError).code).toBe('GITHUB_API');
    expect((error as Error).message).toBe(
      `GitHub API POST /repos/${REPO}/issues: 403 Forbidden: Resource not accessible by integration`,
    );
  });
});

describe('GitHub client safety', () => {
  it('refuses to follow a pagination link to another origin with the token', async () => {
    nock(API)
      .get(`/repos/${REPO}/issues`)
      .query(true)
      .reply(200, [], { link: '<https://evil.example/steal?page=2>; rel="next"' });
    await expect(client().paginate(`/repos/${REPO}/issues?state=open&per_page=100`)).rejects.toThrow(
      'refusing to send the token to https://evil.example',
    );
  });

  it('parses Link headers', () => {
    expect(nextLink('<https://a/x?page=2>; rel="next", <https://a/x?page=9>; rel="last"')).toBe('https://a/x?page=2');
    expect(nextLink('<https://a/x?page=9>; rel="last"')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
  });

  it('rejects a malformed repository name', () => {
    expect(() => createGitHubClient({ repository: 'not a repo', token: 't' })).toThrow('expected "owner/name"');
  });
});
