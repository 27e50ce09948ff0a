// The link checker's options, result and interface: the contract between the HTTP core and the pipeline.
import type { Dispatcher } from 'undici';
import { DEFAULT_LINKS, PROJECT_URL } from '../config/defaults.js';
import { toolVersion } from '../version.js';
import type { LinkResult } from './types.js';

/** Per-host overrides, keyed by hostname in {@link LinkCheckerOptions.hosts}. */
export type HostOverrides = Partial<
  Pick<LinkCheckerOptions, 'perHostConcurrency' | 'perHostIntervalMs' | 'acceptedStatus' | 'headers'>
>;

/** A credential attached only to requests whose origin equals `origin` exactly. */
export interface LinkToken {
  /** e.g. `https://api.github.com` */
  origin: string;
  /** e.g. `authorization` */
  header: string;
  value: string;
}

/** Everything the HTTP core of the link checker can be told. */
export interface LinkCheckerOptions {
  /** Global in-flight requests. */
  concurrency: number;
  /** In-flight requests to one host. */
  perHostConcurrency: number;
  /** Minimum gap between request starts to one host. */
  perHostIntervalMs: number;
  connectTimeoutMs: number;
  /** One total deadline per request attempt, covering headers and any body bytes read. */
  requestTimeoutMs: number;
  /** Retries after the first attempt (at most 3); timeouts are never retried. */
  retries: number;
  /** Total time one URL may take from its first request, across hops, retries and waits (0: none). */
  urlDeadlineMs: number;
  /** Consecutive timeouts or connect failures after which a host gets no more requests this run (0: never). */
  breakerFailures: number;
  /** A `Retry-After` longer than this gives up politely: verdict `unverifiable`, reason rate limited. */
  retryAfterCapMs: number;
  maxRedirects: number;
  /** Extra status codes counted as `ok`, e.g. `[403]` for one host. */
  acceptedStatus: number[];
  /** Extra request headers. */
  headers: Record<string, string>;
  /** Per-host overrides by hostname. */
  hosts: Record<string, HostOverrides>;
  /** Hostnames, IPs or CIDRs (v4 or v6) allowed despite the private-address guard. */
  allowPrivate: string[];
  userAgent: string;
  /** Credentials scoped to one exact origin each. */
  tokens?: LinkToken[];
  signal?: AbortSignal;
  /** Injectable clock, sleep and randomness (tests). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Tests pass a MockAgent; by default one undici Agent is built per checker. */
  dispatcher?: Dispatcher;
  /**
   * Replaces `dns.lookup` in the default Agent (tests: make a public-looking name resolve to a
   * private address). The private-address guard still runs on whatever it returns.
   */
  lookup?: LookupFunction;
  /** Progress hook, called once per distinct URL. */
  onResult?(result: CheckResult): void;
  /**
   * URLs of `host` the caller holds back and will still hand to `check` (a feed that passes a few at a time): while
   * there are some, the host's connection is kept for them instead of closed after its last request in hand.
   */
  backlogOf?(host: string): number;
}

/** A `dns.lookup`-compatible function as used with `{ all: true }`. */
export type LookupFunction = (
  hostname: string,
  options: { all: true; family?: number },
  callback: (error: NodeJS.ErrnoException | null, addresses: Array<{ address: string; family: number }>) => void,
) => void;

/** The checker's answer for one URL; the pipeline adds occurrences, cache state and failed runs. */
export type CheckResult = Omit<LinkResult, 'occurrences' | 'fromCache' | 'failedRuns'>;

/** A link checker bound to one Agent and one set of limits. */
export interface LinkChecker {
  /** Checks one URL; never throws for network outcomes. The same URL is fetched once per checker. */
  check(url: string): Promise<CheckResult>;
  /**
   * Stops starting URLs: those still waiting resolve at once as not checked (`attempts: 0`), those under way finish.
   * Unlike `signal`, nothing in flight is cut short, so every result that did come back is a real answer.
   */
  stop?(): void;
  /** Closes the Agent the checker built (not a dispatcher passed in). */
  close(): Promise<void>;
  /** Peak concurrency and request count so far. */
  stats(): LinkCheckerStats;
}

/** What a checker did so far: peaks of concurrency, requests sent, the global limit in use, hosts cut off. */
export interface LinkCheckerStats {
  maxInFlightPerHost: Record<string, number>;
  maxInFlight: number;
  requests: number;
  globalLimit?: number;
  /** Hosts whose circuit breaker opened, in order. */
  trippedHosts?: string[];
}

/** Defaults for every option; those the `links` config block also sets come from its defaults, the one place they live. */
export const DEFAULT_LINK_CHECKER_OPTIONS: LinkCheckerOptions = {
  concurrency: DEFAULT_LINKS.concurrency,
  perHostConcurrency: DEFAULT_LINKS.perHostConcurrency,
  perHostIntervalMs: DEFAULT_LINKS.perHostIntervalMs,
  connectTimeoutMs: DEFAULT_LINKS.connectTimeoutMs,
  requestTimeoutMs: DEFAULT_LINKS.timeoutMs,
  retries: DEFAULT_LINKS.retries,
  urlDeadlineMs: DEFAULT_LINKS.urlDeadlineMs,
  breakerFailures: DEFAULT_LINKS.breakerFailures,
  retryAfterCapMs: 60_000,
  maxRedirects: 10,
  acceptedStatus: [...DEFAULT_LINKS.acceptedStatus],
  headers: {},
  hosts: {
    // GitHub rate-limits anonymous crawling hard; be gentler there.
    'github.com': { perHostConcurrency: 2, perHostIntervalMs: 500 },
  },
  allowPrivate: [...DEFAULT_LINKS.allowPrivate],
  userAgent: `lint-lists/${toolVersion()} (+${PROJECT_URL})`,
};
