// The link-check pipeline: extract → collect → (changed lines, shard) → cache → GitHub API | HTTP checker → diagnostics.
import path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { LinksConfig } from '../config/links-schema.js';
import { openLinkCache, isFailure, type LinkCache } from './cache.js';
import { changedLines, isOnChangedLine } from './changed-lines.js';
import { createLinkChecker } from './check.js';
import { DEFAULT_LINK_CHECKER_OPTIONS, type CheckResult, type LinkChecker, type LinkCheckerOptions } from './check-options.js';
import { collectLinks, type CollectedLink, type CollectedLinks } from './collect.js';
import { extractLinks, type FileLinks } from './extract.js';
import { checkGitHubRepos, githubWebOrigin, parseGitHubRepoLink } from './github.js';
import { resolveGitHubApiUrl, type FetchLike } from './github-api.js';
import { createProgress } from './progress.js';
import { isInShard, parseShard } from './shard.js';
import { linkDiagnostics } from './to-diagnostics.js';
import type { LinkResult } from './types.js';

export type { FileLinks } from './extract.js';

/** What the pipeline needs from the process (structurally the CLI's `Io`). */
export interface LinkIo {
  stderr(text: string): void;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Options of {@link checkLinks}. */
export interface CheckLinksOptions {
  files: FileLinks[];
  config: LinksConfig;
  /** Only links on lines changed since this git ref. */
  changedSince?: string;
  /** `k/n`: only URLs whose host falls in shard k of n. */
  shard?: string;
  /** Cache file (relative to `io.cwd`), `false` for none; default `config.cache.path`. */
  cache?: string | false;
  /** Added to `config.allowPrivate`. */
  allowPrivate?: string[];
  quiet?: boolean;
  io: LinkIo;
  /** Builds the HTTP checker (tests pass a fake); default the real one. */
  checkerFactory?: (options: Partial<LinkCheckerOptions>) => LinkChecker;
  /** Tests only: `fetch` used for the GitHub API instead of its guarded connection (e.g. the global one, for nock). */
  fetch?: FetchLike;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** What a link check found. */
export interface CheckLinksOutcome {
  /** One per distinct URL, sorted by URL. */
  results: LinkResult[];
  diagnostics: Diagnostic[];
  /** Every host failed at DNS or connect: failures were withheld and not recorded. */
  networkDown: boolean;
}

/** Checks the links of `files`; never throws for network outcomes, only for bad input (ref, shard). */
export async function checkLinks(options: CheckLinksOptions): Promise<CheckLinksOutcome> {
  const { config, io } = options;
  const { targets, settled } = await selectLinks(options);
  const cacheLabel = options.cache === false ? undefined : (options.cache ?? config.cache.path);
  const cache =
    cacheLabel === undefined
      ? undefined
      : await openLinkCache({ file: path.resolve(io.cwd, cacheLabel), label: cacheLabel, ttlHours: config.cache.ttlHours, warn: (m) => io.stderr(m), now: options.now });

  const cached = new Map<string, CheckResult>();
  const pending: CollectedLink[] = [];
  for (const target of targets) {
    const hit = cache?.lookup(target.url);
    if (hit) cached.set(target.url, hit);
    else pending.push(target);
  }
  const { fresh, overHttp } = await fetchResults(pending, options);

  // An answer from the GitHub API proves the network is up, whatever the other hosts did.
  const networkDown = fresh.size === overHttp.size && detectNetworkDown(pending.map((t) => ({ host: t.host, result: overHttp.get(t.url) })));
  if (networkDown) io.stderr(`${NETWORK_DOWN_MESSAGE}\n`);

  const results: LinkResult[] = [...settled];
  for (const target of targets) {
    const fromCache = cached.get(target.url);
    const result = fromCache ?? fresh.get(target.url);
    // Offline failures say nothing about the links: withhold them and keep them out of the cache.
    // Not checked at all (the run stopped early) is no verdict either.
    if (!result || (!fromCache && result.attempts === 0) || (networkDown && !fromCache && overHttp.has(target.url))) continue;
    const linkResult: LinkResult = { ...result, fromCache: fromCache !== undefined, occurrences: target.occurrences };
    if (cache && !fromCache) {
      const failedRuns = cache.record(result);
      if (isFailure(result.verdict)) linkResult.failedRuns = failedRuns;
    }
    results.push(linkResult);
  }
  if (cache && cacheLabel !== undefined) await saveCache(cache, cacheLabel, io);
  results.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const diagnostics = linkDiagnostics(results, { config, isConfirming: cache !== undefined }).sort(compareDiagnostics);
  return { results, diagnostics, networkDown };
}

/** Collects the files' links, then keeps those on changed lines (`changedSince`) and in this shard. */
async function selectLinks(options: CheckLinksOptions): Promise<CollectedLinks> {
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  let { targets, settled } = collectLinks(extractLinks(options.files), options.config.exclude);
  if (options.changedSince !== undefined) {
    const changed = await changedLines(options.changedSince, options.files.map((f) => f.file), options.io.cwd);
    const keep = <T extends { occurrences: LinkResult['occurrences'] }>(items: T[]): T[] =>
      items
        .map((item) => ({ ...item, occurrences: item.occurrences.filter((o) => isOnChangedLine(o, changed)) }))
        .filter((item) => item.occurrences.length > 0);
    targets = keep(targets);
    settled = keep(settled);
  }
  if (shard) {
    targets = targets.filter((target) => isInShard(target.host, shard));
    // Links without a host would otherwise show up in every shard's report.
    if (shard.index !== 1) settled = [];
  }
  return { targets, settled };
}

/** Checks `pending`: repositories through the GitHub API when a token is set, everything else over HTTP. */
async function fetchResults(
  pending: readonly CollectedLink[],
  options: CheckLinksOptions,
): Promise<{ fresh: Map<string, CheckResult>; overHttp: Map<string, CheckResult> }> {
  const { config, io } = options;
  const fresh = new Map<string, CheckResult>();
  const overHttp = new Map<string, CheckResult>();
  const progress = createProgress({ io, total: pending.length, quiet: options.quiet ?? false, now: options.now });
  const onResult = (result: CheckResult): void => progress.tick(isFailure(result.verdict));
  const token = io.env[config.github.tokenEnv];
  // The token belongs to the GitHub that GITHUB_API_URL (or the config) names: only links on that host use it.
  const apiUrl = token ? resolveGitHubApiUrl(io.env, config.github.apiUrl) : '';
  const repoUrls = token ? pending.filter((t) => parseGitHubRepoLink(t.url, githubWebOrigin(apiUrl))).map((t) => t.url) : [];
  if (token && repoUrls.length > 0) {
    const outcome = await checkGitHubRepos(repoUrls, {
      token,
      apiUrl,
      allowPrivate: [...config.allowPrivate, ...(options.allowPrivate ?? [])],
      fetch: options.fetch,
      sleep: options.sleep,
      now: options.now,
      warn: (m) => io.stderr(m),
      onResult,
    });
    for (const [url, result] of outcome.results) fresh.set(url, result);
  }
  const rest = pending.filter((t) => !fresh.has(t.url));
  if (rest.length > 0) {
    // Offline, every remaining lookup would fail slowly too: stop as soon as the evidence is conclusive.
    const offline = createOfflineWatch();
    const checker = (options.checkerFactory ?? createLinkChecker)(checkerOptions(options));
    try {
      await Promise.all(
        rest.map(async (target) => {
          const result = await checker.check(target.url);
          overHttp.set(target.url, result);
          fresh.set(target.url, result);
          onResult(result);
          if (offline.record(target.host, result)) checker.stop?.();
        }),
      );
    } finally {
      await checker.close();
    }
  }
  progress.done();
  return { fresh, overHttp };
}

/** Distinct hosts that must all have failed at DNS or connect, with none answering, before the run stops early. */
export const OFFLINE_EARLY_STOP_HOSTS = 8;

/**
 * Watches results as they arrive and says when to stop: once {@link OFFLINE_EARLY_STOP_HOSTS} distinct hosts failed
 * at DNS or connect and not one host answered. A single answer, from any host, settles that the network is up.
 */
export function createOfflineWatch(): { record(host: string, result: CheckResult): boolean } {
  const downHosts = new Set<string>();
  let hasAnswer = false;
  return {
    record(host, result) {
      if (result.attempts === 0 || hasAnswer) return false;
      if (result.failureClass === 'dns' || result.failureClass === 'connect') downHosts.add(host);
      else hasAnswer = true;
      return !hasAnswer && downHosts.size >= OFFLINE_EARLY_STOP_HOSTS;
    },
  };
}

/** Printed once on stderr when the network is found down. */
export const NETWORK_DOWN_MESSAGE = 'Network unreachable: no host could be resolved or connected; link results withheld';

/** Fewest distinct hosts that must all fail before a run is called network-down (all of them when fewer). */
const NETWORK_DOWN_MIN_HOSTS = 3;

/**
 * True when every host tried failed at DNS or connect: then the machine is offline, not the links dead.
 * It takes {@link NETWORK_DOWN_MIN_HOSTS} distinct hosts, or every host of the run when it has fewer.
 */
export function detectNetworkDown(checked: ReadonlyArray<{ host: string; result?: CheckResult }>): boolean {
  const isHostDown = new Map<string, boolean>();
  for (const { host, result } of checked) {
    // A URL never attempted (the run stopped first) is evidence of nothing.
    if (!result || result.attempts === 0) continue;
    const isDown = result.failureClass === 'dns' || result.failureClass === 'connect';
    isHostDown.set(host, (isHostDown.get(host) ?? true) && isDown);
  }
  const allHosts = new Set(checked.map((c) => c.host)).size;
  if (isHostDown.size === 0 || isHostDown.size < Math.min(NETWORK_DOWN_MIN_HOSTS, allHosts)) return false;
  return [...isHostDown.values()].every(Boolean);
}

/** The HTTP checker's options from the `links` block (and `--allow-private`). */
export function checkerOptions(options: Pick<CheckLinksOptions, 'config' | 'allowPrivate'>): Partial<LinkCheckerOptions> {
  const { config } = options;
  const hosts: LinkCheckerOptions['hosts'] = {};
  for (const [host, overrides] of Object.entries(config.hosts)) hosts[host.toLowerCase()] = { ...overrides };
  // The checker's own per-host defaults (gentle on github.com) hold unless the config names that host.
  for (const [host, overrides] of Object.entries(DEFAULT_LINK_CHECKER_OPTIONS.hosts)) hosts[host] ??= { ...overrides };
  return {
    concurrency: config.concurrency,
    perHostConcurrency: config.perHostConcurrency,
    perHostIntervalMs: config.perHostIntervalMs,
    connectTimeoutMs: config.connectTimeoutMs,
    requestTimeoutMs: config.timeoutMs,
    retries: config.retries,
    acceptedStatus: config.acceptedStatus,
    hosts,
    allowPrivate: [...config.allowPrivate, ...(options.allowPrivate ?? [])],
  };
}

/** A cache that cannot be written costs the next run some requests, never this run its results. */
async function saveCache(cache: LinkCache, file: string, io: LinkIo): Promise<void> {
  try {
    await cache.save();
  } catch (error) {
    io.stderr(`lint-lists: could not write link cache ${file}: ${(error as Error).message}\n`);
  }
}
