// Sharding: `--shard k/n` splits a run by host, so per-host politeness holds within a shard (reports merge in report/merge-shards.ts).
import { LintListsError } from '../errors.js';

/** One shard of a run: 1-based `index` of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `k/n` (1 ≤ k ≤ n ≤ 1000). */
export function parseShard(text: string): Shard {
  const slash = text.indexOf('/');
  const isDigits = (part: string): boolean => part.length > 0 && part.length <= 4 && [...part].every((c) => c >= '0' && c <= '9');
  const k = text.slice(0, slash);
  const n = text.slice(slash + 1);
  if (slash === -1 || !isDigits(k) || !isDigits(n)) {
    throw new LintListsError('USAGE', `--shard: got \`${text}\`, expected \`k/n\` such as \`1/4\``);
  }
  const index = Number(k);
  const count = Number(n);
  if (count < 1 || count > 1000 || index < 1 || index > count) {
    throw new LintListsError('USAGE', `--shard: got \`${text}\`, expected 1 ≤ k ≤ n ≤ 1000`);
  }
  return { index, count };
}

/** 32-bit FNV-1a over the UTF-8 bytes of `text`: stable across runs, platforms and Node versions. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The 1-based shard a hostname belongs to. */
export function shardOfHost(host: string, count: number): number {
  return (fnv1a(host.toLowerCase()) % count) + 1;
}

/** True when `host` belongs to `shard`. */
export function isInShard(host: string, shard: Shard): boolean {
  return shardOfHost(host, shard.count) === shard.index;
}
