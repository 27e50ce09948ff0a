// The link-check pipeline: extract → collect → (changed lines, shard) → cache → GitHub API | HTTP checker → diagnostics.
import path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { LinksConfig } from '../config/links-schema.js';
import { openLinkCache, isFailure, type LinkCache } from './cache.js';
import type { LinkRef } from '../markdown/types.js';
import { changedLines, isOnChangedLine, type ChangedLines } from './changed-lines.js';
import { createLinkChecker } from './check.js';
import { DEFAULT_LINK_CHECKER_OPTIONS, type CheckResult, type LinkChecker, type LinkCheckerOptions } from './check-options.js';
import { classifyLink, compileExclude } from './collect.js';
import { extractLinks, type FileLinks } from './extract.js';
import { checkGitHubRepos, githubWebOrigin, parseGitHubRepoLink } from './github.js';
import { resolveGitHubApiUrl, type FetchLike } from './github-api.js';
import { createHostFeed } from './host-feed.js';
import { createProgress, type Progress } from './progress.js';
import { isInShard, parseShard } from './shard.js';
import { linkDiagnostics, type LinkRuleSettings } from './to-diagnostics.js';
import type { LinkOccurrence, LinkResult } from './types.js';

export type { FileLinks } from './extract.js';

/** What the pipeline needs from the process (structurally the CLI's `Io`). */
export interface LinkIo {
  stderr(text: string): void;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Progress of a link check, as results come in (the CLI draws it; the library prints nothing itself). */
export interface LinkProgressEvent {
  checked: number;
  total: number;
  failing: number;
  /** The last event of a check. */
  isDone: boolean;
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
  /** Receives progress instead of it being drawn on `io.stderr`. */
  onProgress?: (event: LinkProgressEvent) => void;
  /** Severity and options of each link rule (`rules` in the config); default: each rule's defaults. */
  linkSeverity?: LinkRuleSettings;
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
  const run = await startLinkRun(options);
  for (const file of options.files) run.addFile(file);
  return run.finish();
}

/** Options of {@link startLinkRun}: those of {@link checkLinks} without the files, which arrive one at a time. */
export type LinkRunOptions = Omit<CheckLinksOptions, 'files'>;

/** A link check fed file by file: each file's URLs are checked as soon as they arrive. */
export interface LinkRun {
  /**
   * Adds one file's links. Only compact occurrences are kept, so the caller can drop the file's tree and model
   * as soon as this returns. With `changedSince`, files are held until {@link LinkRun.finish} (the diff is one call).
   */
  addFile(file: FileLinks): void;
  /** Waits for every check, then returns the results, sorted by URL, and their diagnostics. */
  finish(): Promise<CheckLinksOutcome>;
}

/** One distinct URL of a run: where it occurs and, once known, its result. */
interface UrlState {
  host: string;
  occurrences: LinkOccurrence[];
  /** Set for skipped, excluded and malformed URLs, which are settled without a request. */
  settled?: LinkResult;
  result?: CheckResult;
  fromCache?: boolean;
  overHttp?: boolean;
}

/**
 * Starts a link check that takes files as they are linted. Opens the cache and validates `shard` (throwing for bad
 * input) before any file is added; HTTP checks start with the first URL, repository links wait for the GitHub API
 * batch at the end when a token is set.
 */
export async function startLinkRun(options: LinkRunOptions): Promise<LinkRun> {
  const { config, io } = options;
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const isExcluded = compileExclude(config.exclude);
  const cacheLabel = options.cache === false ? undefined : (options.cache ?? config.cache.path);
  const cache =
    cacheLabel === undefined
      ? undefined
      : await openLinkCache({ file: path.resolve(io.cwd, cacheLabel), label: cacheLabel, ttlHours: config.cache.ttlHours, warn: (m) => io.stderr(m), now: options.now });
  const token = io.env[config.github.tokenEnv];
  // The token belongs to the GitHub that GITHUB_API_URL (or the config) names: only links on that host use it.
  const apiUrl = token ? resolveGitHubApiUrl(io.env, config.github.apiUrl) : '';
  const webOrigin = token ? githubWebOrigin(apiUrl) : '';
  const progress = options.onProgress ? progressEvents(options.onProgress) : createProgress({ io, total: 0, quiet: options.quiet ?? false, now: options.now });
  const urls = new Map<string, UrlState>();
  const viaApi: string[] = [];
  const heldForDiff: FileLinks[] = [];
  // Offline, every remaining lookup would fail slowly too: stop as soon as the evidence is conclusive.
  const offline = createOfflineWatch();
  // The feed holds a host's later URLs back: the checker keeps the host's connection for them.
  const httpOptions: Partial<LinkCheckerOptions> = { ...checkerOptions(options), backlogOf: (host) => feed.waiting(host) };
  let checker: LinkChecker | undefined;
  // Twice a host's request limit keeps its slots fed across redirects and retries (the checker admits as many), and
  // no more URLs are under way in all than requests may be in flight; the rest wait in the feed as strings.
  const feed = createHostFeed({
    windowFor: (host) => 2 * (httpOptions.hosts?.[host]?.perHostConcurrency ?? httpOptions.perHostConcurrency ?? 1),
    maxRunning: config.concurrency,
    async check(url) {
      const state = urls.get(url);
      if (!state) return;
      checker ??= (options.checkerFactory ?? createLinkChecker)(httpOptions);
      const result = await checker.check(url);
      state.result = result;
      state.overHttp = true;
      progress.tick(isFailure(result.verdict));
      if (offline.record(state.host, result)) checker.stop?.();
    },
  });
  const checkOverHttp = (url: string, state: UrlState): void => feed.add(state.host, url);

  const addTarget = (url: string, host: string, occurrence: LinkOccurrence): void => {
    const state: UrlState = { host, occurrences: [occurrence] };
    urls.set(url, state);
    const hit = cache?.lookup(url);
    if (hit) {
      state.result = hit;
      state.fromCache = true;
      return;
    }
    progress.expect(1);
    if (token && parseGitHubRepoLink(url, webOrigin)) viaApi.push(url);
    else checkOverHttp(url, state);
  };

  const addOccurrences = (file: string, links: readonly LinkRef[], changed: ChangedLines | undefined): void => {
    for (const link of extractLinks([{ file, links }])) {
      if (changed && !isOnChangedLine(link.occurrence, changed)) continue;
      const known = urls.get(link.url);
      if (known) {
        known.occurrences.push(link.occurrence);
        continue;
      }
      const where = classifyLink(link, isExcluded);
      if ('settled' in where) {
        // Links without a host would otherwise show up in every shard's report.
        if (shard && shard.index !== 1) continue;
        urls.set(link.url, { host: '', occurrences: where.settled.occurrences, settled: where.settled });
        continue;
      }
      const { host } = where;
      if (shard && !isInShard(host, shard)) continue;
      addTarget(link.url, host, link.occurrence);
    }
  };

  return {
    addFile(file) {
      if (options.changedSince !== undefined) heldForDiff.push(file);
      else addOccurrences(file.file, file.links, undefined);
    },
    async finish() {
      if (options.changedSince !== undefined && heldForDiff.length > 0) {
        const changed = await changedLines(options.changedSince, heldForDiff.map((f) => f.file), io.cwd);
        for (const file of heldForDiff.splice(0)) addOccurrences(file.file, file.links, changed);
      }
      if (token && viaApi.length > 0) {
        const outcome = await checkGitHubRepos(viaApi, {
          token,
          apiUrl,
          allowPrivate: [...config.allowPrivate, ...(options.allowPrivate ?? [])],
          fetch: options.fetch,
          sleep: options.sleep,
          now: options.now,
          warn: (m) => io.stderr(m),
          onResult: (result) => progress.tick(isFailure(result.verdict)),
        });
        for (const url of viaApi) {
          const state = urls.get(url);
          const result = outcome.results.get(url);
          if (state && result) state.result = result;
          else if (state) checkOverHttp(url, state);
        }
      }
      try {
        await feed.drained();
      } finally {
        await checker?.close();
      }
      progress.done();
      return settleRun(urls, { cache, cacheLabel, options });
    },
  };
}

/** Turns the run's URL states into results and diagnostics; records fresh results in the cache and saves it. */
async function settleRun(
  urls: Map<string, UrlState>,
  run: { cache: LinkCache | undefined; cacheLabel: string | undefined; options: LinkRunOptions },
): Promise<CheckLinksOutcome> {
  const { cache, cacheLabel, options } = run;
  const { config, io } = options;
  const fresh = [...urls.values()].filter((state) => !state.settled && !state.fromCache);
  // An answer from the GitHub API proves the network is up, whatever the other hosts did.
  const networkDown = fresh.every((state) => state.overHttp) && detectNetworkDown(fresh.map((state) => ({ host: state.host, result: state.result })));
  if (networkDown) io.stderr(`${NETWORK_DOWN_MESSAGE}\n`);

  const results: LinkResult[] = [];
  for (const [url, state] of urls) {
    if (state.settled) {
      results.push(state.settled);
      continue;
    }
    const { result } = state;
    const fromCache = state.fromCache === true;
    // Offline failures say nothing about the links: withhold them and keep them out of the cache.
    // Not checked at all (the run stopped early) is no verdict either; a host cut off by its breaker is one, and so
    // is a refused private address, reached without a request whatever the network did.
    const isRefused = result?.verdict === 'refused';
    const isUnchecked = !fromCache && result !== undefined && result.attempts === 0 && result.isHostClosed !== true && !isRefused;
    if (!result || isUnchecked || (networkDown && !fromCache && state.overHttp && !isRefused)) continue;
    // Completed in place, not copied: every result is this URL's own object, and at 50,000 links the copies were 50,000
    // objects more on the heap at the run's fullest moment.
    const linkResult: LinkResult = Object.assign(result, { url, fromCache, occurrences: state.occurrences });
    if (cache && !fromCache) {
      const failedRuns = cache.record(result);
      if (isFailure(result.verdict)) linkResult.failedRuns = failedRuns;
    }
    results.push(linkResult);
  }
  if (cache && cacheLabel !== undefined) await saveCache(cache, cacheLabel, io);
  results.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  // A pull request's new links get this run's word: waiting for a second run would let a dead link merge.
  const isChangedOnly = options.changedSince !== undefined;
  const diagnostics = linkDiagnostics(results, { config, rules: options.linkSeverity, isConfirming: cache !== undefined, isChangedOnly }).sort(
    compareDiagnostics,
  );
  return { results, diagnostics, networkDown };
}

/** Progress as events: one per settled URL, then a last one; the total grows as links arrive. */
function progressEvents(emit: (event: LinkProgressEvent) => void): Progress {
  let checked = 0;
  let failing = 0;
  let total = 0;
  return {
    tick(isFailing) {
      checked++;
      if (isFailing) failing++;
      emit({ checked, total, failing, isDone: false });
    },
    expect(count) {
      total += count;
    },
    done: () => emit({ checked, total, failing, isDone: true }),
  };
}

/** Distinct hosts that must all have failed offline-like, with none answering, before the run stops early. */
export const OFFLINE_EARLY_STOP_HOSTS = 8;

/**
 * What one result says about this machine's network. `up`: something answered — a response, a refused
 * connection (the host's TCP stack said no), a resolver saying the name does not exist, a TLS handshake.
 * `offline`: no route (ENETUNREACH…) or the resolver itself unreachable (EAI_AGAIN, ECONNREFUSED from DNS).
 * Undefined: no evidence either way (not attempted, refused by the guard, or a timeout, which a silent
 * firewall and a slow host both produce).
 */
export function networkEvidence(result: CheckResult): 'up' | 'offline' | undefined {
  if (result.attempts === 0 || result.verdict === 'refused' || result.verdict === 'timeout') return undefined;
  if (result.failureClass === 'route' || result.failureClass === 'resolver') return 'offline';
  return 'up';
}

/**
 * Watches results as they arrive and says when to stop: once {@link OFFLINE_EARLY_STOP_HOSTS} distinct hosts failed
 * offline-like and not one host answered. A single answer, from any host, settles that the network is up.
 */
export function createOfflineWatch(): { record(host: string, result: CheckResult): boolean } {
  const offlineHosts = new Set<string>();
  let hasAnswer = false;
  return {
    record(host, result) {
      if (hasAnswer) return false;
      const evidence = networkEvidence(result);
      if (evidence === 'up') hasAnswer = true;
      else if (evidence === 'offline') offlineHosts.add(host);
      return !hasAnswer && offlineHosts.size >= OFFLINE_EARLY_STOP_HOSTS;
    },
  };
}

/** Printed once on stderr when the network is found down. */
export const NETWORK_DOWN_MESSAGE = 'Network unreachable: no route to any host, or the DNS resolver could not be reached; link results withheld';

/** Fewest distinct hosts that must all fail offline-like before a run is called network-down (all of them when fewer). */
const NETWORK_DOWN_MIN_HOSTS = 3;

/**
 * True when the run holds evidence that this machine is offline and none that it is online: no host answered
 * (see {@link networkEvidence}) and at least {@link NETWORK_DOWN_MIN_HOSTS} distinct hosts (or every host of the
 * run, when it has fewer) failed for want of a route or a resolver. Hosts that only timed out count for neither.
 */
export function detectNetworkDown(checked: ReadonlyArray<{ host: string; result?: CheckResult }>): boolean {
  const offlineHosts = new Set<string>();
  for (const { host, result } of checked) {
    // A URL never attempted (the run stopped first) is evidence of nothing.
    if (!result || result.attempts === 0) continue;
    const evidence = networkEvidence(result);
    if (evidence === 'up') return false;
    if (evidence === 'offline') offlineHosts.add(host);
  }
  const allHosts = new Set(checked.map((c) => c.host)).size;
  return offlineHosts.size > 0 && offlineHosts.size >= Math.min(NETWORK_DOWN_MIN_HOSTS, allHosts);
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
    urlDeadlineMs: config.urlDeadlineMs,
    breakerFailures: config.breakerFailures,
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
