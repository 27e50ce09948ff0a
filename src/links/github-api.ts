// The one GitHub API client (link checks and the report issue): token pinned to the API origin, connections through the address guard, bounded rate-limit waits, GitHub's error details.
import { Agent, fetch as undiciFetch } from 'undici';
import type { LookupFunction as NetLookupFunction } from 'node:net';
import { LintListsError } from '../errors.js';
import { createAddressGuard } from './address-guard.js';
import type { LookupFunction } from './check-options.js';

/** The API of github.com, used when neither the config nor `GITHUB_API_URL` names another. */
export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/** The part of a fetch `Response` the client reads (the global and undici's both fit). */
export interface FetchResponse {
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | null;
}

/** A fetch-compatible function; tests may pass the global one (to use nock), which skips the guarded connection. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; redirect: 'manual'; signal: AbortSignal },
) => Promise<FetchResponse>;

/** Options of {@link createGitHubApi}. */
export interface GitHubApiOptions {
  /** REST base: `https://api.github.com`, or `https://host/api/v3` on GitHub Enterprise Server. */
  apiUrl: string;
  token: string;
  userAgent?: string;
  /** Private hosts, IPs or CIDRs the API may live on (a GitHub Enterprise Server inside the network). */
  allowPrivate?: readonly string[];
  /** Longest total time spent waiting out rate limits and retries (default 15 min); beyond it calls fail. */
  maxWaitMs?: number;
  /** Deadline of one request (default 30 s). */
  timeoutMs?: number;
  /** Largest response body read (default 10 MB). */
  maxBodyBytes?: number;
  fetch?: FetchLike;
  /** Replaces `dns.lookup` under the guard (tests: a public-looking name answered with a loopback address). */
  lookup?: LookupFunction;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** A decoded answer. */
export interface GitHubApiResponse<T> {
  status: number;
  headers: FetchResponse['headers'];
  data: T;
}

/** A failed API call; `status` is absent when no HTTP answer came. The message carries GitHub's `errors[]`. */
export class GitHubApiError extends LintListsError {
  readonly status: number | undefined;

  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super('GITHUB_API', message, options);
    this.status = status;
  }
}

/** Options of one request. */
export interface GitHubRequestOptions {
  body?: unknown;
  /** Return 3xx answers to the caller (renames) instead of failing; they are never followed here. */
  acceptRedirect?: boolean;
}

/** A client bound to one API origin and one token. */
export interface GitHubApi {
  /** The REST base, without trailing slash. */
  readonly apiUrl: string;
  /** The GraphQL endpoint that goes with {@link GitHubApi.apiUrl}. */
  readonly graphqlUrl: string;
  /** Where repositories of this GitHub live on the web, e.g. `https://github.com`. */
  readonly webOrigin: string;
  /** Sends one request; `pathOrUrl` is a path under `apiUrl` or an absolute URL on the API origin. */
  request<T>(method: 'GET' | 'POST' | 'PATCH', pathOrUrl: string, options?: GitHubRequestOptions): Promise<GitHubApiResponse<T>>;
  /** Follows `Link: <…>; rel="next"` (same origin only) up to a bound, to survive a misbehaving server. */
  paginate<T>(path: string): Promise<T[]>;
  /** Closes the client's connections. */
  close(): Promise<void>;
}

const MAX_PAGES = 50;
const MAX_ATTEMPTS = 4;
const RETRY_STATUS = new Set([500, 502, 503, 504]);
// GitHub asks clients hit by a secondary rate limit without a Retry-After to wait at least a minute.
const SECONDARY_LIMIT_WAIT_MS = 60_000;

/** Creates a client; the token is only ever sent to `apiUrl`'s origin, and every connection passes the address guard. */
export function createGitHubApi(options: GitHubApiOptions): GitHubApi {
  const apiUrl = trimTrailingSlashes(options.apiUrl);
  const apiOrigin = new URL(apiUrl).origin;
  const guard = createAddressGuard(options.allowPrivate ?? []);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  let waitBudgetMs = options.maxWaitMs ?? 15 * 60 * 1000;
  let resumeAt = 0;
  let agent: Agent | undefined;

  const fetchImpl: FetchLike =
    options.fetch ??
    ((url, init) => {
      agent ??= new Agent({
        connect: { timeout: timeoutMs, lookup: guard.wrapLookup(options.lookup) as unknown as NetLookupFunction },
        keepAliveTimeout: 4_000,
      });
      return undiciFetch(url, { ...init, dispatcher: agent }) as unknown as Promise<FetchResponse>;
    });
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${options.token}`,
    'x-github-api-version': '2022-11-28',
    'user-agent': options.userAgent ?? 'lint-lists',
  };

  async function wait(ms: number, why: string): Promise<void> {
    if (ms > waitBudgetMs) throw new GitHubApiError(`GitHub API: ${why}; waiting ${Math.ceil(ms / 1000)} s is beyond the allowed wait`);
    waitBudgetMs -= ms;
    await sleep(ms);
  }

  async function send(method: string, url: string, request: GitHubRequestOptions): Promise<GitHubApiResponse<unknown>> {
    const target = new URL(url);
    const label = `GitHub API ${method} ${target.pathname}${target.search}`;
    if (target.origin !== apiOrigin) throw new GitHubApiError(`GitHub API: refusing to send the token to ${target.origin}`);
    const refusal = guard.checkHostname(target.hostname);
    if (refusal) throw new GitHubApiError(`${label}: ${refusal}`);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const init = { method, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' }, body, redirect: 'manual' as const };
    for (let attempt = 1; ; attempt++) {
      if (resumeAt > now()) await wait(resumeAt - now(), 'rate limit exhausted');
      let response: FetchResponse;
      try {
        response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        if (attempt < MAX_ATTEMPTS && isTransient(error)) {
          await wait(1000 * 2 ** (attempt - 1), describeError(error));
          continue;
        }
        throw new GitHubApiError(`${label}: ${describeError(error)}`, undefined, { cause: error });
      }
      const text = response.status === 204 || response.status === 304 ? '' : await readText(response, maxBodyBytes);
      const limitWaitMs = rateLimitWait(response, text, now());
      if (limitWaitMs !== undefined && attempt < MAX_ATTEMPTS) {
        await wait(limitWaitMs, `rate limited (${response.status})`);
        continue;
      }
      if (RETRY_STATUS.has(response.status) && attempt < MAX_ATTEMPTS) {
        await wait(1000 * 2 ** (attempt - 1), `${response.status} ${response.statusText}`);
        continue;
      }
      noteQuota(response);
      if (response.status >= 400 || (response.status >= 300 && !request.acceptRedirect)) {
        throw new GitHubApiError(`${label}: ${response.status} ${response.statusText}${errorDetail(text)}`, response.status);
      }
      return { status: response.status, headers: response.headers, data: parseJson(text) };
    }
  }

  /** Remembers an exhausted primary quota so the next call waits for its reset. */
  function noteQuota(response: FetchResponse): void {
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    if (response.headers.get('x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0) resumeAt = Math.max(resumeAt, reset * 1000);
  }

  return {
    apiUrl,
    graphqlUrl: graphqlUrlOf(apiUrl),
    webOrigin: webOriginOf(apiUrl),
    async request<T>(method: 'GET' | 'POST' | 'PATCH', pathOrUrl: string, request: GitHubRequestOptions = {}) {
      const url = pathOrUrl.startsWith('/') ? apiUrl + pathOrUrl : pathOrUrl;
      return (await send(method, url, request)) as GitHubApiResponse<T>;
    },
    async paginate<T>(path: string): Promise<T[]> {
      const items: T[] = [];
      let next: string | undefined = apiUrl + path;
      for (let page = 0; next && page < MAX_PAGES; page++) {
        const response = await send('GET', next, {});
        if (!Array.isArray(response.data)) throw new GitHubApiError(`GitHub API GET ${path}: expected a list, got ${typeof response.data}`);
        items.push(...(response.data as T[]));
        next = nextLink(response.headers.get('link'));
      }
      return items;
    },
    async close() {
      await agent?.close();
    },
  };
}

/**
 * How long to wait before retrying a rate-limited answer, or undefined when it was not one: 429, or 403 with
 * `Retry-After`, an exhausted quota, or GitHub's "secondary rate limit" message.
 */
function rateLimitWait(response: FetchResponse, text: string, nowMs: number): number | undefined {
  if (response.status !== 429 && response.status !== 403) return undefined;
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null && /^\d{1,6}$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  if (response.headers.get('x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - nowMs);
  if (response.status === 429 || /secondary rate limit|abuse detection/i.test(text)) return SECONDARY_LIMIT_WAIT_MS;
  return undefined;
}

/** `: <message>: <errors[]>` from a GitHub error body, or the start of a non-JSON body. */
export function errorDetail(text: string): string {
  if (!text) return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return `: ${oneLine(text).slice(0, 300)}`;
  }
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { message?: unknown; errors?: unknown };
  const parts: string[] = [];
  if (typeof body.message === 'string' && body.message) parts.push(oneLine(body.message));
  if (Array.isArray(body.errors)) {
    const details = body.errors.slice(0, 10).map(describeApiError).filter(Boolean);
    if (details.length > 0) parts.push(details.join('; '));
  }
  return parts.length > 0 ? `: ${parts.join(': ')}`.slice(0, 1000) : '';
}

/** One entry of GitHub's `errors[]`: a string, or `{ resource, field, code, message }`. */
function describeApiError(entry: unknown): string {
  if (typeof entry === 'string') return oneLine(entry);
  if (typeof entry !== 'object' || entry === null) return '';
  const { resource, field, code, message } = entry as Record<string, unknown>;
  const where = [resource, field].filter((part): part is string => typeof part === 'string' && part !== '').join('.');
  const what = typeof message === 'string' && message ? message : typeof code === 'string' ? code : '';
  return oneLine([where, what].filter(Boolean).join(' '));
}

/** The `rel="next"` target of a Link header, if any. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /^\s*<([^>]*)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * The API base to use: a configured value that differs from the github.com default wins, then `GITHUB_API_URL`
 * (set by Actions runners, GitHub Enterprise Server's included), then github.com. Plain http is refused except on
 * loopback, so a token never crosses the network unencrypted.
 */
export function resolveGitHubApiUrl(env: Record<string, string | undefined>, configured?: string): string {
  const fromConfig = configured && trimTrailingSlashes(configured) !== DEFAULT_GITHUB_API_URL ? configured : undefined;
  const chosen = fromConfig ?? (env.GITHUB_API_URL || DEFAULT_GITHUB_API_URL);
  const source = fromConfig ? 'links.github.apiUrl' : env.GITHUB_API_URL ? 'GITHUB_API_URL' : 'default';
  let url: URL;
  try {
    url = new URL(chosen);
  } catch {
    throw new LintListsError('USAGE', `${source}: got "${chosen}", expected an https:// URL`);
  }
  const isLoopback = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/i.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback)) {
    throw new LintListsError('USAGE', `${source}: got "${chosen}", expected an https:// URL`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new LintListsError('USAGE', `${source}: got "${chosen}", expected a URL without credentials, query or fragment`);
  }
  return trimTrailingSlashes(url.href);
}

/** `https://api.github.com` → `https://github.com`; `https://api.acme.ghe.com` → `https://acme.ghe.com`; GHES keeps its host. */
export function webOriginOf(apiUrl: string): string {
  const url = new URL(apiUrl);
  const host = url.hostname.startsWith('api.') ? url.host.slice(4) : url.host;
  return `${url.protocol}//${host}`;
}

/** GitHub Enterprise Server serves REST under `/api/v3` and GraphQL at `/api/graphql`. */
function graphqlUrlOf(apiUrl: string): string {
  return `${apiUrl.endsWith('/v3') ? apiUrl.slice(0, -3) : apiUrl}/graphql`;
}

async function readText(response: FetchResponse, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new GitHubApiError(`GitHub API: answer larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isTransient(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE';
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (error.name === 'TimeoutError') return 'timed out';
    return cause?.message ?? cause?.code ?? error.message;
  }
  return String(error);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Drops trailing slashes by scanning (a `/\/+$/` regex goes quadratic on long runs of slashes). */
function trimTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
