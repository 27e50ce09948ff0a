import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unsupportedNodeMessage } from '../../src/cli/node-check.js';
import { tempFolder } from '../lint/fixtures/temp.js';

const BIN = path.join(import.meta.dirname, '../../src/cli/bin.ts');
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function bin(cwd: string, args: string[]) {
  return spawnSync(process.execPath, ['--import', TSX_LOADER, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('lint-lists executable', () => {
  it('sets the exit code and keeps stack traces off stderr', () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'bin.md'), Buffer.from('a\0'));
    const bad = bin(cwd, ['bin.md', '--format', 'json']);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ files: [{ file: 'bin.md', failure: 'bin.md: binary file (NUL byte at line 1); refusing to lint it' }] });
    const usage = bin(cwd, ['--bogus-flag']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe('lint-lists: Unknown argument: bogus-flag\nRun `lint-lists --help` for usage.\n');
  });
});

describe('on an unsupported Node.js', () => {
  it('says which version is needed and exits 2, with no stack trace and nothing else loaded', () => {
    const cwd = tempFolder();
    // Loaded before the executable: makes this Node report an old version, as Node 18 would.
    const fake = path.join(cwd, 'old-node.mjs');
    writeFileSync(fake, "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '18.20.4' } });\n");
    const result = spawnSync(process.execPath, ['--import', TSX_LOADER, '--import', pathToFileURL(fake).href, BIN, '--version'], { cwd, encoding: 'utf8' });
    expect(result.stderr).toBe('lint-lists needs Node.js >= 20.19 (this is Node.js 18.20.4)\n');
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  });

  it('accepts 20.19 and later, refuses older', () => {
    expect(unsupportedNodeMessage('20.19.0')).toBeUndefined();
    expect(unsupportedNodeMessage('22.0.0')).toBeUndefined();
    expect(unsupportedNodeMessage('24.11.1')).toBeUndefined();
    expect(unsupportedNodeMessage('20.18.3')).toMatch(/^lint-lists needs Node.js >= 20.19/);
    expect(unsupportedNodeMessage('16.0.0')).toMatch(/^lint-lists needs Node.js >= 20.19/);
  });
});

describe('the built executable', () => {
  it('is executable after `npm run build`, so `npx lint-lists` runs it directly', () => {
    // Builds a copy of the sources (the repository's dist/ is left alone).
    const root = tempFolder();
    const repo = path.join(import.meta.dirname, '../..');
    for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) copyFileSync(path.join(repo, file), path.join(root, file));
    cpSync(path.join(repo, 'src'), path.join(root, 'src'), { recursive: true });
    symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'));
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const bin = path.join(root, 'dist/cli/bin.js');
    expect(statSync(bin).mode & 0o111).toBe(0o111);
    const version = spawnSync(bin, ['--version'], { cwd: root, encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  }, 180_000);
});
