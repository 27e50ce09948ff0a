// Reading response bodies without ever downloading one: a capped prefix at most, then cancel; decoding it, bounded.
import type { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';

/** Most bytes ever read from a body (enough to spot a bot-challenge page). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads at most `maxBytes` raw bytes of `body`, then destroys it. Stops early, keeping what it
 * has, when the stream errors or is aborted (the request deadline destroys it). The bytes are
 * returned as sent; {@link decodeBodyPrefix} inflates them under its own bound.
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

/** Most decoded bytes ever produced from a compressed body prefix: bot-wall markers sit in the first few kB. */
export const MAX_DECODED_BYTES = 16 * 1024;

/**
 * Decodes a body prefix sent with `Content-Encoding` (gzip, deflate, br; a list is undone last-applied first)
 * into at most `maxBytes`, so a challenge page served compressed despite `Accept-Encoding: identity` can still
 * be recognised. The prefix may be cut mid-stream; what decodes is kept. Inflation stops at `maxBytes`, so a
 * compression bomb costs one zlib chunk. Unknown codings or undecodable bytes give an empty result.
 */
export async function decodeBodyPrefix(raw: Buffer, contentEncoding: string | string[] | undefined, maxBytes = MAX_DECODED_BYTES): Promise<Buffer> {
  const header = Array.isArray(contentEncoding) ? contentEncoding.join(',') : (contentEncoding ?? '');
  const codings = header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let bytes = raw;
  for (const coding of codings.reverse()) {
    const decoder = createDecoder(coding, bytes);
    if (!decoder) return Buffer.alloc(0);
    bytes = await inflateBounded(bytes, decoder, maxBytes);
  }
  return bytes;
}

function createDecoder(coding: string, input: Buffer): Transform | undefined {
  // Flush what a truncated stream holds instead of failing with "unexpected end of file".
  const options = { finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize: 4 * 1024 };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(options);
    case 'deflate':
      // RFC 9110 deflate is zlib-wrapped, yet some servers send raw deflate: a zlib header names method 8.
      return (input[0] ?? 0) % 16 === 8 ? zlib.createInflate(options) : zlib.createInflateRaw(options);
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH, chunkSize: 4 * 1024 });
    default:
      return undefined;
  }
}

function inflateBounded(input: Buffer, decoder: Transform, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let isDone = false;
    const finish = (): void => {
      if (isDone) return;
      isDone = true;
      decoder.destroy();
      resolve(Buffer.concat(chunks, size));
    };
    decoder.on('data', (chunk: Buffer) => {
      const room = maxBytes - size;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      size += Math.min(room, chunk.length);
      if (size >= maxBytes) finish();
    });
    decoder.on('end', finish);
    decoder.on('error', finish);
    decoder.end(input);
  });
}
