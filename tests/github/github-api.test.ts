// The shared GitHub API client and the link checker's GitHub checks, against fake APIs on loopback addresses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { checkLinks } from '../../src/links/index.js';
import { checkGitHubRepos } from '../../src/links/github.js';
import { createGitHubApi, errorDetail, resolveGitHubApiUrl, webOriginOf } from '../../src/links/github-api.js';
import { fakeChecker, linksConfig, refsIn } from '../links/pipeline/helpers.js';
import { startFakeGitHub, type FakeGitHub, type FakeRoute } from './fake-github.js';

const servers: FakeGitHub[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function serve(route: FakeRoute, host: string): Promise<FakeGitHub> {
  const server = await startFakeGitHub(route, host);
  servers.push(server);
  return server;
}

const repoNode = (nameWithOwner: string, url: string) => ({ nameWithOwner, isArchived: false, url });

describe('resolveGitHubApiUrl', () => {
  it('takes GITHUB_API_URL over the default, a configured value over both', () => {
    expect(resolveGitHubApiUrl({}, 'https://api.github.com')).toBe('https://api.github.com');
    expect(resolveGitHubApiUrl({ GITHUB_API_URL: 'https://ghes.example/api/v3/' }, 'https://api.github.com')).toBe('https://ghes.example/api/v3');
    expect(resolveGitHubApiUrl({ GITHUB_API_URL: 'https://ghes.example/api/v3' }, 'https://other.example/api/v3')).toBe('https://other.example/api/v3');
  });

  it('refuses plain http off loopback, credentials and queries', () => {
    expect(() => resolveGitHubApiUrl({ GITHUB_API_URL: 'http://ghes.example/api/v3' })).toThrow('GITHUB_API_URL: got "http://ghes.example/api/v3", expected an https:// URL');
    expect(() => resolveGitHubApiUrl({}, 'https://user:pw@ghes.example/api')).toThrow('links.github.apiUrl');
    expect(() => resolveGitHubApiUrl({ GITHUB_API_URL: 'not a url' })).toThrow('expected an https:// URL');
    expect(resolveGitHubApiUrl({ GITHUB_API_URL: 'http://127.0.0.2:8080/api/v3' })).toBe('http://127.0.0.2:8080/api/v3');
  });

  it('derives the web host whose repositories the API knows', () => {
    expect(webOriginOf('https://api.github.com')).toBe('https://github.com');
    expect(webOriginOf('https://api.acme.ghe.com')).toBe('https://acme.ghe.com');
    expect(webOriginOf('https://ghes.example/api/v3')).toBe('https://ghes.example');
  });
});

describe('GitHub API client', () => {
  it('waits a minute on a secondary rate limit without Retry-After, then retries', async () => {
    let calls = 0;
    const api = await serve(() => (++calls === 1 ? { status: 403, body: { message: 'You have exceeded a secondary rate limit.' } } : { status: 200, body: { ok: true } }), '127.0.0.1');
    const sleeps: number[] = [];
    const client = createGitHubApi({ apiUrl: api.origin, token: 't', allowPrivate: ['127.0.0.1'], sleep: async (ms) => void sleeps.push(ms) });
    await expect(client.request('GET', '/x')).resolves.toMatchObject({ status: 200, data: { ok: true } });
    expect(sleeps).toEqual([60_000]);
    await client.close();
  });

  it('gives up with the reason when the wait is beyond its budget', async () => {
    const api = await serve(() => ({ status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '3600' } }), '127.0.0.1');
    const client = createGitHubApi({ apiUrl: api.origin, token: 't', allowPrivate: ['127.0.0.1'], maxWaitMs: 60_000, sleep: async () => {} });
    await expect(client.request('GET', '/x')).rejects.toThrow('rate limited (429); waiting 3600 s is beyond the allowed wait');
    await client.close();
  });

  it("puts GitHub's message and errors[] in one line", () => {
    expect(errorDetail(JSON.stringify({ message: 'Validation Failed', errors: [{ resource: 'Label', field: 'name', code: 'already_exists' }, 'x\ny'] }))).toBe(
      ': Validation Failed: Label.name already_exists; x y',
    );
    expect(errorDetail('<html>gateway\n</html>')).toBe(': <html>gateway </html>');
    expect(errorDetail('')).toBe('');
  });
});

describe('GitHub checks in the link pipeline', () => {
  it('sends a GitHub Enterprise token only to its own API, for links on its own host; github.com links go over HTTP', async () => {
    const ghes = await serve((req) => {
      if (req.method === 'POST' && req.path === '/api/graphql') {
        const { variables } = req.body as { variables: Record<string, string> };
        return { status: 200, body: { data: { r0: repoNode(`${variables.o0}/${variables.n0}`, `${ghesWeb}/${variables.o0}/${variables.n0}`) } } };
      }
      return undefined;
    }, '127.0.0.2');
    const ghesWeb = ghes.origin;
    const dir = mkdtempSync(path.join(tmpdir(), 'lint-lists-ghes-'));
    dirs.push(dir);
    const markdown = [`- [Internal](${ghesWeb}/crew/tool) - Ours.`, '- [Public](https://github.com/owner/repo) - Theirs.'].join('\n');
    const io = captureIo({ cwd: dir, env: { GITHUB_TOKEN: 'ghes-secret', GITHUB_API_URL: `${ghes.origin}/api/v3` } });
    const checker = fakeChecker(() => ({}));

    const outcome = await checkLinks({
      files: [{ file: 'list.md', links: refsIn(markdown) }],
      config: linksConfig({ allowPrivate: ['127.0.0.2'] }),
      cache: false,
      io,
      checkerFactory: checker.factory,
      quiet: true,
    });

    expect(ghes.requests).toHaveLength(1);
    expect(ghes.requests[0]!.headers.authorization).toBe('Bearer ghes-secret');
    expect((ghes.requests[0]!.body as { variables: unknown }).variables).toEqual({ o0: 'crew', n0: 'tool' });
    expect(checker.checked).toEqual(['https://github.com/owner/repo']);
    expect(outcome.results.find((r) => r.url === `${ghesWeb}/crew/tool`)).toMatchObject({ verdict: 'ok', status: 200 });
  });

  it('follows a REST rename only on the API origin, and only to a repository on the same host', async () => {
    let origin = '';
    const other = await serve(() => ({ status: 200, body: { full_name: 'fresh/name', html_url: 'https://github.com/fresh/name' } }), '127.0.0.3');
    const api = await serve((req) => {
      if (req.path === '/api/graphql') {
        const { variables } = req.body as { variables: Record<string, string> };
        return { status: 200, body: { data: Object.fromEntries(Object.keys(variables).filter((k) => k.startsWith('o')).map((k) => [`r${k.slice(1)}`, null])), errors: Object.keys(variables).filter((k) => k.startsWith('o')).map((k) => ({ type: 'NOT_FOUND', path: [`r${k.slice(1)}`] })) } };
      }
      if (req.path === '/api/v3/repos/old/name') return { status: 301, headers: { location: `${origin}/api/v3/repositories/42` } };
      if (req.path === '/api/v3/repositories/42') return { status: 200, body: { full_name: 'fresh/name', html_url: `${origin}/fresh/name`, archived: false } };
      if (req.path === '/api/v3/repos/away/name') return { status: 301, headers: { location: `${other.origin}/api/v3/repositories/42` } };
      if (req.path === '/api/v3/repos/odd/name') return { status: 301, headers: { location: `${origin}/api/v3/user` } };
      if (req.path === '/api/v3/repos/elsewhere/name') return { status: 200, body: { full_name: 'fresh/name', html_url: 'https://github.com/fresh/name' } };
      return undefined;
    }, '127.0.0.2');
    origin = api.origin;
    const urls = ['old/name', 'away/name', 'odd/name', 'elsewhere/name'].map((repo) => `${origin}/${repo}`);

    const { results, unresolved } = await checkGitHubRepos(urls, { token: 'secret', apiUrl: `${origin}/api/v3`, allowPrivate: ['127.0.0.2', '127.0.0.3'], sleep: async () => {} });

    expect(results.get(urls[0]!)).toMatchObject({ verdict: 'redirect', permanent: true, finalUrl: `${origin}/fresh/name` });
    expect(unresolved).toEqual(urls.slice(1));
    expect(other.requests).toEqual([]);
  });

  it('goes through the address guard: an API on a private address is not contacted unless allowed', async () => {
    const api = await serve(() => ({ status: 200, body: { data: {} } }), '127.0.0.2');
    const warnings: string[] = [];
    const { unresolved } = await checkGitHubRepos([`${api.origin}/a/b`], { token: 'secret', apiUrl: `${api.origin}/api/v3`, warn: (m) => warnings.push(m) });
    expect(unresolved).toEqual([`${api.origin}/a/b`]);
    expect(api.requests).toEqual([]);
    expect(warnings.join('')).toContain('refused: private address 127.0.0.2');
  });
});
