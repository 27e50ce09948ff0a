import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { lintFiles } from '../../src/lint/engine.js';
import { expandInputs } from '../../src/lint/files.js';
import { FAKE_RULES_MODULE, FAKE_SETUP_MODULE } from './fixtures/fake-setup.js';
import { tempFolder } from './fixtures/temp.js';

// One line micromark needs seconds for (super-linear in its length), far past the 300 ms budgets below.
const HOSTILE = ']('.repeat(30_000);
const BUDGET_MS = 300;

function write(cwd: string, file: string, content: string): void {
  mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
  writeFileSync(path.join(cwd, file), content);
}

async function lintFolder(cwd: string, options: { workers: number; fix?: 'off' | 'write'; parseBudgetMs?: number }) {
  const { files } = await expandInputs(['.'], { cwd });
  const outcomes = await lintFiles({ tasks: files, setup: { module: FAKE_SETUP_MODULE, data: {} }, cwd, parseBudgetMs: BUDGET_MS, ...options });
  return outcomes.map((o) => ({ file: o.file, failure: o.failure, problems: o.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId}`) }));
}

const timedOut = (file: string) => new RegExp(`^${file.replace('.', '\\.')}: took longer than 300 ms to parse \\(longest paragraph 58\\.6 kB at line 1\\); is it generated or hostile\\? Split it or exclude it with \`ignore\`$`);

describe('parse budget', () => {
  it('fails a hostile file as file-unparsable and still lints the others (in-process run)', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', '# A\n\n- a\tb\n');
    write(cwd, 'b-hostile.md', HOSTILE);
    write(cwd, 'c-hostile.md', `${HOSTILE}\n`);
    write(cwd, 'd.md', '# D\n\n- TODO\n');
    const outcomes = await lintFolder(cwd, { workers: 0 });
    expect(outcomes.map((o) => o.problems)).toEqual([['3:4 fake-tab'], ['1:1 file-unparsable'], ['1:1 file-unparsable'], ['3:3 fake-todo']]);
    // The second hostile file ran on a fresh worker after the first one's was terminated.
    expect(outcomes[1]!.failure).toMatch(timedOut('b-hostile.md'));
    expect(outcomes[2]!.failure).toMatch(timedOut('c-hostile.md'));
  });

  it('does the same on a worker pool, replacing the terminated worker', async () => {
    const cwd = tempFolder();
    // Both workers take a hostile file first, so the normal files can only be linted by their replacements.
    write(cwd, 'a-hostile.md', HOSTILE);
    write(cwd, 'b-hostile.md', HOSTILE);
    for (const name of ['c', 'd', 'e']) write(cwd, `${name}.md`, `# ${name}\n\n- ${name}\tx\n`);
    const outcomes = await lintFolder(cwd, { workers: 2 });
    expect(outcomes[0]!.failure).toMatch(timedOut('a-hostile.md'));
    expect(outcomes[1]!.failure).toMatch(timedOut('b-hostile.md'));
    expect(outcomes.slice(2).map((o) => o.problems)).toEqual([['3:4 fake-tab'], ['3:4 fake-tab'], ['3:4 fake-tab']]);
  });

  it('a risky file that parses in time is linted as usual, and fixed from the main thread', async () => {
    const cwd = tempFolder();
    const long = `- a\tb ${'word '.repeat(5000)}\n`;
    write(cwd, 'long.md', long);
    const outcomes = await lintFolder(cwd, { workers: 0, fix: 'write', parseBudgetMs: undefined });
    expect(outcomes.map((o) => o.failure)).toEqual([undefined]);
    expect(outcomes[0]!.problems).toEqual([]);
    expect(readFileSync(path.join(cwd, 'long.md'), 'utf8')).toBe(long.replace('\t', ' '));
  });

  it('does not write a hostile file that timed out under --fix', async () => {
    const cwd = tempFolder();
    write(cwd, 'a.md', '- a\tb\n');
    write(cwd, 'hostile.md', `\t${HOSTILE}`);
    const outcomes = await lintFolder(cwd, { workers: 0, fix: 'write' });
    expect(outcomes[1]!.failure).toMatch(/^hostile\.md: took longer than 300 ms/);
    expect(readFileSync(path.join(cwd, 'hostile.md'), 'utf8')).toBe(`\t${HOSTILE}`);
    expect(readFileSync(path.join(cwd, 'a.md'), 'utf8')).toBe('- a b\n');
  });

  it('the CLI reports it with exit code 1, naming the file, with no stack trace', async () => {
    const cwd = tempFolder();
    write(cwd, 'lists/a.md', '# A\n\n- a\tb\n');
    write(cwd, 'lists/x.md', HOSTILE);
    const io = captureIo({ cwd, env: { LINT_LISTS_PARSE_BUDGET_MS: String(BUDGET_MS) } });
    const code = await main(['lists', '--format', 'json'], io, { rulesModule: FAKE_RULES_MODULE, workers: 0 });
    const stderr = io.err.join('');
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    const report = JSON.parse(io.out.join('')) as { files: Array<{ file: string; failure?: string; diagnostics: Array<{ ruleId: string }> }> };
    const byFile = new Map(report.files.map((f) => [f.file, f]));
    expect(byFile.get('lists/a.md')!.diagnostics.map((d) => d.ruleId)).toEqual(['fake-tab']);
    expect(byFile.get('lists/x.md')!.failure).toMatch(timedOut('lists/x.md'));
    expect(byFile.get('lists/x.md')!.diagnostics.map((d) => d.ruleId)).toEqual(['file-unparsable']);
  });
});
