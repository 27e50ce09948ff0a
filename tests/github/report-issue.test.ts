// The report issue against a fake GitHub API on loopback: adoption by author only, create/update/close, errors[] in messages.
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient, type GitHubClient } from '../../src/github/api.js';
import { findingsFromReport } from '../../src/github/report-state.js';
import { REPORT_MARKER } from '../../src/github/issue-body.js';
import { readState } from '../../src/github/issue-state.js';
import { ACTIONS_BOT, resolveReportAuthor, syncReportIssue } from '../../src/github/report-issue.js';
import { LintListsError } from '../../src/errors.js';
import { report, result } from './report-fixtures.js';
import { startFakeGitHub, type FakeGitHub, type FakeRoute, type RecordedRequest } from './fake-github.js';

const REPO = 'octo/awesome-things';
const context = { date: '2026-11-22', runUrl: 'https://github.com/octo/awesome-things/actions/runs/7' };
const bot = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
const stranger = { login: 'mallory', id: 666, type: 'User' };

const servers: FakeGitHub[] = [];
const clients: GitHubClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function fakeApi(route: FakeRoute, host?: string): Promise<{ api: FakeGitHub; client: GitHubClient }> {
  const api = await startFakeGitHub(route, host);
  servers.push(api);
  const client = createGitHubClient({ repository: REPO, token: 'ghs_secret', apiUrl: api.origin, allowPrivate: ['127.0.0.0/8'] });
  clients.push(client);
  return { api, client };
}

/** Routes the issue list to `issues` and accepts every write, answering a created issue as number 12. */
function issueRoutes(issues: unknown[]): FakeRoute {
  return (req) => {
    if (req.method === 'GET' && req.path === `/repos/${REPO}/issues`) return { status: 200, body: issues };
    if (req.method === 'POST' && req.path === `/repos/${REPO}/issues`) return { status: 201, body: { number: 12, html_url: `https://github.com/${REPO}/issues/12` } };
    if (req.method === 'PATCH' || req.method === 'POST') return { status: 200, body: {} };
    return undefined;
  };
}

const writes = (api: FakeGitHub): RecordedRequest[] => api.requests.filter((r) => r.method !== 'GET');
const bodyOf = (req: RecordedRequest | undefined): string => (req?.body as { body: string }).body;

describe('findingsFromReport', () => {
  it('lists confirmed failures only, dead ones first, counts unconfirmed and unverifiable apart, and keeps redirects', () => {
    const findings = findingsFromReport(
      report([
        result('https://a-timeout.example/', 'timeout', { reason: 'timeout', failedRuns: 2 }),
        result('https://dead.example/a', 'dead', { status: 404, failedRuns: 2 }),
        result('https://flaky.example/', 'error', { reason: 'ECONNRESET', failedRuns: 1 }),
        result('https://wall.example/', 'unverifiable', { status: 403 }),
        result('http://moved.example/', 'redirect', { finalUrl: 'https://moved.example/', permanent: true }),
        result('https://ok.example/', 'ok'),
        result('mailto:x@example.com', 'skipped'),
      ]),
      2,
    );
    expect(findings.broken.map((b) => [b.url, b.cause, b.places])).toEqual([
      ['https://dead.example/a', '404', ['lists/tools.md:3']],
      ['https://a-timeout.example/', 'timeout', ['lists/tools.md:3']],
    ]);
    expect(findings.unconfirmed).toBe(1);
    expect(findings.unverifiable).toBe(1);
    expect(findings.redirects).toEqual([
      { url: 'http://moved.example/', finalUrl: 'https://moved.example/', permanent: true, places: ['lists/tools.md:3'] },
    ]);
    expect(findings.checked).toBe(6);
  });

  it('counts a refused private address as broken at once, with its reason: no later run can confirm it differently', () => {
    const reason = 'refused: 192.168.1.1 is a private address (allow it with links.allowPrivate); not checked';
    const findings = findingsFromReport(
      report([result('http://192.168.1.1/admin', 'refused', { reason, attempts: 0 }), result('https://ok.example/', 'ok')]),
      2,
    );
    expect(findings.broken.map((b) => [b.url, b.verdict, b.cause])).toEqual([['http://192.168.1.1/admin', 'refused', reason]]);
    expect(findings.unconfirmed).toBe(0);
    expect(findings.checked).toBe(2);
  });
});

describe('syncReportIssue', () => {
  const dead = findingsFromReport(report([result('https://dead.example/a', 'dead', { status: 404, failedRuns: 3 })]), 2);
  const healthy = findingsFromReport(report([result('https://ok.example/', 'ok')]), 2);
  const ourBody = (broken: string[]) => `${REPORT_MARKER}\nold\n<!-- lint-lists-state {"broken":${JSON.stringify(broken)}} -->`;

  it('creates the issue when links are confirmed dead and none is open, with the token sent', async () => {
    const { api, client } = await fakeApi(issueRoutes([{ number: 3, body: 'unrelated issue', user: bot }, { number: 4, body: REPORT_MARKER, pull_request: {}, user: bot }]));

    const outcome = await syncReportIssue(client, dead, context, ACTIONS_BOT);

    expect(outcome).toEqual({ action: 'created', issueNumber: 12, issueUrl: `https://github.com/${REPO}/issues/12` });
    expect(api.requests[0]).toMatchObject({ method: 'GET', headers: { authorization: 'Bearer ghs_secret' } });
    expect(api.requests[0]!.query.get('state')).toBe('open');
    const [created] = writes(api);
    expect(created).toMatchObject({ method: 'POST', path: `/repos/${REPO}/issues`, body: { title: 'Dead links report', labels: ['dead-links'] } });
    const body = bodyOf(created);
    expect(body).toContain(REPORT_MARKER);
    expect(body).toContain('## New (1)');
    expect(body).toContain('`https://dead.example/a`');
    expect(readState(body).urls).toEqual(['https://dead.example/a']);
  });

  it('never adopts an issue carrying the marker that someone else opened', async () => {
    const forged = [
      { number: 2, body: ourBody(['https://dead.example/a']), user: stranger },
      // Same login, but a user account is not the Actions bot.
      { number: 3, body: ourBody([]), user: { login: 'github-actions[bot]', type: 'User' } },
      { number: 5, body: ourBody([]) },
    ];
    const { api, client } = await fakeApi(issueRoutes(forged));

    const outcome = await syncReportIssue(client, dead, context, ACTIONS_BOT);

    expect(outcome.action).toBe('created');
    expect(writes(api).map((r) => `${r.method} ${r.path}`)).toEqual([`POST /repos/${REPO}/issues`]);
  });

  it('adopts only the issue a user token opened, matched by account id, not by a reused login', async () => {
    const me = { login: 'list-keeper', id: 77, type: 'User' };
    const issues = [
      { number: 2, body: ourBody([]), user: { ...me, id: 78 } },
      { number: 9, body: ourBody(['https://dead.example/a']), user: me, html_url: `https://github.com/${REPO}/issues/9` },
    ];
    const { api, client } = await fakeApi((req) => (req.path === '/user' ? { status: 200, body: me } : issueRoutes(issues)(req)));

    const author = await resolveReportAuthor(client);
    const outcome = await syncReportIssue(client, dead, context, author);

    expect(author).toEqual({ login: 'list-keeper', id: 77, type: 'User' });
    expect(outcome).toMatchObject({ action: 'updated', issueNumber: 9 });
    expect(writes(api).map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/${REPO}/issues/9`]);
  });

  it('takes an installation token (403 on GET /user) as the Actions bot, or as the bot login it is told', async () => {
    const { client } = await fakeApi((req) => (req.path === '/user' ? { status: 403, body: { message: 'Resource not accessible by integration' } } : undefined));
    await expect(resolveReportAuthor(client)).resolves.toEqual(ACTIONS_BOT);
    await expect(resolveReportAuthor(client, 'link-keeper[bot]')).resolves.toEqual({ login: 'link-keeper[bot]', type: 'Bot' });
  });

  it('updates its own issue, showing new, still broken and fixed links, and comments on the change', async () => {
    const now = findingsFromReport(
      report([
        result('https://dead.example/a', 'dead', { status: 404, failedRuns: 4 }),
        result('https://new.example/', 'error', { reason: 'ENOTFOUND', failedRuns: 2 }),
      ]),
      2,
    );
    const { api, client } = await fakeApi(
      issueRoutes([{ number: 9, body: ourBody(['https://dead.example/a', 'https://gone.example/']), html_url: `https://github.com/${REPO}/issues/9`, user: bot }]),
    );

    const outcome = await syncReportIssue(client, now, context, ACTIONS_BOT);

    expect(outcome).toMatchObject({ action: 'updated', issueNumber: 9 });
    const [patch, comment] = writes(api);
    expect(`${patch!.method} ${patch!.path}`).toBe(`PATCH /repos/${REPO}/issues/9`);
    const body = bodyOf(patch);
    expect(body.indexOf('## New (1)')).toBeLessThan(body.indexOf('`https://new.example/`'));
    expect(body).toMatch(/## Still broken \(1\)[\s\S]*`https:\/\/dead\.example\/a`/);
    expect(body).toMatch(/## Fixed since the last report \(1\)\n\n- `https:\/\/gone\.example\/`/);
    expect(body).toContain('1 new · 1 still broken · 1 fixed');
    expect(`${comment!.method} ${comment!.path}`).toBe(`POST /repos/${REPO}/issues/9/comments`);
    expect(bodyOf(comment)).toContain('1 newly broken, 1 fixed');
    expect(bodyOf(comment)).toContain('`https://new.example/`');
  });

  it('follows pagination to find its issue and never opens a second one', async () => {
    let origin = '';
    const { api, client } = await fakeApi((req) => {
      if (req.path === `/repos/${REPO}/issues` && req.method === 'GET') {
        return { status: 200, body: [{ number: 1, body: 'first page', user: bot }], headers: { link: `<${origin}/repositories/1/issues?page=2>; rel="next"` } };
      }
      if (req.path === '/repositories/1/issues') return { status: 200, body: [{ number: 40, body: ourBody(['https://dead.example/a']), user: bot }] };
      if (req.method === 'PATCH') return { status: 200, body: {} };
      return undefined;
    });
    origin = api.origin;

    const outcome = await syncReportIssue(client, dead, context, ACTIONS_BOT);
    // Nothing new and nothing fixed: the body is refreshed without a notification comment.
    expect(outcome).toMatchObject({ action: 'updated', issueNumber: 40 });
    expect(writes(api).map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/${REPO}/issues/40`]);
  });

  it('closes its issue with a comment once every link is healthy', async () => {
    const { api, client } = await fakeApi(issueRoutes([{ number: 5, body: ourBody(['https://dead.example/a']), user: bot }]));

    const outcome = await syncReportIssue(client, healthy, context, ACTIONS_BOT);

    expect(outcome).toMatchObject({ action: 'closed', issueNumber: 5 });
    const [comment, patch] = writes(api);
    expect(bodyOf(comment)).toMatch(/^All links are healthy again as of 2026-11-22; closing\.\n\n\*\*Fixed since the last report:\*\*\n\n- `https:\/\/dead\.example\/a`/);
    expect(patch).toMatchObject({ method: 'PATCH', body: { state: 'closed', state_reason: 'completed' } });
  });

  it('does nothing when all is healthy and no report is open', async () => {
    const { api, client } = await fakeApi(issueRoutes([]));
    await expect(syncReportIssue(client, healthy, context, ACTIONS_BOT)).resolves.toEqual({ action: 'none' });
    expect(writes(api)).toEqual([]);
  });

  it("turns an API error into a LintListsError naming the call, the status and GitHub's errors[]", async () => {
    const { client } = await fakeApi((req) =>
      req.method === 'GET'
        ? { status: 200, body: [] }
        : {
            status: 422,
            body: {
              message: 'Validation Failed',
              errors: [{ resource: 'Issue', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }, 'labels is invalid'],
              documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
            },
          },
    );

    const error = await syncReportIssue(client, dead, context, ACTIONS_BOT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LintListsError);
    expect((error as LintListsError).code).toBe('GITHUB_API');
    expect((error as Error).message).toBe(
      `GitHub API POST /repos/${REPO}/issues: 422 Unprocessable Entity: Validation Failed: Issue.body body is too long (maximum is 65536 characters); labels is invalid`,
    );
  });
});

describe('GitHub client safety', () => {
  it('refuses to follow a pagination link to another origin with the token', async () => {
    const elsewhere = await startFakeGitHub(() => ({ status: 200, body: [] }), '127.0.0.3');
    servers.push(elsewhere);
    const { client } = await fakeApi(() => ({ status: 200, body: [], headers: { link: `<${elsewhere.origin}/steal?page=2>; rel="next"` } }), '127.0.0.2');
    await expect(client.paginate(`/repos/${REPO}/issues?state=open&per_page=100`)).rejects.toThrow(`refusing to send the token to ${elsewhere.origin}`);
    expect(elsewhere.requests).toEqual([]);
  });

  it('goes through the address guard: an API on a private address is refused unless allowed', async () => {
    const api = await startFakeGitHub(() => ({ status: 200, body: [] }));
    servers.push(api);
    const guarded = createGitHubClient({ repository: REPO, token: 'ghs_secret', apiUrl: api.origin });
    clients.push(guarded);
    await expect(guarded.request('GET', '/user')).rejects.toThrow('refused: private address 127.0.0.1');
    expect(api.requests).toEqual([]);
  });

  it('rejects a malformed repository name', () => {
    expect(() => createGitHubClient({ repository: 'not a repo', token: 't' })).toThrow('expected "owner/name"');
  });
});
