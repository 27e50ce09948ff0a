// Writes a fixed file atomically: temp file beside it, same mode, fsync, rename; never through a symlink.
import { randomBytes } from 'node:crypto';
import { lstat, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { LintListsError } from '../errors.js';
import { errorCode } from './files.js';

/**
 * Replaces `absolutePath` with `content` so that readers see either the old or the new file, never a
 * half-written one. Refuses symlinks and non-regular files; removes the temp file on any failure.
 */
export async function writeFileAtomic(file: string, absolutePath: string, content: string | Uint8Array): Promise<void> {
  let info;
  try {
    info = await lstat(absolutePath);
  } catch (error) {
    throw new LintListsError('INPUT_UNREADABLE', `${file}: cannot write fixes (${errorCode(error)})`, { cause: error });
  }
  if (info.isSymbolicLink()) throw new LintListsError('INPUT_UNREADABLE', `${file}: is a symlink; refusing to write fixes through it (fix the target instead)`);
  if (!info.isFile()) throw new LintListsError('INPUT_UNREADABLE', `${file}: not a regular file; refusing to write fixes`);
  const mode = info.mode & 0o7777;
  const folder = path.dirname(absolutePath);
  const temp = path.join(folder, `.${path.basename(absolutePath)}.lint-lists-${randomBytes(6).toString('hex')}.tmp`);
  let isCreated = false;
  try {
    // 'wx': never reuse (or follow a symlink planted at) an existing path.
    const handle = await open(temp, 'wx', mode);
    isCreated = true;
    try {
      await handle.writeFile(content);
      // The mode passed to open() is reduced by the umask; set it exactly.
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, absolutePath);
    isCreated = false;
  } catch (error) {
    throw new LintListsError('INPUT_UNREADABLE', `${file}: cannot write fixes (${errorCode(error)}); the file was left unchanged`, { cause: error });
  } finally {
    if (isCreated) await unlink(temp).catch(() => undefined);
  }
}
