import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode, formatSize, readListFile } from '../../src/lint/read-file.js';
import { tempFolder } from './fixtures/temp.js';

async function read(cwd: string, name: string, maxFileSizeBytes?: number) {
  return readListFile(name, path.join(cwd, name), { cwd, maxFileSizeBytes });
}

describe('readListFile', () => {
  it('reads UTF-8 text and strips a BOM', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'bom.md'), '\uFEFF# Títle\r\n');
    expect(await read(cwd, 'bom.md')).toEqual({ ok: true, text: '# Títle\r\n', hasBom: true });
  });

  it('reads an empty file', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'empty.md'), '');
    expect(await read(cwd, 'empty.md')).toEqual({ ok: true, text: '', hasBom: false });
  });

  it('refuses NUL bytes as binary', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'bin.md'), Buffer.from('# a\n\nb\0c'));
    expect(await read(cwd, 'bin.md')).toEqual({ ok: false, message: 'bin.md: binary file (NUL byte at line 3); refusing to lint it' });
  });

  it('refuses non-UTF-8 bytes, naming the byte and line', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'latin1.md'), Buffer.from([0x23, 0x20, 0x61, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    expect(await read(cwd, 'latin1.md')).toEqual({ ok: false, message: 'latin1.md: not valid UTF-8 (byte 0xe9 at line 2); save it as UTF-8' });
  });

  it('refuses overlong encodings and lone surrogates', () => {
    expect(decode('x.md', Uint8Array.from([0xc0, 0xaf])).ok).toBe(false);
    expect(decode('x.md', Uint8Array.from([0xed, 0xa0, 0x80])).ok).toBe(false);
    expect(decode('x.md', Uint8Array.from([0xe2, 0x82, 0xac]))).toEqual({ ok: true, text: '€', hasBom: false });
  });

  it('refuses a file over the size cap with its size, without reading it', async () => {
    const cwd = tempFolder();
    writeFileSync(path.join(cwd, 'huge.md'), '');
    truncateSync(path.join(cwd, 'huge.md'), 30 * 1024 * 1024);
    expect(await read(cwd, 'huge.md')).toEqual({ ok: false, message: 'huge.md: file is 30.0 MB, over the 10 MB limit (see --max-file-size)' });
    expect(await read(cwd, 'huge.md', 64 * 1024 * 1024)).toMatchObject({ ok: false, message: 'huge.md: binary file (NUL byte at line 1); refusing to lint it' });
  });

  it('reads a 1 MB single line', async () => {
    const cwd = tempFolder();
    const line = `- [a](https://example.com) - ${'x'.repeat(1024 * 1024)}`;
    writeFileSync(path.join(cwd, 'long.md'), line);
    const result = await read(cwd, 'long.md');
    expect(result.ok && result.text.length).toBe(line.length);
  });

  it('refuses a FIFO without blocking', async () => {
    const cwd = tempFolder();
    execFileSync('mkfifo', [path.join(cwd, 'pipe.md')]);
    expect(existsSync(path.join(cwd, 'pipe.md'))).toBe(true);
    expect(await read(cwd, 'pipe.md')).toEqual({ ok: false, message: 'pipe.md: not a regular file (FIFO); refusing to read it' });
  });

  it('refuses a symlink to a device or leaving the working tree; follows one inside it', async () => {
    const cwd = tempFolder();
    const outside = tempFolder();
    writeFileSync(path.join(outside, 'secret.md'), '# secret\n');
    writeFileSync(path.join(cwd, 'real.md'), '# real\n');
    symlinkSync('/dev/null', path.join(cwd, 'null.md'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(cwd, 'out.md'));
    symlinkSync('real.md', path.join(cwd, 'in.md'));
    expect(await read(cwd, 'null.md')).toEqual({ ok: false, message: 'null.md: symlink points outside the working tree (to /dev/null); refusing to read it' });
    expect(await read(cwd, 'out.md')).toMatchObject({ ok: false, message: expect.stringContaining('out.md: symlink points outside the working tree') });
    expect(await read(cwd, 'in.md')).toEqual({ ok: true, text: '# real\n', hasBom: false });
  });

  it('refuses a symlink inside the tree to a FIFO', async () => {
    const cwd = tempFolder();
    mkdirSync(path.join(cwd, 'sub'));
    execFileSync('mkfifo', [path.join(cwd, 'sub', 'pipe')]);
    symlinkSync(path.join(cwd, 'sub', 'pipe'), path.join(cwd, 'pipe.md'));
    expect(await read(cwd, 'pipe.md')).toEqual({ ok: false, message: 'pipe.md: not a regular file (FIFO); refusing to read it' });
  });

  it('names a missing file and a directory', async () => {
    const cwd = tempFolder();
    mkdirSync(path.join(cwd, 'dir.md'));
    expect(await read(cwd, 'gone.md')).toEqual({ ok: false, message: 'gone.md: no such file' });
    expect(await read(cwd, 'dir.md')).toEqual({ ok: false, message: 'dir.md: is a directory' });
  });
});

describe('formatSize', () => {
  it('prints MB with one decimal, limits without', () => {
    expect(formatSize(30 * 1024 * 1024)).toBe('30.0 MB');
    expect(formatSize(10 * 1024 * 1024, 0)).toBe('10 MB');
    expect(formatSize(512 * 1024, 0)).toBe('512 kB');
  });
});
