// Runs the reusable action's entry point locally, as the runner would: INPUT_* variables, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, and a fixture list with real problems.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import type { LinkCheckInput } from '../../src/engine/check-links.js';
import { hiddenAnnotationsNote, runAction } from '../../src/github/action.js';
import type { Report } from '../../src/report/types.js';
import { readActionInputs } from '../../src/github/action-inputs.js';
import { tempFolder } from '../lint/fixtures/temp.js';

const LIST = `# Awesome Fixtures

## Contents

- [Tools](#tools)
- [Guides](#guides)

## Tools

- [Alpha](https://alpha.example.com/) - Does alpha things.
- [Beta](https://beta.example.com/) – Uses an en dash.
- [Gamma](https://gamma.example.com/) - Missing its full stop

## Guides

- [Delta](https://delta.example.com/) - Explains delta.
`;

function setUp(inputs: Record<string, string>) {
  const cwd = tempFolder();
  mkdirSync(path.join(cwd, 'lists'));
  writeFileSync(path.join(cwd, 'lists/awesome.md'), LIST);
  writeFileSync(path.join(cwd, 'lint-lists.config.json'), JSON.stringify({ extends: 'awesome', rules: { 'entry-separator': 'error' } }));
  const runnerTemp = path.join(cwd, 'runner-temp');
  mkdirSync(runnerTemp);
  const env: Record<string, string> = {
    GITHUB_OUTPUT: path.join(runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary.md'),
    RUNNER_TEMP: runnerTemp,
  };
  writeFileSync(env.GITHUB_OUTPUT!, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return { cwd, env, io: captureIo({ cwd, env }) };
}

describe('action entry point', () => {
  it('annotates the lines at fault, writes the job summary, the report and the outputs, and fails on errors', async () => {
    const { env, io } = setUp({ paths: 'lists', links: 'false', 'fail-level': 'error', 'report-format': 'sarif' });

    const code = await runAction(io);

    const stdout = io.out.join('');
    expect(stdout).toMatch(/^::error file=lists\/awesome\.md,line=11,col=\d+,.*title=entry-separator::/m);
    expect(stdout).toMatch(/^::warning file=lists\/awesome\.md,line=12,.*title=entry-description-end::/m);
    expect(stdout.trim().split('\n')).toHaveLength(2);
    expect(readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8')).toContain('lists/awesome.md');
    const outputs = Object.fromEntries(readFileSync(env.GITHUB_OUTPUT!, 'utf8').trim().split('\n').map((line) => line.split('=') as [string, string]));
    expect(outputs.errors).toBe("1");
    expect(outputs.warnings).toBe("1");
    expect(outputs['broken-links']).toBe('0');
    expect(outputs['report-path']).toBe(path.join(env.RUNNER_TEMP!, 'lint-lists-report.sarif'));
    const sarif = JSON.parse(readFileSync(outputs['report-path']!, 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBe(Number(outputs.errors) + Number(outputs.warnings));
    expect(code).toBe(1);
  });

  it('passes with fail-level none and reports through the outputs only', async () => {
    const { io } = setUp({ paths: 'lists', links: 'false', 'fail-level': 'none' });
    expect(await runAction(io)).toBe(0);
  });

  it('rejects a bad input with an annotation and exit 2', async () => {
    const { io } = setUp({ 'fail-level': 'sometimes' });
    expect(await runAction(io)).toBe(2);
    expect(io.out.join('')).toContain('::error title=lint-lists::input fail-level: got "sometimes", expected "error", "warning", "none"');
  });

  it('hands its link inputs to the engine directly and writes no scratch report', async () => {
    const { cwd, env, io } = setUp({ paths: 'lists\n./lists', links: 'true', 'changed-only': 'true', 'base-ref': 'abc123', 'cache-dir': 'cache-dir' });
    const seen: LinkCheckInput[] = [];
    const code = await runAction(io, {
      workers: 0,
      linkChecker: async (input) => {
        seen.push(input);
        return { diagnostics: [], results: [], networkDown: false };
      },
    });
    expect(code).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.argv).toMatchObject({ changedSince: 'abc123', cache: path.join(cwd, 'cache-dir', 'links.json'), fix: false });
    expect(seen[0]!.files.map((f) => f.file)).toEqual(['lists/awesome.md']);
    expect(readdirSync(env.RUNNER_TEMP!).sort()).toEqual(['lint-lists-report.md', 'output', 'summary.md']);
    expect(readdirSync(cwd).sort()).toEqual(['cache-dir', 'lint-lists.config.json', 'lists', 'runner-temp']);
  });

  it('reports a broken config as an annotation naming the file, exit 2', async () => {
    const { cwd, io } = setUp({ paths: 'lists', links: 'false' });
    writeFileSync(path.join(cwd, 'lint-lists.config.json'), '{ "rules": { "entry-separatr": "warn" } }');
    expect(await runAction(io)).toBe(2);
    expect(io.out.join('')).toMatch(/::error title=lint-lists::lint-lists\.config\.json:1:\d+: rules: unknown rule "entry-separatr"/);
  });

  it('requires base-ref with changed-only outside pull requests', () => {
    expect(() => readActionInputs({ 'INPUT_CHANGED-ONLY': 'true' })).toThrow('changed-only: needs base-ref');
  });

  it('checks links, and in a pull request only on changed lines against its base, with no inputs set', () => {
    const eventPath = path.join(tempFolder(), 'event.json');
    const sha = 'a'.repeat(40);
    writeFileSync(eventPath, JSON.stringify({ pull_request: { base: { sha } } }));
    expect(readActionInputs({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath })).toMatchObject({ links: true, changedOnly: true, baseRef: sha });
    expect(readActionInputs({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: eventPath })).toMatchObject({ links: true, changedOnly: false });
    expect(readActionInputs({ GITHUB_EVENT_NAME: 'push' }).baseRef).toBeUndefined();
  });

  it('never passes a base-ref that git would read as an option', () => {
    expect(() => readActionInputs({ 'INPUT_BASE-REF': '--upload-pack=touch x' })).toThrow('input base-ref');
  });

  it('says in the summary when GitHub\'s annotation limit hides problems', () => {
    const report = { summary: { errors: 12, warnings: 3 } } as Report;
    expect(hiddenAnnotationsNote(report)).toContain('2 problems');
    expect(hiddenAnnotationsNote({ summary: { errors: 10, warnings: 10 } } as Report)).toBe('');
  });
});
