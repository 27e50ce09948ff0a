import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedLines, isOnChangedLine, parseHunkHeader, parseUnifiedDiff } from '../../../src/links/changed-lines.js';
import { LintListsError } from '../../../src/errors.js';
import { captureIo } from '../../../src/cli/io.js';
import { checkLinks } from '../../../src/links/index.js';
import { fakeChecker, linksConfig, refsIn } from './helpers.js';
import { readFileSync } from 'node:fs';

let repo: string;
const git = (...args: string[]): string =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_CONFIG_GLOBAL: '/dev/null' },
  });

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'lint-lists-changed-'));
  git('init', '-q', '-b', 'main');
  mkdirSync(path.join(repo, 'lists'));
  writeFileSync(path.join(repo, 'lists', 'a.md'), ['# A', '', '- [One](https://one.example)', '- [Two](https://two.example)', '- [Three](https://three.example)', ''].join('\n'));
  writeFileSync(path.join(repo, 'lists', 'b.md'), '- [B](https://b.example)\n');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  // Change line 4, append line 6 and 7, leave b.md alone; add an untracked file.
  writeFileSync(
    path.join(repo, 'lists', 'a.md'),
    ['# A', '', '- [One](https://one.example)', '- [Two](https://two.example/new)', '- [Three](https://three.example)', '- [Four](https://four.example)', '- [Five](https://five.example)', ''].join('\n'),
  );
  writeFileSync(path.join(repo, 'lists', 'new.md'), '- [N](https://n.example)\n');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('changedLines on a real git repository', () => {
  it('maps hunks to changed lines per file as given, untracked files counting whole', async () => {
    const files = ['lists/a.md', 'lists/b.md', 'lists/new.md'];
    const changed = await changedLines('HEAD', files, repo);
    expect([...(changed.get('lists/a.md') as Set<number>)].sort()).toEqual([4, 6, 7]);
    expect([...(changed.get('lists/b.md') as Set<number>)]).toEqual([]);
    expect(changed.get('lists/new.md')).toBe('all');
  });

  it('resolves paths given relative to a sub-folder', async () => {
    const changed = await changedLines('HEAD', ['a.md'], path.join(repo, 'lists'));
    expect([...(changed.get('a.md') as Set<number>)].sort()).toEqual([4, 6, 7]);
  });

  it('keeps only occurrences on changed lines', async () => {
    const changed = await changedLines('HEAD', ['lists/a.md'], repo);
    const at = (line: number) => ({ file: 'lists/a.md', start: { line, column: 3, offset: 0 }, end: { line, column: 9, offset: 0 }, written: 'x' });
    expect(isOnChangedLine(at(3), changed)).toBe(false);
    expect(isOnChangedLine(at(4), changed)).toBe(true);
  });

  it('rejects unknown refs and option-like refs with a GIT error', async () => {
    await expect(changedLines('no-such-branch', ['lists/a.md'], repo)).rejects.toMatchObject({ code: 'GIT', message: expect.stringContaining('unknown git ref `no-such-branch`') });
    const error = await changedLines('--output=x', ['lists/a.md'], repo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LintListsError);
    expect((error as LintListsError).code).toBe('GIT');
  });
});

describe('checkLinks --changed-since', () => {
  it('checks only links on lines changed since the ref', async () => {
    const text = readFileSync(path.join(repo, 'lists', 'a.md'), 'utf8');
    const checker = fakeChecker(() => ({}));
    const outcome = await checkLinks({
      files: [{ file: 'lists/a.md', links: refsIn(text) }],
      config: linksConfig(),
      changedSince: 'HEAD',
      cache: false,
      quiet: true,
      io: captureIo({ cwd: repo }),
      checkerFactory: checker.factory,
    });
    expect(checker.checked.sort()).toEqual(['https://five.example', 'https://four.example', 'https://two.example/new']);
    expect(outcome.results.map((r) => r.url)).toEqual(['https://five.example', 'https://four.example', 'https://two.example/new']);
  });
});

describe('diff parsing', () => {
  it('reads hunk headers with and without counts, and pure deletions', () => {
    expect(parseHunkHeader('@@ -3 +3 @@')).toEqual({ start: 3, count: 1 });
    expect(parseHunkHeader('@@ -3,0 +4,2 @@ heading')).toEqual({ start: 4, count: 2 });
    expect(parseHunkHeader('@@ -3,2 +2,0 @@')).toEqual({ start: 2, count: 0 });
  });

  it('reads quoted paths and skips deleted files', () => {
    const diff = ['diff --git "a/caf\\303\\251.md" "b/caf\\303\\251.md"', '+++ "b/caf\\303\\251.md"', '@@ -1 +1 @@', '+++ /dev/null', '@@ -1 +0,0 @@'].join('\n');
    expect([...parseUnifiedDiff(diff)]).toEqual([['café.md', [1]]]);
  });
});
