// The lint cache: per-file results reused when the file's bytes, the effective setup and the tool version are unchanged.
import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import { LintListsError } from '../errors.js';
import { toolVersion } from '../version.js';
import { writeAtomic } from '../write-atomic.js';
import type { FileOutcome } from './process-file.js';
import type { LintSetup, SetupSpec } from './setup.js';

/** Bumped whenever the stored shape changes; a cache of another format is ignored. */
export const LINT_CACHE_FORMAT = 2;

/** Where the cache lives when no location is given, relative to the working directory (as ESLint's `.eslintcache`). */
export const DEFAULT_LINT_CACHE_FILE = '.lint-lists-lint-cache';

/** How the engine uses the cache. */
export interface LintCacheOptions {
  /** Absolute path of the cache file. */
  location: string;
  /** Told when an existing cache is unreadable or cannot be written (the run goes on without it). */
  onWarning?: (message: string) => void;
}

/** One file's own results, before run-wide rules, that every hit needs at once. */
type CachedOutcome = Pick<FileOutcome, 'diagnostics' | 'directives' | 'hasBom'>;

/**
 * A file's results. Links and run-wide summaries are most of the bytes and often not needed (a lint-only run reads
 * no links, a one-file run no summary), so each stays serialised until it is read.
 */
interface CacheEntry {
  contentHash: string;
  outcome: CachedOutcome;
  links: Uint8Array;
  /** Rule id → its serialised summary. */
  summaries: Record<string, Uint8Array>;
}

/**
 * The stored file. `setup` fingerprints the effective rules, options and style; `tool` and `node` are the
 * versions that wrote it (the v8 serialisation format and any rule may change with either).
 */
interface CacheFile {
  format: number;
  tool: string;
  node: string;
  setup: string;
  entries: Record<string, CacheEntry>;
}

/** An open cache: look up and store per-file outcomes, then `save`. */
export interface LintCache {
  /** Hash of the file's bytes, or undefined when it is not a plain file we can safely read here (FIFO, symlink, too big). */
  hashFile(absolutePath: string, maxFileSizeBytes?: number): Promise<string | undefined>;
  /** The cached outcome for this file and content, with `file` and `absolutePath` filled in. */
  lookup(file: string, absolutePath: string, contentHash: string): FileOutcome | undefined;
  /** Remembers an outcome (call before run-wide rules add their diagnostics). */
  store(absolutePath: string, contentHash: string, outcome: FileOutcome): void;
  /** Writes the cache file atomically; failures become warnings. */
  save(): Promise<void>;
}

/** A fingerprint of everything besides the text that decides a file's results. */
export function fingerprintSetup(setup: LintSetup, spec: SetupSpec): string {
  const rules = setup.rules.map((active) => [active.rule.id, active.severity, active.options]);
  return createHash('sha256').update(stableJson({ module: spec.module, data: spec.data, style: setup.style, rules })).digest('hex');
}

/** Opens the cache at `options.location`, starting empty when it is missing, corrupt, or from another setup or version. */
export async function openLintCache(options: LintCacheOptions, setupFingerprint: string): Promise<LintCache> {
  const current: CacheFile = { format: LINT_CACHE_FORMAT, tool: toolVersion(), node: process.version, setup: setupFingerprint, entries: {} };
  const previous = await readCacheFile(options);
  const isReusable =
    previous !== undefined && previous.format === current.format && previous.tool === current.tool && previous.node === current.node && previous.setup === current.setup;
  const entries: Record<string, CacheEntry> = isReusable ? previous.entries : {};
  current.entries = entries;
  return {
    async hashFile(absolutePath, maxFileSizeBytes) {
      try {
        const stats = await lstat(absolutePath);
        // Anything else (FIFO, device, symlink) takes the normal read path, which knows how to refuse it.
        if (!stats.isFile() || (maxFileSizeBytes !== undefined && stats.size > maxFileSizeBytes)) return undefined;
        return createHash('sha256').update(await readFile(absolutePath)).digest('hex');
      } catch {
        return undefined;
      }
    },
    lookup(file, absolutePath, contentHash) {
      const entry = Object.hasOwn(entries, absolutePath) ? entries[absolutePath] : undefined;
      if (!entry || entry.contentHash !== contentHash) return undefined;
      const summaries: Record<string, unknown> = {};
      for (const [ruleId, bytes] of Object.entries(entry.summaries)) decodeOnRead(summaries, ruleId, bytes, options.location);
      const outcome = { file, absolutePath, ...entry.outcome, diagnostics: [...entry.outcome.diagnostics], summaries } as FileOutcome;
      decodeOnRead(outcome, 'links', entry.links, options.location);
      return outcome;
    },
    store(absolutePath, contentHash, outcome) {
      if (outcome.failure !== undefined || outcome.fix !== undefined) return;
      const { diagnostics, summaries, links, directives, hasBom } = outcome;
      const stored = Object.fromEntries(Object.entries(summaries).map(([ruleId, summary]) => [ruleId, serialize(summary)]));
      entries[absolutePath] = { contentHash, outcome: { diagnostics: [...diagnostics], directives, hasBom }, links: serialize(links), summaries: stored };
    },
    async save() {
      try {
        await writeAtomic(options.location, serialize(current));
      } catch (error) {
        options.onWarning?.(`${options.location}: cannot write the lint cache (${errorText(error)}); the next run starts cold`);
      }
    },
  };
}

async function readCacheFile(options: LintCacheOptions): Promise<CacheFile | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(options.location);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.onWarning?.(`${options.location}: cannot read the lint cache (${errorText(error)}); linting every file`);
    return undefined;
  }
  try {
    const value: unknown = deserialize(bytes);
    if (isCacheFile(value)) return value;
  } catch {
    // Falls through to the warning below.
  }
  options.onWarning?.(`${options.location}: the lint cache is corrupt and was ignored; linting every file`);
  return undefined;
}

/**
 * Defines `target[key]` as the value serialised in `bytes`, decoded the first time it is read. Assigning replaces it
 * with a plain value, so the object behaves like any other outcome.
 */
function decodeOnRead(target: object, key: string, bytes: Uint8Array, location: string): void {
  const settle = (value: unknown): void => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      let value: unknown;
      try {
        value = deserialize(bytes);
      } catch (error) {
        // Only a cache edited or damaged after it was written gets here: the file as a whole was read fine.
        throw new LintListsError('INPUT_UNREADABLE', `${location}: the lint cache is corrupt (${errorText(error)}); delete it and run again`, { cause: error });
      }
      settle(value);
      return value;
    },
    set: settle,
  });
}

function isCacheFile(value: unknown): value is CacheFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<CacheFile>;
  if (typeof file.format !== 'number' || typeof file.tool !== 'string' || typeof file.node !== 'string' || typeof file.setup !== 'string') return false;
  if (typeof file.entries !== 'object' || file.entries === null) return false;
  return Object.values(file.entries).every(
    (entry) =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.contentHash === 'string' &&
      typeof entry.outcome === 'object' &&
      entry.outcome !== null &&
      Array.isArray(entry.outcome.diagnostics) &&
      entry.links instanceof Uint8Array &&
      typeof entry.summaries === 'object' &&
      entry.summaries !== null &&
      Object.values(entry.summaries).every((bytes) => bytes instanceof Uint8Array),
  );
}

/** JSON with object keys sorted, so equal settings give equal fingerprints whatever their order; functions by their source. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner === 'function') return `function:${inner.toString()}`;
    if (inner instanceof RegExp) return `regexp:${inner.toString()}`;
    if (inner instanceof Map) return { map: [...inner.entries()] };
    if (inner instanceof Set) return { set: [...inner.values()] };
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner;
    return Object.fromEntries(Object.keys(inner).sort().map((key) => [key, (inner as Record<string, unknown>)[key]]));
  });
}

function errorText(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
