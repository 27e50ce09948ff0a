// Pull-request runs (`--changed-since`): a link added dead fails now; only unverifiable links never fail a PR.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../../src/cli/io.js';
import { checkLinks } from '../../../src/links/index.js';
import { reply, startServer, type TestServer } from '../../helpers/servers.js';
import { linksConfig, refsIn } from '../pipeline/helpers.js';

let repo: string;
let server: TestServer;
const git = (...args: string[]): string =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_CONFIG_GLOBAL: '/dev/null' },
  });

beforeAll(async () => {
  server = await startServer({
    host: '127.0.0.41',
    routes: {
      '/ok': reply.status(200),
      '/gone': reply.status(404),
      '/wall': reply.status(403, { 'cf-mitigated': 'challenge' }),
    },
  });
  repo = mkdtempSync(path.join(tmpdir(), 'lint-lists-pr-'));
  git('init', '-q', '-b', 'main');
  writeFileSync(path.join(repo, 'list.md'), `# A\n\n- [Old](${server.url('/ok')}) - Old.\n`);
  git('add', '.');
  git('commit', '-q', '-m', 'base');
});

afterAll(async () => {
  rmSync(repo, { recursive: true, force: true });
  await server.close();
});

async function run(markdown: string, changedSince: string | undefined) {
  writeFileSync(path.join(repo, 'list.md'), markdown);
  return checkLinks({
    files: [{ file: 'list.md', links: refsIn(markdown) }],
    // The unverifiable severity raised to error: a PR must still not fail on it.
    config: linksConfig({ perHostIntervalMs: 0, retries: 0 }),
    linkSeverity: { 'link-unverifiable': { severity: 'error', options: {} } },
    ...(changedSince !== undefined ? { changedSince } : {}),
    // A cache is in play, as in the action: without --changed-since it would ask for a second failing run.
    cache: '.lint-lists-cache.json',
    allowPrivate: ['127.0.0.41'],
    quiet: true,
    io: captureIo({ cwd: repo }),
  });
}

describe('pull-request runs', () => {
  const added = () => `# A\n\n- [Old](${server.url('/ok')}) - Old.\n- [Gone](${server.url('/gone')}) - New.\n- [Wall](${server.url('/wall')}) - New.\n`;

  it('a link added dead is an error on the first run, a bot wall at most a warning', async () => {
    rmSync(path.join(repo, '.lint-lists-cache.json'), { force: true });
    const outcome = await run(added(), 'HEAD');
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.severity, d.start.line])).toEqual([
      ['link-dead', 'error', 4],
      ['link-unverifiable', 'warning', 5],
    ]);
    expect(outcome.diagnostics[0]?.message).not.toContain('runs needed to confirm');
  });

  it('the scheduled run (no --changed-since) still waits for confirmation across runs', async () => {
    rmSync(path.join(repo, '.lint-lists-cache.json'), { force: true });
    const outcome = await run(added(), undefined);
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['link-dead', 'warning'],
      ['link-unverifiable', 'error'],
    ]);
  });
});
