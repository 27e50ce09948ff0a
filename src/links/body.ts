// Reading response bodies without ever downloading one: a capped prefix at most, then cancel.
import type { Readable } from 'node:stream';

/** Most bytes ever read from a body (enough to spot a bot-challenge page). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads at most `maxBytes` raw bytes of `body`, then destroys it. Stops early, keeping what it
 * has, when the stream errors or is aborted (the request deadline destroys it). The bytes are
 * never decompressed, so a gzip bomb stays at most `maxBytes`.
 */
export async function readBodyPrefix(body: Readable, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      const room = maxBytes - size;
      chunks.push(buffer.length > room ? buffer.subarray(0, room) : buffer);
      size += Math.min(room, buffer.length);
      if (size >= maxBytes) break;
    }
  } catch {
    // Aborted or reset mid-body: the status is already known, the prefix is a bonus.
  } finally {
    discardBody(body);
  }
  return Buffer.concat(chunks, size);
}

/** Cancels a body we will not read; a stalled or endless body then holds nothing. */
export function discardBody(body: Readable): void {
  // Late errors from the destroyed stream are expected and irrelevant.
  body.on('error', () => {});
  if (!body.destroyed) body.destroy();
}
