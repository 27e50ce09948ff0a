import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/lint/write-file.js';
import { tempFolder } from './fixtures/temp.js';

const TRY_WRITE = fileURLToPath(new URL('./fixtures/try-write.ts', import.meta.url));

/** Runs writeFileAtomic in a child process; as root, the child drops to `nobody` so permissions apply. */
function writeAsUser(file: string, content: string): { ok: boolean; message?: string } {
  const isRoot = process.getuid?.() === 0;
  const out = execFileSync(process.execPath, ['--import', 'tsx', TRY_WRITE, file, content], {
    encoding: 'utf8',
    ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  return JSON.parse(out) as { ok: boolean; message?: string };
}

describe('writeFileAtomic', () => {
  it('replaces the content, keeps the mode and leaves no temp file', async () => {
    const folder = tempFolder();
    const file = path.join(folder, 'list.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await writeFileAtomic('list.md', file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder)).toEqual(['list.md']);
  });

  it('refuses to write through a symlink', async () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'real.md'), 'old');
    symlinkSync('real.md', path.join(folder, 'link.md'));
    await expect(writeFileAtomic('link.md', path.join(folder, 'link.md'), 'new')).rejects.toThrow('link.md: is a symlink; refusing to write fixes through it');
    expect(readFileSync(path.join(folder, 'real.md'), 'utf8')).toBe('old');
  });

  it('in a read-only folder: fails with a message, original intact, no leftovers', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'list.md');
    writeFileSync(file, 'original');
    chmodSync(file, 0o666);
    if (process.getuid?.() === 0) chownSync(folder, 65534, 65534);
    chmodSync(folder, 0o555);
    try {
      const result = writeAsUser(file, 'fixed');
      expect(result.ok).toBe(false);
      expect(result.message).toBe('list.md: cannot write fixes (EACCES); the file was left unchanged');
      expect(readFileSync(file, 'utf8')).toBe('original');
      expect(readdirSync(folder)).toEqual(['list.md']);
    } finally {
      chmodSync(folder, 0o755);
    }
  });
});
