import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
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
