// The link cache: successes reused within a TTL, and consecutive failure counts kept across runs.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CheckResult } from './check-options.js';
import type { RedirectHop, Verdict } from './types.js';
import { writeAtomic } from '../write-atomic.js';

/** Version of the cache file format; a file with another version is ignored (and rewritten). */
export const CACHE_FORMAT_VERSION = 1;

/** Entries not checked for this long are dropped when the cache is saved. */
const PRUNE_AFTER_MS = 30 * 24 * 3600 * 1000;

/** What the cache keeps about one URL. */
export interface CacheEntry {
  verdict: Verdict;
  status?: number;
  finalUrl?: string;
  redirects?: RedirectHop[];
  permanent?: boolean;
  archived?: boolean;
  /** ISO time of the last check. */
  checkedAt: string;
  /** Separate runs in a row this URL failed on (`dead`, `error`, `timeout`); 0 after a success. */
  failures: number;
  /** ISO time of the first failure of the current streak. */
  firstFailedAt?: string;
}

/** The cache file. */
export interface CacheFile {
  version: typeof CACHE_FORMAT_VERSION;
  entries: Record<string, CacheEntry>;
}

/** An open cache: read once at the start of a run, saved once at the end. */
export interface LinkCache {
  /** A success checked within the TTL, as a result; failures are never served (they are always re-checked). */
  lookup(url: string): CheckResult | undefined;
  /** Records this run's result; returns the consecutive failed runs including this one (0 for a success). */
  record(result: CheckResult): number;
  /** Writes the cache atomically (temp file + rename). */
  save(): Promise<void>;
}

/** Options of {@link openLinkCache}. */
export interface OpenLinkCacheOptions {
  /** Cache file path (absolute, or relative to the process's working directory). */
  file: string;
  /** How the file is named in messages (default `file`). */
  label?: string;
  ttlHours: number;
  /** Told about a corrupt or unreadable cache, which is then ignored. */
  warn(message: string): void;
  now?: () => number;
}

const SUCCESS: ReadonlySet<Verdict> = new Set(['ok', 'redirect']);
const FAILURE: ReadonlySet<Verdict> = new Set(['dead', 'error', 'timeout']);

/** True for verdicts that count towards a failure streak. */
export function isFailure(verdict: Verdict): boolean {
  return FAILURE.has(verdict);
}

/**
 * Whether a failure has been seen on enough separate runs to be reported as confirmed. Without a run count (no
 * cache, or a failure that is the same every run) there is no memory to wait on, so this run's word stands.
 */
export function isConfirmedFailure(failedRuns: number | undefined, confirmAfterRuns: number): boolean {
  return failedRuns === undefined || failedRuns >= confirmAfterRuns;
}

/** Opens (reads) the cache file; a missing file is an empty cache, a corrupt one is ignored with a warning. */
export async function openLinkCache(options: OpenLinkCacheOptions): Promise<LinkCache> {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlHours * 3600 * 1000;
  const entries = await readEntries(options.file, options.label ?? options.file, options.warn);
  return {
    lookup(url) {
      const entry = entries.get(url);
      if (!entry || !SUCCESS.has(entry.verdict)) return undefined;
      const checkedAt = Date.parse(entry.checkedAt);
      if (!(now() - checkedAt < ttlMs) || checkedAt > now()) return undefined;
      const result: CheckResult = { url, verdict: entry.verdict, attempts: 0, durationMs: 0 };
      if (entry.status !== undefined) result.status = entry.status;
      if (entry.finalUrl !== undefined) result.finalUrl = entry.finalUrl;
      if (entry.redirects !== undefined) result.redirects = entry.redirects;
      if (entry.permanent !== undefined) result.permanent = entry.permanent;
      if (entry.archived !== undefined) result.archived = entry.archived;
      return result;
    },
    record(result) {
      const checkedAt = new Date(now()).toISOString();
      const previous = entries.get(result.url);
      if (isFailure(result.verdict)) {
        const failures = (previous?.failures ?? 0) + 1;
        const firstFailedAt = previous && previous.failures > 0 ? (previous.firstFailedAt ?? checkedAt) : checkedAt;
        entries.set(result.url, { ...pick(result), checkedAt, failures, firstFailedAt });
        return failures;
      }
      if (SUCCESS.has(result.verdict)) {
        entries.set(result.url, { ...pick(result), checkedAt, failures: 0 });
        return 0;
      }
      // unverifiable and the like say nothing either way: keep the streak as it was.
      return previous?.failures ?? 0;
    },
    async save() {
      const cutoff = now() - PRUNE_AFTER_MS;
      const kept: Record<string, CacheEntry> = {};
      for (const [url, entry] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (Date.parse(entry.checkedAt) >= cutoff) kept[url] = entry;
      }
      const file: CacheFile = { version: CACHE_FORMAT_VERSION, entries: kept };
      await writeAtomically(options.file, `${JSON.stringify(file, null, 1)}\n`);
    },
  };
}

function pick(result: CheckResult): Omit<CacheEntry, 'checkedAt' | 'failures'> {
  const entry: Omit<CacheEntry, 'checkedAt' | 'failures'> = { verdict: result.verdict };
  if (result.status !== undefined) entry.status = result.status;
  if (result.finalUrl !== undefined) entry.finalUrl = result.finalUrl;
  if (result.redirects !== undefined) entry.redirects = result.redirects;
  if (result.permanent !== undefined) entry.permanent = result.permanent;
  if (result.archived !== undefined) entry.archived = result.archived;
  return entry;
}

async function readEntries(file: string, label: string, warn: (message: string) => void): Promise<Map<string, CacheEntry>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`lint-lists: ignoring unreadable link cache ${label}: ${(error as Error).message}\n`);
    return new Map();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    warn(`lint-lists: ignoring corrupt link cache ${label}: not valid JSON\n`);
    return new Map();
  }
  if (!isRecord(parsed) || parsed.version !== CACHE_FORMAT_VERSION || !isRecord(parsed.entries)) {
    warn(`lint-lists: ignoring link cache ${label}: not a version ${CACHE_FORMAT_VERSION} cache file\n`);
    return new Map();
  }
  const entries = new Map<string, CacheEntry>();
  for (const [url, entry] of Object.entries(parsed.entries)) if (isEntry(entry)) entries.set(url, entry);
  return entries;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Entries are checked one by one so a single bad entry costs only itself. */
function isEntry(value: unknown): value is CacheEntry {
  return (
    isRecord(value) &&
    typeof value.verdict === 'string' &&
    typeof value.checkedAt === 'string' &&
    !Number.isNaN(Date.parse(value.checkedAt)) &&
    typeof value.failures === 'number' &&
    Number.isInteger(value.failures) &&
    value.failures >= 0 &&
    (value.finalUrl === undefined || typeof value.finalUrl === 'string') &&
    (value.redirects === undefined || Array.isArray(value.redirects))
  );
}

/** Writes next to the target and renames over it, so a crash never leaves a half-written cache. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeAtomic(path.resolve(file), text);
}
