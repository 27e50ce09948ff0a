import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkGitHubRepos, parseGitHubRepoLink } from '../../../src/links/github.js';

const API = 'https://api.github.com';
const TOKEN = 'ghp_testtoken';
let sleeps: number[];
let clock: number;
const options = (extra: Partial<Parameters<typeof checkGitHubRepos>[1]> = {}) => ({
  token: TOKEN,
  apiUrl: API,
  // nock intercepts the global fetch; the guarded connection itself is tested against loopback servers.
  fetch: globalThis.fetch,
  sleep: async (ms: number) => {
    sleeps.push(ms);
    clock += ms;
  },
  now: () => clock,
  ...extra,
});

beforeEach(() => {
  nock.disableNetConnect();
  sleeps = [];
  clock = Date.UTC(2026, 0, 1);
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('parseGitHubRepoLink', () => {
  it('recognises repositories, with tree/blob paths and #readme', () => {
    expect(parseGitHubRepoLink('https://github.com/owner/repo')).toEqual({ owner: 'owner', repo: 'repo', rest: '' });
    expect(parseGitHubRepoLink('https://github.com/owner/repo/tree/main/docs')).toEqual({ owner: 'owner', repo: 'repo', rest: '/tree/main/docs' });
    expect(parseGitHubRepoLink('https://github.com/owner/repo.git')).toMatchObject({ repo: 'repo' });
    expect(parseGitHubRepoLink('https://www.github.com/owner/repo/blob/main/README.md')).toMatchObject({ rest: '/blob/main/README.md' });
    expect(parseGitHubRepoLink('https://github.com/owner/repo#readme')).toMatchObject({ owner: 'owner', repo: 'repo' });
  });

  it('leaves other GitHub pages to the HTTP checker', () => {
    for (const url of [
      'https://github.com/owner',
      'https://github.com/orgs/acme/repositories',
      'https://github.com/topics/awesome',
      'https://github.com/features/actions',
      'https://github.com/owner/repo/issues/1',
      'https://github.com/owner/repo?tab=readme',
      'https://gist.github.com/owner/abc',
      'http://github.com/owner/repo',
    ]) {
      expect(parseGitHubRepoLink(url), url).toBeUndefined();
    }
  });
});

describe('checkGitHubRepos', () => {
  it('batches repositories through GraphQL: ok, archived, renamed and deleted', async () => {
    let query = '';
    const graphql = nock(API, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .post('/graphql', (body: { query: string; variables: Record<string, string> }) => {
        query = body.query;
        return body.variables.o0 === 'alive' && body.variables.n3 === 'gone';
      })
      .reply(200, {
        data: {
          r0: { nameWithOwner: 'Alive/Repo', isArchived: false, url: 'https://github.com/Alive/Repo' },
          r1: { nameWithOwner: 'old/archive', isArchived: true, url: 'https://github.com/old/archive' },
          r2: { nameWithOwner: 'new-owner/new-name', isArchived: false, url: 'https://github.com/new-owner/new-name' },
          r3: null,
        },
        errors: [{ type: 'NOT_FOUND', path: ['r3'], message: 'Could not resolve to a Repository' }],
      });
    const rest = nock(API, { reqheaders: { authorization: `Bearer ${TOKEN}` } }).get('/repos/owner/gone').reply(404, { message: 'Not Found' });
    const urls = [
      'https://github.com/alive/repo',
      'https://github.com/alive/repo/tree/main/src',
      'https://github.com/old/archive',
      'https://github.com/moved/thing/blob/main/README.md',
      'https://github.com/owner/gone',
      'https://github.com/owner',
    ];
    const { results, unresolved } = await checkGitHubRepos(urls, options());
    expect(query.match(/repository\(/g)).toHaveLength(4);
    expect(results.get(urls[0]!)).toMatchObject({ verdict: 'ok', status: 200 });
    expect(results.get(urls[1]!)).toMatchObject({ verdict: 'ok' });
    expect(results.get(urls[2]!)).toMatchObject({ verdict: 'ok', archived: true });
    expect(results.get(urls[3]!)).toMatchObject({ verdict: 'redirect', permanent: true, finalUrl: 'https://github.com/new-owner/new-name/blob/main/README.md' });
    expect(results.get(urls[4]!)).toMatchObject({ verdict: 'dead', status: 404 });
    expect(unresolved).toEqual(['https://github.com/owner']);
    graphql.done();
    rest.done();
  });

  it('follows a REST rename (301) to the new html_url', async () => {
    nock(API).post('/graphql').reply(200, { data: { r0: null }, errors: [{ type: 'NOT_FOUND', path: ['r0'] }] });
    nock(API).get('/repos/old/name').reply(301, { message: 'Moved Permanently' }, { location: `${API}/repositories/42` });
    nock(API, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .get('/repositories/42')
      .reply(200, { full_name: 'fresh/name', html_url: 'https://github.com/fresh/name', archived: false });
    const { results } = await checkGitHubRepos(['https://github.com/old/name'], options());
    expect(results.get('https://github.com/old/name')).toMatchObject({ verdict: 'redirect', finalUrl: 'https://github.com/fresh/name', permanent: true });
    expect(nock.isDone()).toBe(true);
  });

  it('never follows a rename redirect off the API origin: the link is left to the HTTP checker', async () => {
    nock(API).post('/graphql').reply(200, { data: { r0: null }, errors: [{ type: 'NOT_FOUND', path: ['r0'] }] });
    nock(API).get('/repos/old/name').reply(301, '', { location: 'https://elsewhere.example/repositories/42' });
    const elsewhere = nock('https://elsewhere.example').get('/repositories/42').reply(200, { full_name: 'fresh/name', html_url: 'https://github.com/fresh/name' });
    const { results, unresolved } = await checkGitHubRepos(['https://github.com/old/name'], options());
    expect(elsewhere.isDone()).toBe(false);
    expect(results.size).toBe(0);
    expect(unresolved).toEqual(['https://github.com/old/name']);
  });

  it('ignores a rename whose new home is not a repository on the same GitHub host', async () => {
    const hostile = [
      { nameWithOwner: 'evil/repo', isArchived: false, url: 'https://evil.example/evil/repo' },
      { nameWithOwner: 'evil/repo', isArchived: false, url: 'https://github.com/evil/repo/issues/1' },
      { nameWithOwner: 'other/name', isArchived: false, url: 'https://github.com/evil/repo' },
      { nameWithOwner: 'evil/repo', isArchived: false, url: 'http://github.com/evil/repo' },
    ];
    nock(API)
      .post('/graphql')
      .reply(200, { data: Object.fromEntries(hostile.map((node, i) => [`r${i}`, node])) });
    const urls = ['https://github.com/a/one', 'https://github.com/b/two', 'https://github.com/c/three', 'https://github.com/d/four'];
    const { results, unresolved } = await checkGitHubRepos(urls, options());
    expect(results.size).toBe(0);
    expect(unresolved).toEqual(urls);
  });

  it('pauses until x-ratelimit-reset when the quota is exhausted', async () => {
    const resetSeconds = clock / 1000 + 30;
    nock(API)
      .post('/graphql')
      .reply(200, { data: { r0: { nameWithOwner: 'a/one', isArchived: false, url: 'https://github.com/a/one' } } }, {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(resetSeconds),
      });
    nock(API).post('/graphql').reply(200, { data: { r0: { nameWithOwner: 'b/two', isArchived: false, url: 'https://github.com/b/two' } } });
    const { results } = await checkGitHubRepos(['https://github.com/a/one', 'https://github.com/b/two'], options({ batchSize: 1 }));
    expect(sleeps).toEqual([30_000]);
    expect(results.size).toBe(2);
  });

  it('obeys retry-after on a secondary rate limit, then retries', async () => {
    nock(API).post('/graphql').reply(403, { message: 'secondary rate limit' }, { 'retry-after': '7' });
    nock(API).post('/graphql').reply(200, { data: { r0: { nameWithOwner: 'a/one', isArchived: false, url: 'https://github.com/a/one' } } });
    const { results } = await checkGitHubRepos(['https://github.com/a/one'], options());
    expect(sleeps).toEqual([7000]);
    expect(results.get('https://github.com/a/one')).toMatchObject({ verdict: 'ok' });
  });

  it('hands links back for plain HTTP checks when the wait would be too long or the token is bad', async () => {
    nock(API).post('/graphql').reply(403, { message: 'rate limited' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(clock / 1000 + 3600) });
    const limited = await checkGitHubRepos(['https://github.com/a/one'], options({ maxWaitMs: 60_000 }));
    expect(limited.unresolved).toEqual(['https://github.com/a/one']);
    expect(sleeps).toEqual([]);

    const warnings: string[] = [];
    nock(API).post('/graphql').reply(401, { message: 'Bad credentials' });
    const bad = await checkGitHubRepos(['https://github.com/a/one'], options({ warn: (m) => warnings.push(m) }));
    expect(bad.unresolved).toEqual(['https://github.com/a/one']);
    expect(warnings.join('')).toContain('rejected the token');
  });

  it('falls back to plain HTTP checks when the API cannot be reached', async () => {
    const warnings: string[] = [];
    const failingFetch: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const outcome = await checkGitHubRepos(['https://github.com/a/one', 'https://github.com/b/two'], options({ fetch: failingFetch, warn: (m) => warnings.push(m) }));
    expect(outcome.unresolved).toEqual(['https://github.com/a/one', 'https://github.com/b/two']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('GitHub API unreachable');
  });
});
