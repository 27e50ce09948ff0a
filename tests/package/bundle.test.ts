// The bundle that release tags carry: reproducible from the source, and the action runs from it alone on a repository
// that holds nothing but a readme, with GitHub's environment and no inputs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../src/scripts/bundle.js';
import { tempFolder } from '../lint/fixtures/temp.js';

// The bundle outlives single tests (tempFolder() is emptied after each), so it gets a folder of its own.
const buildRoot = mkdtempSync(path.join(tmpdir(), 'lint-lists-bundle-'));
const outdir = path.join(buildRoot, 'bundle');
const metafilePath = path.join(buildRoot, 'meta.json');
let digest = '';

beforeAll(async () => {
  digest = await bundle(outdir, { metafilePath });
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

  it('spell-checks with the dictionaries it carries, away from any node_modules', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'README.md'), '# Awesome Piplines\n\n- [Alpha](https://alpha.example/) - Does alpha things.\n');
    const result = spawnSync(process.execPath, [path.join(outdir, 'bin.js'), 'README.md', '--no-links', '--format', 'json'], { cwd: folder, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('"ruleId": "text-spelling"');
    expect(result.stdout).toContain('Pipelines');
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

// A module hook that appends the URL of every module a process loads to the file named by LOAD_LOG.
const LOAD_HOOKS = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.LOAD_LOG, url + '\\n');
  return next(url, context);
}
`;

describe('bundle loading', () => {
  /** The sources (repository paths, from the metafile) inside the bundle files a CLI run loaded. */
  const sourcesLoaded = (cwd: string, args: string[]): { sources: string[]; stdout: string } => {
    const hooks = path.join(buildRoot, 'load-hooks.mjs');
    const register = path.join(buildRoot, 'register-hooks.mjs');
    if (!existsSync(hooks)) {
      writeFileSync(hooks, LOAD_HOOKS);
      writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    }
    const log = path.join(tempFolder('lint-lists-load-'), 'loaded.txt');
    writeFileSync(log, '');
    const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, path.join(outdir, 'bin.js'), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', LOAD_LOG: log },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    const meta = JSON.parse(readFileSync(metafilePath, 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const byName = new Map(Object.entries(meta.outputs).map(([output, info]) => [path.basename(output), Object.keys(info.inputs)]));
    const loaded = readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith(pathToFileURL(outdir).href));
    return { sources: loaded.flatMap((url) => byName.get(path.basename(fileURLToPath(url))) ?? []), stdout: result.stdout };
  };

  it('loads neither the link checker, a GitHub client nor the YAML parser for a lint-only run without a YAML config', () => {
    const repo = tempFolder();
    writeFileSync(path.join(repo, 'README.md'), README);
    const { sources } = sourcesLoaded(repo, ['README.md', '-f', 'json']);
    // The hook sees the run: the parser was loaded to lint the file.
    expect(sources.some((source) => source.includes('node_modules/micromark/'))).toBe(true);
    expect(sources.filter((source) => /node_modules\/(undici|yaml)\/|^src\/links\/(check|http|github|github-api|node-http)\.ts$|^src\/github\/api\.ts$/.test(source))).toEqual([]);
  });

  it("loads zod's English messages only, not its other locales", () => {
    const repo = tempFolder();
    writeFileSync(path.join(repo, 'README.md'), README);
    const { sources } = sourcesLoaded(repo, ['README.md', '-f', 'json']);
    // Importing zod's `z` as a named export, instead of the module namespace, pulls in every locale (270 kB of a start-up).
    const locales = sources.filter((source) => source.includes('node_modules/zod/') && source.includes('/locales/'));
    expect(locales.length).toBeGreaterThan(0);
    expect(locales.filter((source) => !/\/locales\/en\.js$/.test(source))).toEqual([]);
  });

  it('does not load the Markdown parser when every file comes from the lint cache', () => {
    const repo = tempFolder();
    writeFileSync(path.join(repo, 'README.md'), README);
    const args = ['README.md', '-f', 'json', '--lint-cache-location', 'lint.cache'];
    const cold = sourcesLoaded(repo, args);
    const warm = sourcesLoaded(repo, args);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.sources.filter((source) => /node_modules\/(micromark[^/]*|unified|remark-parse|mdast-util-from-markdown)\//.test(source))).toEqual([]);
  });
});

