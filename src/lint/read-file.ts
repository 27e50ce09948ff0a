// Reads one list file defensively: refuses what is not a regular, in-tree, reasonably sized UTF-8 text file.
import { constants } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from './files.js';

/** Default `--max-file-size`: far above any real list, low enough to keep memory bounded. */
export const DEFAULT_MAX_FILE_SIZE_BYTES = 10 * 1024 * 1024;

/** A file read and decoded: text without BOM, as every offset in the model expects. */
export interface DecodedFile {
  text: string;
  hasBom: boolean;
}

/** Either the decoded text or why the file was refused (a message naming the file). */
export type ReadResult = ({ ok: true } & DecodedFile) | { ok: false; message: string };

/** Limits applied while reading. */
export interface ReadOptions {
  /** The working tree; symlinks must resolve inside it. */
  cwd: string;
  maxFileSizeBytes?: number;
}

/** Formats a byte count as the CLI shows sizes: `30.0 MB`, `10 MB`, `512 kB`. */
export function formatSize(bytes: number, decimals = 1): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) && decimals === 0 ? mb : mb.toFixed(decimals)} MB`;
  const kb = bytes / 1024;
  if (kb >= 1) return `${Number.isInteger(kb) && decimals === 0 ? kb : kb.toFixed(decimals)} kB`;
  return `${bytes} B`;
}

/**
 * Reads `absolutePath`, checking before any open that it is not a FIFO/device (which could block) and
 * that a symlink stays inside the working tree; then checks size, NUL bytes (binary) and UTF-8 validity.
 */
export async function readListFile(file: string, absolutePath: string, options: ReadOptions): Promise<ReadResult> {
  const maxBytes = options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES;
  const refuse = (message: string): ReadResult => ({ ok: false, message: `${file}: ${message}` });
  let link;
  try {
    link = await lstat(absolutePath);
  } catch (error) {
    return refuse(errorCode(error) === 'ENOENT' ? 'no such file' : `cannot read (${errorCode(error)})`);
  }
  if (link.isSymbolicLink()) {
    let target: string;
    let tree: string;
    try {
      target = await realpath(absolutePath);
      tree = await realpath(options.cwd);
    } catch {
      return refuse('symlink target does not exist');
    }
    const relative = path.relative(tree, target);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return refuse(`symlink points outside the working tree (to ${target}); refusing to read it`);
  }
  try {
    // Checked before open(): opening a FIFO for reading blocks until a writer appears.
    const target = link.isSymbolicLink() ? await stat(absolutePath) : link;
    if (target.isDirectory()) return refuse('is a directory');
    if (!target.isFile()) return refuse(`not a regular file (${kindOf(target)}); refusing to read it`);
  } catch (error) {
    return refuse(`cannot read (${errorCode(error)})`);
  }
  let handle;
  try {
    // O_NONBLOCK: should the file be swapped for a FIFO after the checks above, open() still returns at once.
    handle = await open(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refuse(`cannot read (${errorCode(error)})`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return refuse('is a directory');
    if (!info.isFile()) return refuse(`not a regular file (${kindOf(info)}); refusing to read it`);
    if (info.size > maxBytes) return refuse(`file is ${formatSize(info.size)}, over the ${formatSize(maxBytes, 0)} limit (see --max-file-size)`);
    // Read at most one byte past the limit: a file that grew since stat() cannot blow memory up.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return refuse(`file is over the ${formatSize(maxBytes, 0)} limit (see --max-file-size)`);
    return decode(file, buffer.subarray(0, length));
  } catch (error) {
    return refuse(`cannot read (${errorCode(error)})`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Decodes bytes as strict UTF-8, refusing NUL bytes (binary files) and stripping a BOM. */
export function decode(file: string, bytes: Uint8Array): ReadResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, message: `${file}: binary file (NUL byte at line ${lineAt(bytes, nul)}); refusing to lint it` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { ok: false, message: `${file}: not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at line ${lineAt(bytes, bad)}); save it as UTF-8` };
  }
  if (text.charCodeAt(0) === 0xfeff) return { ok: true, text: text.slice(1), hasBom: true };
  return { ok: true, text, hasBom: false };
}

function kindOf(info: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isFIFO()) return 'FIFO';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  if (info.isSocket()) return 'socket';
  return 'special file';
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (bytes.length when none; only called after a decode failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0) return i;
    for (let k = 1; k < size; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlongs and surrogates: the second byte's allowed range narrows for these leads.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += size;
  }
  return bytes.length;
}
