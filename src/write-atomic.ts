// Replaces a file all at once: a temporary file in the same folder, flushed to disk, renamed over the target.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `content` to `absolutePath` so that readers see the old file or the new one, never half of either, and a
 * failure leaves no temporary file behind. `mode`, when given, is set exactly (not reduced by the umask).
 * Errors are the file system's own; callers say what they were writing.
 */
export async function writeAtomic(absolutePath: string, content: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  const temp = path.join(path.dirname(absolutePath), `.${path.basename(absolutePath)}.lint-lists-${randomBytes(6).toString('hex')}.tmp`);
  let isCreated = false;
  try {
    // 'wx': never reuse (or follow a symlink planted at) an existing path.
    const handle = await open(temp, 'wx', options.mode ?? 0o666);
    isCreated = true;
    try {
      await handle.writeFile(content);
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
