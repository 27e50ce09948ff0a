// Writes a fixed file back only when that is safe: same file as read, one link, writable; keeps mode, owner and group.
import { constants } from 'node:fs';
import { access, lstat, readFile } from 'node:fs/promises';
import { LintListsError } from '../errors.js';
import { writeAtomic } from '../write-atomic.js';
import { errorCode } from './files.js';

/** Options of {@link writeFileAtomic}. */
export interface WriteFixedOptions {
  /** The file's content as it was read (BOM included): when the file now differs, another writer changed it and it is left alone. */
  expected?: string;
}

/**
 * Replaces `absolutePath` with `content` so that readers see either the old or the new file, never a half-written
 * one. Refuses symlinks, non-regular files, files with several hard links (replacing one would split them), read-only
 * files, files changed since they were read, and files whose owner and group cannot be kept. Throws LintListsError
 * naming the file and the reason; the file is then unchanged and no temp file is left.
 */
export async function writeFileAtomic(file: string, absolutePath: string, content: string | Uint8Array, options: WriteFixedOptions = {}): Promise<void> {
  let info;
  try {
    info = await lstat(absolutePath);
  } catch (error) {
    throw new LintListsError('INPUT_UNREADABLE', `${file}: cannot write fixes (${errorCode(error)})`, { cause: error });
  }
  const refuse = (reason: string): never => {
    throw new LintListsError('INPUT_UNREADABLE', `${file}: ${reason}`);
  };
  if (info.isSymbolicLink()) refuse('is a symlink; refusing to write fixes through it (fix the target instead)');
  if (!info.isFile()) refuse('not a regular file; refusing to write fixes');
  if (info.nlink > 1) refuse(`not fixed: it has ${info.nlink} hard links, and replacing it would split them`);
  if ((info.mode & 0o222) === 0 || !(await isWritable(absolutePath))) refuse('not fixed: the file is read-only');
  if (options.expected !== undefined && (await readCurrent(absolutePath)) !== options.expected) {
    refuse('not fixed: it changed on disk while it was being linted; run again');
  }
  try {
    await writeAtomic(absolutePath, content, { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid });
  } catch (error) {
    const code = errorCode(error);
    const reason = code === 'EPERM' ? 'its owner and group cannot be kept' : code;
    throw new LintListsError('INPUT_UNREADABLE', `${file}: cannot write fixes (${reason}); the file was left unchanged`, { cause: error });
  }
}

async function isWritable(absolutePath: string): Promise<boolean> {
  try {
    await access(absolutePath, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

async function readCurrent(absolutePath: string): Promise<string | undefined> {
  try {
    return await readFile(absolutePath, 'utf8');
  } catch {
    return undefined;
  }
}
