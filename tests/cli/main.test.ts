import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { FAKE_RULES_MODULE } from '../lint/fixtures/fake-setup.js';
import { tempFolder } from '../lint/fixtures/temp.js';

const RUN_CLI = path.join(import.meta.dirname, 'fixtures/run-cli.ts');
// Absolute, because the child runs in the temp folder where `tsx` cannot be resolved by name.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

async function run(cwd: string, argv: string[], env: Record<string, string> = {}) {
  const io = captureIo({ cwd, env });
  const code = await main(argv, io, { rulesModule: FAKE_RULES_MODULE, workers: 0 });
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

function write(cwd: string, file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
  writeFileSync(path.join(cwd, file), content);
}

type JsonReport = { files: Array<{ file: string; failure?: string; diagnostics: Array<{ ruleId: string; severity: string; message: string; start: { line: number } }> }>; summary: { errors: number; warnings: number } };

async function runJson(cwd: string, argv: string[]) {
  const result = await run(cwd, [...argv, '--format', 'json']);
  return { ...result, report: JSON.parse(result.stdout) as JsonReport };
}

describe('lint-lists CLI', () => {
  it('without config or paths lints the readme, says so, and exits 1 on errors, printing the stylish report', async () => {
    const cwd = tempFolder();
    write(cwd, 'Readme.markdown', '# A\n\n- a\tb\n');
    write(cwd, 'lists/a.md', '# A\n\n- a\tb\n');
    const { code, stdout, stderr } = await run(cwd, []);
    expect(code).toBe(1);
    expect(stderr).toBe('lint-lists: Linting Readme.markdown (no paths given and no `files` in a config)\n');
    expect(stdout).toContain('Readme.markdown');
    expect(stdout).not.toContain('lists/a.md');
    expect(stdout).toContain('fake-tab');
    expect(stdout).not.toContain('\u001b[');
    expect((await run(cwd, ['-q'])).stderr).toBe('');
  });

  it('prefers README.md over other spellings, and exits 2 when there is no readme', async () => {
    const cwd = tempFolder();
    write(cwd, 'readme.md', '# A\n');
    write(cwd, 'README.md', '# A\n');
    write(cwd, 'docs/README.md/inner.md', '# A\n');
    expect((await run(cwd, [])).stderr).toBe('lint-lists: Linting README.md (no paths given and no `files` in a config)\n');
    const empty = tempFolder();
    write(empty, 'docs/list.md', '# A\n');
    const none = await run(empty, []);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^lint-lists: no paths given, no `files` in a config and no README.md here: name what to lint/);
  });

  it('lints the config\'s `files` (globs, relative to the config folder) and warns about entries that match nothing', async () => {
    const cwd = tempFolder();
    write(cwd, 'lint-lists.config.json', '{ "files": ["lists/**/*.md", "old/*.md", "!lists/drafts/**"] }');
    write(cwd, 'README.md', '# A\n\n- a\tb\n');
    write(cwd, 'lists/a.md', '# A\n\n- a\tb\n');
    write(cwd, 'lists/drafts/b.md', '# A\n\n- a\tb\n');
    write(cwd, 'sub/x.txt', '');
    const { code, report, stderr } = await runJson(path.join(cwd, 'sub'), []);
    // Above the working directory, paths are shown relative to it.
    expect(report.files.map((f) => f.file)).toEqual(['../lists/a.md']);
    expect(code).toBe(1);
    expect(stderr).toBe('lint-lists: warning: ../lint-lists.config.json: files: No files matching the pattern "old/*.md" were found\n');
  });

  it('exits 2 when a CLI path or glob matches nothing, after reporting what it did lint', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', '# A\n\n- a\tb\n');
    const { code, report, stderr } = await runJson(cwd, ['a.md', 'docs/**/*.md', 'missing.md']);
    expect(code).toBe(2);
    expect(report.files.map((f) => f.file)).toEqual(['a.md']);
    expect(stderr).toBe('lint-lists: No files matching the pattern "docs/**/*.md" were found\nlint-lists: No files matching the pattern "missing.md" were found\n');
  });

  it('repeatable options take one value each, so the paths after them stay paths', async () => {
    const cwd = tempFolder();
    write(cwd, 'README.md', '# A\n');
    write(cwd, 'b.md', '# A TODO\n');
    const ruled = await runJson(cwd, ['--rule', 'fake-todo:error', 'b.md']);
    expect(ruled.report.files.map((f) => f.file)).toEqual(['b.md']);
    expect(ruled.code).toBe(1);
    const twice = await runJson(cwd, ['--rule', 'fake-todo:off', '--rule', 'fake-tab:warn', 'b.md']);
    expect(twice.report.files.map((f) => f.file)).toEqual(['b.md']);
    expect(twice.code).toBe(0);
    const missing = await run(cwd, ['b.md', '--rule']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('lint-lists: Not enough arguments following: rule\nRun `lint-lists --help` for usage.\n');
  });

  it('a repeated single-value option (-c, -f, -o…) is a usage error', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', '# A\n');
    write(cwd, 'x.json', '{}');
    for (const [argv, name] of [[['-c', 'x.json', '-c', 'x.json'], 'config'], [['-f', 'json', '--format', 'sarif'], 'format'], [['-o', 'r1', '-o', 'r2'], 'output']] as const) {
      const { code, stdout, stderr } = await run(cwd, ['a.md', ...argv]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`lint-lists: --${name} was given more than once; it takes one value\nRun \`lint-lists --help\` for usage.\n`);
    }
  });

  it('exits 0 with warnings only, and 1 when they exceed --max-warnings', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', '# A TODO\n');
    expect((await run(cwd, ['a.md'])).code).toBe(0);
    const over = await run(cwd, ['a.md', '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('lint-lists: 1 warning, more than --max-warnings 0\n');
    expect((await run(cwd, ['a.md', '--max-warnings', '1'])).code).toBe(0);
  });

  it('--quiet leaves warnings out; --rule overrides a severity', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', '# A TODO\n');
    const quiet = await runJson(cwd, ['a.md', '--quiet']);
    expect(quiet.report.summary).toMatchObject({ errors: 0, warnings: 0 });
    const promoted = await runJson(cwd, ['a.md', '--rule', 'fake-todo:error']);
    expect(promoted.code).toBe(1);
    expect(promoted.report.files[0]!.diagnostics[0]).toMatchObject({ ruleId: 'fake-todo', severity: 'error' });
    const off = await runJson(cwd, ['a.md', '--rule', 'fake-todo:off']);
    expect(off.report.summary.warnings).toBe(0);
  });

  it('usage errors exit 2 with a message and no stack', async () => {
    const cwd = tempFolder();
    for (const argv of [['--bogus'], ['--format', 'xml'], ['--rule', 'fake-tab'], ['--rule', 'no-such-rule:warn'], ['--max-file-size', 'big'], ['--fix', '--fix-dry-run'], ['--max-warnings', '-1'], ['links', '--shard', '3/2']]) {
      const { code, stdout, stderr } = await run(cwd, argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr, argv.join(' ')).toMatch(/^lint-lists: /);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a broken config exits 2 naming the file', async () => {
    const cwd = tempFolder();
    write(cwd, 'lint-lists.config.json', '{ "rules": { "fake-tab": "loud" } }');
    write(cwd, 'lists/a.md', '# A\n');
    const { code, stderr } = await run(cwd, []);
    expect(code).toBe(2);
    expect(stderr).toContain('lint-lists.config.json');
  });

  it('prints --help and --version on stdout and exits 0', async () => {
    const cwd = tempFolder();
    const help = await run(cwd, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-file-size');
    const version = await run(cwd, ['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('colours only when asked or on a TTY without NO_COLOR', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', '- a\tb\n');
    expect((await run(cwd, ['a.md', '--color'])).stdout).toContain('\u001b[');
    const tty = captureIo({ cwd, isTTY: true });
    await main(['a.md'], tty, { rulesModule: FAKE_RULES_MODULE, workers: 0 });
    expect(tty.out.join('')).toContain('\u001b[');
    const noColor = captureIo({ cwd, isTTY: true, env: { NO_COLOR: '1' } });
    await main(['a.md'], noColor, { rulesModule: FAKE_RULES_MODULE, workers: 0 });
    expect(noColor.out.join('')).not.toContain('\u001b[');
  });

  it('--output writes the report to a file', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', '- a\tb\n');
    const { code, stdout } = await run(cwd, ['a.md', '-f', 'json', '-o', 'report.json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect((JSON.parse(readFileSync(path.join(cwd, 'report.json'), 'utf8')) as JsonReport).summary.errors).toBe(1);
    const bad = await run(cwd, ['a.md', '-o', 'no/such/dir/report.txt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('lint-lists: --output no/such/dir/report.txt: cannot write the report (ENOENT)\n');
  });
});

describe('bad input', () => {
  it('reports each bad file and lints the rest', async () => {
    const cwd = tempFolder();
    const outside = tempFolder();
    write(outside, 'secret.md', '# Secret\n');
    write(cwd, 'lists/good.md', '# Good\n\n- a\tb\n');
    write(cwd, 'lists/empty.md', '');
    write(cwd, 'lists/nul.md', Buffer.from('# a\0'));
    write(cwd, 'lists/latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    write(cwd, 'lists/huge.md', '');
    truncateSync(path.join(cwd, 'lists/huge.md'), 30 * 1024 * 1024);
    write(cwd, 'lists/deep.md', `${'- '.repeat(10_000)}x\n`);
    write(cwd, 'lists/long.md', `# Long\n\n- [a](https://example.com) - ${'x'.repeat(1024 * 1024)}\n`);
    execFileSync('mkfifo', [path.join(cwd, 'lists/pipe.md')]);
    symlinkSync('/dev/null', path.join(cwd, 'lists/null.md'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(cwd, 'lists/outside.md'));
    const { code, report, stderr } = await runJson(cwd, ['lists', 'missing.md']);
    // Every file is still reported; the path that matched nothing makes it a usage failure.
    expect(code).toBe(2);
    expect(stderr).toBe('lint-lists: No files matching the pattern "missing.md" were found\n');
    const failures = Object.fromEntries(report.files.map((f) => [f.file, f.failure]));
    expect(failures).toEqual({
      'lists/deep.md': expect.stringMatching(/^lists\/deep\.md:/),
      'lists/empty.md': undefined,
      'lists/good.md': undefined,
      'lists/huge.md': 'lists/huge.md: file is 30.0 MB, over the 10 MB limit (see --max-file-size)',
      'lists/latin1.md': 'lists/latin1.md: not valid UTF-8 (byte 0xe9 at line 1); save it as UTF-8',
      'lists/long.md': undefined,
      'lists/nul.md': 'lists/nul.md: binary file (NUL byte at line 1); refusing to lint it',
      'lists/null.md': 'lists/null.md: symlink points outside the working tree (to /dev/null); refusing to read it',
      'lists/outside.md': expect.stringContaining('lists/outside.md: symlink points outside the working tree'),
      'lists/pipe.md': 'lists/pipe.md: not a regular file (FIFO); refusing to read it',
    });
    const good = report.files.find((f) => f.file === 'lists/good.md')!;
    expect(good.diagnostics.map((d) => d.ruleId)).toEqual(['fake-tab']);
    for (const file of report.files.filter((f) => f.failure)) {
      expect(file.diagnostics).toMatchObject([{ severity: 'error', start: { line: 1 }, message: file.failure }]);
    }
  });

  it('--max-file-size raises or lowers the cap', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', `# A\n\n${'word '.repeat(400)}\n`);
    const { report } = await runJson(cwd, ['a.md', '--max-file-size', '1kB']);
    expect(report.files[0]!.failure).toBe('a.md: file is 2.0 kB, over the 1 kB limit (see --max-file-size)');
  });
});

describe('--fix', () => {
  it('fixes in place, keeps BOM and CRLF, reports what is left, leaves clean files untouched', async () => {
    const cwd = tempFolder();
    write(cwd, 'lists/a.md', '\uFEFF# A!!\r\n\r\n- a\tb TODO\r\n');
    write(cwd, 'lists/b.md', '# B\n');
    const { code, report } = await runJson(cwd, ['lists', '--fix']);
    expect(code).toBe(0);
    expect(readFileSync(path.join(cwd, 'lists/a.md'), 'utf8')).toBe('\uFEFF# A!\r\n\r\n- a b TODO\r\n');
    expect(report.files.flatMap((f) => f.diagnostics.map((d) => d.ruleId))).toEqual(['fake-todo']);
    expect(readdirSync(path.join(cwd, 'lists'))).toEqual(['a.md', 'b.md']);
    const again = await runJson(cwd, ['lists', '--fix']);
    expect(readFileSync(path.join(cwd, 'lists/a.md'), 'utf8')).toBe('\uFEFF# A!\r\n\r\n- a b TODO\r\n');
    expect(again.code).toBe(0);
  });

  it('--fix-dry-run prints a diff and writes nothing', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', '# A\n\n- a\tb\n');
    const { code, stdout } = await run(cwd, ['a.md', '--fix-dry-run']);
    // Like --fix, the report shows what would be left after fixing: nothing.
    expect(code).toBe(0);
    expect(stdout).toContain('--- a/a.md\n+++ b/a.md\n');
    expect(stdout).toContain('-- a\tb\n+- a b\n');
    expect(readFileSync(path.join(cwd, 'a.md'), 'utf8')).toBe('# A\n\n- a\tb\n');
  });

  it('--fix-dry-run with -f json keeps stdout valid JSON: the diff goes to stderr', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', '# A\n\n- a\tb\n');
    const { code, stdout, stderr } = await run(cwd, ['a.md', '--fix-dry-run', '-f', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ files: [{ file: 'a.md', diagnostics: [] }] });
    expect(stderr).toContain('--- a/a.md\n+++ b/a.md\n');
  });

  it('colours the dry-run diff on a terminal, not with NO_COLOR or without a TTY', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', '# A\n\n- a\tb\n');
    const tty = captureIo({ cwd, isTTY: true });
    await main(['a.md', '--fix-dry-run'], tty, { rulesModule: FAKE_RULES_MODULE, workers: 0 });
    expect(tty.out.join('')).toContain('\u001b[31m-- a\tb\u001b[39m\n\u001b[32m+- a b\u001b[39m');
    const noColor = captureIo({ cwd, isTTY: true, env: { NO_COLOR: '1' } });
    await main(['a.md', '--fix-dry-run'], noColor, { rulesModule: FAKE_RULES_MODULE, workers: 0 });
    expect(noColor.out.join('')).toContain('-- a\tb\n+- a b');
    expect(noColor.out.join('')).not.toContain('\u001b[');
    expect((await run(cwd, ['a.md', '--fix-dry-run'])).stdout).not.toContain('\u001b[');
  });

  it('fits the stylish report to the terminal width', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', '# A\n\n- a\tb\n');
    const io = captureIo({ cwd, isTTY: true, columns: 40, env: { NO_COLOR: '1' } });
    await main(['a.md'], io, { rulesModule: FAKE_RULES_MODULE, workers: 0 });
    const lines = io.out.join('').split('\n');
    expect(lines.filter((line) => line.length > 40)).toEqual([]);
    expect(lines.slice(1, 3)).toEqual(['  3:4  error  Unexpected tab, expected', '              ` `  fake-tab (fixable)']);
  });

  it('in a read-only folder: reports the failure, keeps the original, leaves no temp file', async () => {
    const cwd = tempFolder();
    write(cwd, 'ro/a.md', '- a\tb\n');
    chmodSync(path.join(cwd, 'ro/a.md'), 0o666);
    const isRoot = process.getuid?.() === 0;
    chmodSync(cwd, 0o755);
    if (isRoot) chownSync(path.join(cwd, 'ro'), 65534, 65534);
    chmodSync(path.join(cwd, 'ro'), 0o555);
    try {
      // Root ignores permissions: then the CLI runs in a child process as `nobody`.
      let code: number;
      let report: JsonReport;
      if (isRoot) {
        const child = spawnSync(process.execPath, ['--import', TSX_LOADER, RUN_CLI, 'ro', '--fix', '-f', 'json'], { cwd, encoding: 'utf8', uid: 65534, gid: 65534 });
        code = child.status ?? -1;
        report = JSON.parse(child.stdout) as JsonReport;
      } else {
        ({ code, report } = await runJson(cwd, ['ro', '--fix']));
      }
      expect(code).toBe(1);
      expect(report.files[0]!.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toContain(
        'file-unwritable: ro/a.md: cannot write fixes (EACCES); the file was left unchanged',
      );
      expect(readFileSync(path.join(cwd, 'ro/a.md'), 'utf8')).toBe('- a\tb\n');
      expect(readdirSync(path.join(cwd, 'ro'))).toEqual(['a.md']);
    } finally {
      chmodSync(path.join(cwd, 'ro'), 0o755);
    }
  });
});

describe('disable comments through the CLI', () => {
  it('switch rules off and warn about unknown ids', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', '# A\n\n<!-- lint-lists-disable-next-line fake-tab -->\n- a\tb\n- c\td <!-- lint-lists-disable-line fake-tpyo -->\n');
    const { report } = await runJson(cwd, ['a.md']);
    expect(report.files[0]!.diagnostics.map((d) => `${d.start.line} ${d.ruleId}`)).toEqual(['5 fake-tab', '5 lint-directive']);
  });
});
