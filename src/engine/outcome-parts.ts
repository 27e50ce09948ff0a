// A link check's outcome as it crosses from the link worker to the main thread: serialized in parts, moved not copied.
import { deserialize, serialize } from 'node:v8';
import type { CheckLinksOutcome } from '../links/index.js';

/**
 * Results per part. One serialization of 50,000 results grew its buffer to about 34 MB while the worker's heap was at
 * its fullest; parts of 5,000 stay near 2 MB each.
 */
const RESULTS_PER_PART = 5_000;

/** Serializes `outcome` into buffers the worker can transfer: diagnostics and the network flag first, then the results. */
export function packOutcome(outcome: CheckLinksOutcome): ArrayBuffer[] {
  const parts = [ownBuffer(serialize({ diagnostics: outcome.diagnostics, networkDown: outcome.networkDown }))];
  for (let i = 0; i < outcome.results.length; i += RESULTS_PER_PART) parts.push(ownBuffer(serialize(outcome.results.slice(i, i + RESULTS_PER_PART))));
  return parts;
}

/** Rebuilds what {@link packOutcome} wrote. */
export function unpackOutcome(parts: readonly ArrayBuffer[]): CheckLinksOutcome {
  const [head, ...resultParts] = parts;
  if (head === undefined) throw new Error('the link check sent an empty outcome');
  const { diagnostics, networkDown } = deserialize(new Uint8Array(head)) as Omit<CheckLinksOutcome, 'results'>;
  const results: CheckLinksOutcome['results'] = [];
  for (const part of resultParts) for (const result of deserialize(new Uint8Array(part)) as CheckLinksOutcome['results']) results.push(result);
  return { results, diagnostics, networkDown };
}

/** The bytes in an ArrayBuffer of their own, which can be transferred without taking anything else along. */
function ownBuffer(bytes: Buffer): ArrayBuffer {
  const isOwn = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return isOwn ? (bytes.buffer as ArrayBuffer) : new Uint8Array(bytes).buffer;
}
