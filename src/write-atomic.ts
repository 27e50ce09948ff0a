// Replaces a file all at once: a temporary file in the same folder, flushed to disk, renamed over the target; and the cleanup of temps an interrupted run left.
import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Options of {@link writeAtomic}. */
export interface WriteAtomicOptions {
  /** Set exactly (not reduced by the umask). */
  mode?: number;
  /** Owner and group given to the new file (those of the file it replaces). */
  uid?: number;
  gid?: number;
}

/** `.<name>.lint-lists-<pid>-<random>.tmp`: the pid tells a later run whether the writer is still alive. */
const TEMP_NAME = /^\..+\.lint-lists-(?:(\d+)-)?[0-9a-f]{12}\.tmp$/;

/** A temp whose writer cannot be identified is left alone this long (a write takes milliseconds). */
const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * Writes `content` to `absolutePath` so that readers see the old file or the new one, never half of either, and a
 * failure leaves no temporary file behind. Errors are the file system's own; callers say what they were writing.
 */
export async function writeAtomic(absolutePath: string, content: string | Uint8Array, options: WriteAtomicOptions = {}): Promise<void> {
  const temp = path.join(path.dirname(absolutePath), `.${path.basename(absolutePath)}.lint-lists-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let isCreated = false;
  try {
    // 'wx': never reuse (or follow a symlink planted at) an existing path.
    const handle = await open(temp, 'wx', options.mode ?? 0o666);
    isCreated = true;
    try {
      await handle.writeFile(content);
      if (options.uid !== undefined && options.gid !== undefined) await handle.chown(options.uid, options.gid);
      // After chown, which may clear set-id bits.
      if (options.mode !== undefined) await handle.chmod(options.mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, absolutePath);
    isCreated = false;
  } finally {
    if (isCreated) await unlink(temp).catch(() => undefined);
  }
}

/** Options of {@link removeStaleTempFiles}. */
export interface StaleTempOptions {
  /** Called with each removed file's absolute path. */
  onRemoved?: (absolutePath: string) => void;
  now?: () => number;
}

/**
 * Removes temporary files a killed run left in `folders`: ours by name, and either written by a process that no
 * longer exists or older than an hour. Never throws: a folder that cannot be listed is skipped.
 */
export async function removeStaleTempFiles(folders: Iterable<string>, options: StaleTempOptions = {}): Promise<void> {
  const now = options.now ?? Date.now;
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMP_NAME.exec(name);
      if (!match) continue;
      const file = path.join(folder, name);
      try {
        const info = await lstat(file);
        if (!info.isFile()) continue;
        const pid = match[1] === undefined ? undefined : Number(match[1]);
        const isOrphan = pid !== undefined && pid !== process.pid && !isProcessAlive(pid);
        if (!isOrphan && now() - info.mtimeMs < STALE_AFTER_MS) continue;
        await unlink(file);
        options.onRemoved?.(file);
      } catch {
        // Gone already (another run cleaned it) or not ours to remove: nothing to do.
      }
    }
  }
}

/** Whether a process with this id exists on this machine (signal 0 only checks). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
