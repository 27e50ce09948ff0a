// The published package holds only what users run: the built library, the bundle, the schema and the docs npm shows.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

// Each shipped file must match one of these. Source maps, sources, tests and build scripts must not ship.
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^schema\/lint-lists\.schema\.json$/,
  /^dist\/(?!scripts\/)[\w/-]+\.(js|d\.ts)$/,
  /^dist\/bundle\/[\w-]+\.js(\.LEGAL\.txt)?$/,
  // The spelling dictionaries (and their licences) the bundle carries, since the action runs it without npm install.
  /^dist\/bundle\/dict-[\w.-]+\.(gz|txt)$/,
];

interface PackedFile {
  path: string;
}

let files: string[] = [];

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as Array<{ files: PackedFile[] }>;
  files = packed[0]!.files.map((file) => file.path);
}, 120_000);

describe('npm pack', () => {
  it('ships only allow-listed files', () => {
    expect(files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)))).toEqual([]);
  });

  it('ships the executable, the library entry and its types', () => {
    expect(files).toEqual(expect.arrayContaining(['dist/bundle/bin.js', 'dist/bundle/action.js', 'dist/index.js', 'dist/index.d.ts', 'schema/lint-lists.schema.json']));
  });

  it('passes npm publish --dry-run', () => {
    const output = execFileSync('npm', ['publish', '--dry-run', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(output).toMatch(/^\+ lint-lists@\d+\.\d+\.\d+/m);
  });
});
