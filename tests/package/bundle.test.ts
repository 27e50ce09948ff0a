// The bundle that release tags carry: reproducible from the source, and the action runs from it alone on a repository
// that holds nothing but a readme, with GitHub's environment and no inputs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../src/scripts/bundle.js';
import { tempFolder } from '../lint/fixtures/temp.js';

// The bundle outlives single tests (tempFolder() is emptied after each), so it gets a folder of its own.
const buildRoot = mkdtempSync(path.join(tmpdir(), 'lint-lists-bundle-'));
const outdir = path.join(buildRoot, 'bundle');
let digest = '';

beforeAll(async () => {
  digest = await bundle(outdir);
}, 120_000);

afterAll(() => rmSync(buildRoot, { recursive: true, force: true }));

const README = `# Awesome Scratch

- [Alpha](https://alpha.example/) - Does alpha things.
- [Beta](https://beta.example/) - Does beta things.
- [Gamma](https://gamma.example/) - Does gamma things.
- [Delta](https://delta.example/) – Does delta things.
-[Epsilon](https://epsilon.example/) - Lost its bullet.
- [Metadata](http://169.254.169.254/latest/) - Reads instance metadata.
`;

describe('action bundle', () => {
  it('is byte-for-byte the same when built again from the same source', async () => {
    expect(await bundle(path.join(buildRoot, 'again'))).toBe(digest);
  });

  it('runs the CLI from the bundle alone', () => {
    const result = spawnSync(process.execPath, [path.join(outdir, 'bin.js'), '--version'], { encoding: 'utf8' });
    expect(result.stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  it('annotates a readme-only repository with no inputs set', () => {
    const repo = tempFolder();
    writeFileSync(path.join(repo, 'README.md'), README);
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const runnerTemp = tempFolder('lint-lists-runner-');
    const output = path.join(runnerTemp, 'output');
    const summary = path.join(runnerTemp, 'summary.md');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repo,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: runnerTemp,
    };
    const result = spawnSync(process.execPath, [path.join(outdir, 'action.js')], { cwd: repo, env, encoding: 'utf8', timeout: 60_000 });
    // The en dash breaks the list's own ` - ` convention: a lint annotation on its line.
    expect(result.stdout).toMatch(/^::(warning|error) file=README\.md,line=6,[^\n]*entry-separator/m);
    // A bullet without its space is an error on its line.
    expect(result.stdout).toMatch(/^::error file=README\.md,line=7,[^\n]*entry-lost-bullet/m);
    expect(readFileSync(output, 'utf8')).toMatch(/^errors=\d+$/m);
    expect(readFileSync(summary, 'utf8')).toContain('README.md');
    // Links are checked by default: the metadata address is refused, not fetched, and said so on its line.
    expect(result.stdout).toMatch(/^::error file=README\.md,line=8,[^\n]*title=link-refused::/m);
    // 1 for the errors; 3 where the machine has no resolver at all (the refused link is reported either way).
    expect([1, 3]).toContain(result.status);
  });
});
