import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../../src/cli/io.js';
import { runLinkChecks } from '../../../src/cli/commands/links.js';
import type { ResolvedConfig } from '../../../src/config/resolve.js';
import { checkLinks, detectNetworkDown, NETWORK_DOWN_MESSAGE } from '../../../src/links/index.js';
import { fakeChecker, linksConfig, refsIn } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lint-lists-pipeline-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

const markdown = [
  '- [Alive](https://alive.example/) - Fine.',
  '- [Dead](https://dead.example/gone) - Gone.',
  '- [Moved](http://moved.example/) - Moved.',
  '- [Repo](https://github.com/owner/repo) - A repository.',
  '- [Org](https://github.com/orgs/acme) - An organisation.',
  '- [Mail](mailto:a@b.example) - Mail.',
  '- [Again](https://dead.example/gone) - Twice.',
].join('\n');
const files = [{ file: 'list.md', links: refsIn(markdown) }];
const answers = (url: string) =>
  url.includes('dead.example')
    ? { verdict: 'dead' as const, status: 404 }
    : url.startsWith('http://moved')
      ? { verdict: 'redirect' as const, permanent: true, finalUrl: 'https://moved.example/', redirects: [{ url, status: 301 }] }
      : {};

describe('checkLinks with a fake checker', () => {
  it('checks each URL once and turns results into diagnostics, skipped links included', async () => {
    const io = captureIo({ cwd: dir });
    const checker = fakeChecker(answers);
    const outcome = await checkLinks({ files, config: linksConfig(), cache: false, io, checkerFactory: checker.factory, allowPrivate: ['127.0.0.1'] });
    expect(checker.checked.sort()).toEqual(['http://moved.example/', 'https://alive.example/', 'https://dead.example/gone', 'https://github.com/orgs/acme', 'https://github.com/owner/repo']);
    expect(checker.closed).toBe(1);
    expect(checker.options[0]).toMatchObject({ hosts: { 'github.com': { perHostConcurrency: 2, perHostIntervalMs: 500 } }, allowPrivate: ['127.0.0.1'], requestTimeoutMs: 20_000 });
    expect(outcome.results.find((r) => r.url === 'mailto:a@b.example')?.verdict).toBe('skipped');
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.severity, d.start.line])).toEqual([
      ['link-dead', 'error', 2],
      ['link-redirect', 'warning', 3],
      ['link-dead', 'error', 7],
    ]);
    expect(outcome.diagnostics[1]!.fix).toHaveLength(1);
    expect(outcome.networkDown).toBe(false);
  });

  it('reports a failure as a warning until it failed on enough runs, and reuses cached successes', async () => {
    const io = captureIo({ cwd: dir });
    const first = fakeChecker(answers);
    const run1 = await checkLinks({ files, config: linksConfig(), io, checkerFactory: first.factory, quiet: true });
    expect(run1.diagnostics.filter((d) => d.ruleId === 'link-dead').map((d) => [d.severity, d.message])).toEqual([
      ['warning', '`https://dead.example/gone` is dead (404 Not Found); failed 1 of 2 runs needed to confirm'],
      ['warning', '`https://dead.example/gone` is dead (404 Not Found); failed 1 of 2 runs needed to confirm'],
    ]);
    expect(existsSync(path.join(dir, '.lint-lists-cache.json'))).toBe(true);
    const second = fakeChecker(answers);
    const run2 = await checkLinks({ files, config: linksConfig(), io, checkerFactory: second.factory, quiet: true });
    expect(second.checked).toEqual(['https://dead.example/gone']);
    expect(run2.results.find((r) => r.url === 'https://alive.example/')?.fromCache).toBe(true);
    expect(run2.results.find((r) => r.url === 'https://dead.example/gone')?.failedRuns).toBe(2);
    expect(run2.diagnostics.filter((d) => d.ruleId === 'link-dead').map((d) => d.severity)).toEqual(['error', 'error']);
    expect(run2.diagnostics.find((d) => d.ruleId === 'link-redirect')?.fix).toHaveLength(1);
    expect(io.err).toEqual([]);
  });

  it('uses the cache file given with --cache', async () => {
    const io = captureIo({ cwd: dir });
    await checkLinks({ files, config: linksConfig(), cache: 'custom/cache.json', io, checkerFactory: fakeChecker(answers).factory, quiet: true });
    expect(JSON.parse(readFileSync(path.join(dir, 'custom', 'cache.json'), 'utf8')).entries['https://alive.example/'].verdict).toBe('ok');
  });

  it('declares the network down when every host failed for want of a route or resolver, printing one message and withholding failures', async () => {
    const io = captureIo({ cwd: dir });
    const checker = fakeChecker((url) => ({ verdict: 'error', reason: 'EAI_AGAIN', failureClass: url.includes('alive') ? 'route' : 'resolver' }));
    const outcome = await checkLinks({ files, config: linksConfig(), io, checkerFactory: checker.factory, quiet: true });
    expect(outcome.networkDown).toBe(true);
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.results.every((r) => r.verdict === 'skipped')).toBe(true);
    expect(io.err).toEqual([`${NETWORK_DOWN_MESSAGE}\n`]);
    // Failures seen while offline must not count towards confirmation.
    expect(existsSync(path.join(dir, '.lint-lists-cache.json')) ? Object.keys(JSON.parse(readFileSync(path.join(dir, '.lint-lists-cache.json'), 'utf8')).entries) : []).toEqual([]);
  });

  it('does not declare the network down when any host answered', async () => {
    const io = captureIo({ cwd: dir });
    const checker = fakeChecker((url) => (url.includes('alive') ? {} : { verdict: 'error', reason: 'ENOTFOUND', failureClass: 'dns' }));
    const outcome = await checkLinks({ files, config: linksConfig(), cache: false, io, checkerFactory: checker.factory, quiet: true });
    expect(outcome.networkDown).toBe(false);
    expect(outcome.diagnostics.filter((d) => d.ruleId === 'link-error')).toHaveLength(5);
  });

  it('checks repositories through the GitHub API when a token is set, the rest over HTTP', async () => {
    nock.disableNetConnect();
    nock('https://api.github.com', { reqheaders: { authorization: 'Bearer secret' } })
      .post('/graphql')
      .reply(200, { data: { r0: { nameWithOwner: 'owner/repo', isArchived: true, url: 'https://github.com/owner/repo' } } });
    const io = captureIo({ cwd: dir, env: { GH_PAT: 'secret' } });
    const checker = fakeChecker(answers);
    const outcome = await checkLinks({ files, config: linksConfig({ github: { tokenEnv: 'GH_PAT' } }), cache: false, io, checkerFactory: checker.factory, quiet: true, fetch: globalThis.fetch });
    expect(checker.checked).not.toContain('https://github.com/owner/repo');
    expect(checker.checked).toContain('https://github.com/orgs/acme');
    expect(outcome.diagnostics.find((d) => d.url === 'https://github.com/owner/repo')).toMatchObject({ ruleId: 'link-archived', severity: 'warning' });
    expect(nock.isDone()).toBe(true);
  });

  it('splits the work by host across shards', async () => {
    const io = captureIo({ cwd: dir });
    const seen: string[][] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const checker = fakeChecker(answers);
      await checkLinks({ files, config: linksConfig(), cache: false, shard, io, checkerFactory: checker.factory, quiet: true });
      seen.push(checker.checked);
    }
    const all = seen.flat().sort();
    expect(all).toEqual(['http://moved.example/', 'https://alive.example/', 'https://dead.example/gone', 'https://github.com/orgs/acme', 'https://github.com/owner/repo']);
    expect(seen.find((urls) => urls.includes('https://github.com/orgs/acme'))).toContain('https://github.com/owner/repo');
  });

  it('rejects a bad --shard before checking anything', async () => {
    const checker = fakeChecker(answers);
    await expect(checkLinks({ files, config: linksConfig(), shard: '4/3', io: captureIo({ cwd: dir }), checkerFactory: checker.factory })).rejects.toMatchObject({ code: 'USAGE' });
    expect(checker.checked).toEqual([]);
  });
});

describe('detectNetworkDown', () => {
  const down = (host: string) => ({ host, result: { url: `https://${host}/`, verdict: 'error' as const, failureClass: 'resolver' as const, attempts: 1, durationMs: 1 } });
  const nxdomain = (host: string) => ({ host, result: { url: `https://${host}/`, verdict: 'error' as const, failureClass: 'dns' as const, attempts: 1, durationMs: 1 } });
  const refused = (host: string) => ({ host, result: { url: `https://${host}/`, verdict: 'error' as const, failureClass: 'connect' as const, attempts: 1, durationMs: 1 } });
  const up = (host: string) => ({ host, result: { url: `https://${host}/`, verdict: 'dead' as const, failureClass: 'http' as const, attempts: 1, durationMs: 1 } });

  it('needs every host down', () => {
    expect(detectNetworkDown([down('a'), down('b'), down('c'), down('d')])).toBe(true);
    expect(detectNetworkDown([down('a'), down('b'), down('c'), up('d')])).toBe(false);
    expect(detectNetworkDown([down('a'), { host: 'a', result: up('a').result }, down('b'), down('c')])).toBe(false);
    expect(detectNetworkDown([])).toBe(false);
  });

  it('a non-existent name or a refused connection proves the network is up', () => {
    expect(detectNetworkDown([nxdomain('a')])).toBe(false);
    expect(detectNetworkDown([refused('a')])).toBe(false);
    expect(detectNetworkDown([down('a'), down('b'), down('c'), refused('d')])).toBe(false);
    expect(detectNetworkDown([down('a'), down('b'), down('c'), nxdomain('d')])).toBe(false);
  });

  it('takes all hosts when there are fewer than three', () => {
    expect(detectNetworkDown([down('a'), down('b')])).toBe(true);
    expect(detectNetworkDown([down('a'), { host: 'b' }])).toBe(false);
  });
});

describe('runLinkChecks (the links command)', () => {
  it('passes the flags through to the pipeline', async () => {
    const io = captureIo({ cwd: dir, isTTY: false });
    const config = { root: dir, files: [], ignore: [], rules: [], links: linksConfig({ exclude: ['*'] }) } as unknown as ResolvedConfig;
    const output = await runLinkChecks({ files, config, argv: { fix: false, quiet: true, cache: false }, io });
    expect(output.networkDown).toBe(false);
    expect(output.diagnostics).toEqual([]);
    expect(output.results.filter((r) => r.verdict === 'excluded')).toHaveLength(5);
    expect(existsSync(path.join(dir, '.lint-lists-cache.json'))).toBe(false);
  });
});
