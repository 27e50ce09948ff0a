// Writes a fixed file atomically: temp file beside it, same mode, fsync, rename; never through a symlink.
import { lstat } from 'node:fs/promises';
import { LintListsError } from '../errors.js';
import { writeAtomic } from '../write-atomic.js';
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
  try {
    await writeAtomic(absolutePath, content, { mode: info.mode & 0o7777 });
  } catch (error) {
    throw new LintListsError('INPUT_UNREADABLE', `${file}: cannot write fixes (${errorCode(error)}); the file was left unchanged`, { cause: error });
  }
}
