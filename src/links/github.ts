// GitHub awareness: repository links checked through the GitHub API (GraphQL in batches, REST for renames) when a token is set.
import type { CheckResult } from './check-options.js';

/** A github.com repository link, split up. */
export interface GitHubRepoLink {
  owner: string;
  repo: string;
  /** What follows `/<owner>/<repo>` in the path (`/tree/main/docs`, `/`, or `''`), kept when a rename is fixed. */
  rest: string;
}

/** First path segments that are GitHub pages, not users or organisations. */
const RESERVED_OWNERS = new Set([
  'about', 'account', 'apps', 'collections', 'contact', 'copilot', 'customer-stories', 'dashboard', 'enterprise',
  'events', 'explore', 'features', 'login', 'logout', 'marketplace', 'new', 'notifications', 'orgs', 'organizations',
  'pricing', 'pulls', 'issues', 'readme', 'search', 'security', 'settings', 'signup', 'site', 'solutions', 'sponsors',
  'stars', 'team', 'topics', 'trending', 'users', 'codespaces', 'resources', 'join', 'watching',
]);
const OWNER = /^[A-Za-z0-9-]{1,39}$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

/** Recognises `https://github.com/<owner>/<repo>` with an optional `/tree/…` or `/blob/…` (fragments are ignored). */
export function parseGitHubRepoLink(url: string): GitHubRepoLink | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname.toLowerCase();
  // http:// links go through the HTTP checker, which reports their redirect to https:// (and fixes it).
  if (parsed.protocol !== 'https:' || (host !== 'github.com' && host !== 'www.github.com')) return undefined;
  if (parsed.port !== '' || parsed.username !== '' || parsed.password !== '' || parsed.search !== '') return undefined;
  const segments = parsed.pathname.split('/');
  const owner = segments[1] ?? '';
  let repo = segments[2] ?? '';
  const third = segments[3];
  if (third !== undefined && third !== '' && third !== 'tree' && third !== 'blob') return undefined;
  if (third === '' && segments.length > 4) return undefined;
  if (repo.endsWith('.git') && segments.length === 3) repo = repo.slice(0, -4);
  if (!OWNER.test(owner) || RESERVED_OWNERS.has(owner.toLowerCase())) return undefined;
  if (!REPO.test(repo) || repo === '.' || repo === '..') return undefined;
  const rest = parsed.pathname.slice(1 + owner.length + 1 + (segments[2] ?? '').length);
  return { owner, repo, rest };
}

/** Options of {@link checkGitHubRepos}. */
export interface GitHubCheckOptions {
  token: string;
  /** REST base, e.g. `https://api.github.com` (GitHub Enterprise: `https://host/api/v3`). */
  apiUrl: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Repositories per GraphQL query. */
  batchSize?: number;
  /** Longest rate-limit pause taken; beyond it the remaining links fall back to plain HTTP checks. */
  maxWaitMs?: number;
  /** Deadline of one API request (default 30 s); a stalled API falls back to plain HTTP checks. */
  timeoutMs?: number;
  /** Told once when the API cannot be used (bad token, outage). */
  warn?(message: string): void;
  /** Called per URL as its result is known. */
  onResult?(result: CheckResult): void;
}

/** What the API settled, and the URLs it could not (checked over plain HTTP instead). */
export interface GitHubCheckOutcome {
  results: Map<string, CheckResult>;
  unresolved: string[];
}

interface RepoAnswer {
  /** `ok`: exists at the asked name; `moved`: lives at `htmlUrl` now; `missing`: deleted or never existed. */
  state: 'ok' | 'moved' | 'missing';
  htmlUrl?: string;
  archived?: boolean;
  status?: number;
}

const GRAPHQL_FIELDS = 'nameWithOwner isArchived url';

/** Checks repository links through the GitHub API; the token goes to the API origin only. */
export async function checkGitHubRepos(urls: readonly string[], options: GitHubCheckOptions): Promise<GitHubCheckOutcome> {
  const client = createApiClient(options);
  const byRepo = new Map<string, { owner: string; repo: string; urls: Array<{ url: string; link: GitHubRepoLink }> }>();
  const unresolved: string[] = [];
  for (const url of urls) {
    const link = parseGitHubRepoLink(url);
    if (!link) {
      unresolved.push(url);
      continue;
    }
    const key = `${link.owner}/${link.repo}`.toLowerCase();
    const group = byRepo.get(key) ?? { owner: link.owner, repo: link.repo, urls: [] };
    group.urls.push({ url, link });
    byRepo.set(key, group);
  }
  const results = new Map<string, CheckResult>();
  const groups = [...byRepo.values()];
  const batchSize = options.batchSize ?? 50;
  for (let i = 0; i < groups.length; i += batchSize) {
    const batch = groups.slice(i, i + batchSize);
    const started = (options.now ?? Date.now)();
    const answers = await client.lookupBatch(batch);
    const durationMs = (options.now ?? Date.now)() - started;
    batch.forEach((group, index) => {
      const answer = answers[index];
      for (const { url, link } of group.urls) {
        if (!answer) {
          unresolved.push(url);
          continue;
        }
        const result = toResult(url, link, answer, durationMs);
        results.set(url, result);
        options.onResult?.(result);
      }
    });
  }
  return { results, unresolved };
}

function toResult(url: string, link: GitHubRepoLink, answer: RepoAnswer, durationMs: number): CheckResult {
  const base = { url, attempts: 1, durationMs };
  if (answer.state === 'missing') return { ...base, verdict: 'dead', status: answer.status ?? 404, reason: 'repository not found' };
  if (answer.state === 'moved' && answer.htmlUrl) {
    const finalUrl = answer.htmlUrl.replace(/\/$/, '') + link.rest;
    const result: CheckResult = { ...base, verdict: 'redirect', status: 200, finalUrl, permanent: true, redirects: [{ url, status: 301 }] };
    if (answer.archived) result.archived = true;
    return result;
  }
  const result: CheckResult = { ...base, verdict: 'ok', status: 200 };
  if (answer.archived) result.archived = true;
  return result;
}

interface ApiClient {
  /** One answer per group, `undefined` where the API could not say. */
  lookupBatch(groups: Array<{ owner: string; repo: string }>): Promise<Array<RepoAnswer | undefined>>;
}

function createApiClient(options: GitHubCheckOptions): ApiClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const maxWaitMs = options.maxWaitMs ?? 15 * 60 * 1000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const apiBase = trimTrailingSlashes(options.apiUrl);
  const apiOrigin = new URL(apiBase).origin;
  // GitHub Enterprise serves REST under /api/v3 and GraphQL at /api/graphql.
  const graphqlUrl = `${apiBase.endsWith('/v3') ? apiBase.slice(0, -3) : apiBase}/graphql`;
  let resumeAt = 0;
  let isDisabled = false;
  const warnOnce = (message: string): void => {
    if (!isDisabled) options.warn?.(message);
    isDisabled = true;
  };

  /** Waits out an exhausted rate limit; false when the wait would be longer than allowed. */
  async function waitForQuota(): Promise<boolean> {
    const waitMs = resumeAt - now();
    if (waitMs <= 0) return true;
    if (waitMs > maxWaitMs) return false;
    await sleep(waitMs);
    return true;
  }

  function noteRateLimit(response: Response): number | undefined {
    const remaining = response.headers.get('x-ratelimit-remaining');
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    if (remaining === '0' && Number.isFinite(reset) && reset > 0) resumeAt = Math.max(resumeAt, reset * 1000);
    const retryAfter = Number(response.headers.get('retry-after'));
    if (response.headers.has('retry-after') && Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000;
    return undefined;
  }

  /** Fetches with the token only for the API origin, pausing on rate limits; `undefined` when it gave up. */
  async function apiFetch(url: string, init: { method: string; body?: string }): Promise<Response | undefined> {
    for (let attempt = 0; attempt < 4 && !isDisabled; attempt++) {
      if (!(await waitForQuota())) return undefined;
      const headers: Record<string, string> = { accept: 'application/vnd.github+json', 'user-agent': 'lint-lists' };
      if (new URL(url).origin === apiOrigin) headers.authorization = `bearer ${options.token}`;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await fetchImpl(url, { method: init.method, headers, body: init.body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        warnOnce(`lint-lists: GitHub API unreachable (${(error as Error).message}); checking github.com links over HTTP\n`);
        return undefined;
      }
      const retryAfterMs = noteRateLimit(response);
      const isLimited = response.status === 429 || (response.status === 403 && (retryAfterMs !== undefined || resumeAt > now()));
      if (isLimited) {
        await response.arrayBuffer().catch(() => undefined);
        if (retryAfterMs !== undefined) {
          if (retryAfterMs > maxWaitMs) return undefined;
          await sleep(retryAfterMs);
        }
        continue;
      }
      if (response.status >= 500) {
        await response.arrayBuffer().catch(() => undefined);
        await sleep(1000 * 2 ** attempt);
        continue;
      }
      if (response.status === 401) {
        warnOnce('lint-lists: the GitHub API rejected the token (401); checking github.com links over HTTP\n');
        return undefined;
      }
      return response;
    }
    return undefined;
  }

  /** REST lookup following renames by hand (301 → /repositories/<id>), so no redirect carries the token elsewhere. */
  async function lookupRest(owner: string, repo: string): Promise<RepoAnswer | undefined> {
    let url = `${apiBase}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
    for (let hop = 0; hop <= 3; hop++) {
      const response = await apiFetch(url, { method: 'GET' });
      if (!response) return undefined;
      const location = response.headers.get('location');
      if ([301, 302, 307, 308].includes(response.status) && location) {
        await response.arrayBuffer().catch(() => undefined);
        url = new URL(location, url).href;
        continue;
      }
      if (response.status === 404 || response.status === 410 || response.status === 451) {
        await response.arrayBuffer().catch(() => undefined);
        return { state: 'missing', status: response.status };
      }
      if (response.status !== 200) return undefined;
      const body = (await response.json().catch(() => undefined)) as { full_name?: unknown; html_url?: unknown; archived?: unknown } | undefined;
      if (typeof body?.full_name !== 'string' || typeof body.html_url !== 'string') return undefined;
      const isSame = body.full_name.toLowerCase() === `${owner}/${repo}`.toLowerCase();
      return { state: isSame ? 'ok' : 'moved', htmlUrl: body.html_url, archived: body.archived === true };
    }
    return undefined;
  }

  async function lookupBatch(groups: Array<{ owner: string; repo: string }>): Promise<Array<RepoAnswer | undefined>> {
    const variables: Record<string, string> = {};
    const params: string[] = [];
    const fields: string[] = [];
    groups.forEach(({ owner, repo }, i) => {
      variables[`o${i}`] = owner;
      variables[`n${i}`] = repo;
      params.push(`$o${i}: String!, $n${i}: String!`);
      fields.push(`r${i}: repository(owner: $o${i}, name: $n${i}) { ${GRAPHQL_FIELDS} }`);
    });
    const query = `query(${params.join(', ')}) { ${fields.join(' ')} }`;
    const response = await apiFetch(graphqlUrl, { method: 'POST', body: JSON.stringify({ query, variables }) });
    if (!response || response.status !== 200) {
      await response?.arrayBuffer().catch(() => undefined);
      return groups.map(() => undefined);
    }
    const body = (await response.json().catch(() => undefined)) as GraphQlBody | undefined;
    const notFound = new Set((body?.errors ?? []).filter((e) => e.type === 'NOT_FOUND').map((e) => String(e.path?.[0] ?? '')));
    const answers: Array<RepoAnswer | undefined> = [];
    for (const [i, { owner, repo }] of groups.entries()) {
      const node = body?.data?.[`r${i}`];
      if (node && typeof node.nameWithOwner === 'string' && typeof node.url === 'string') {
        const isSame = node.nameWithOwner.toLowerCase() === `${owner}/${repo}`.toLowerCase();
        answers.push({ state: isSame ? 'ok' : 'moved', htmlUrl: node.url, archived: node.isArchived === true });
      } else if (notFound.has(`r${i}`)) {
        // GraphQL does not always resolve renamed repositories; REST answers 301 for those.
        answers.push(await lookupRest(owner, repo));
      } else {
        answers.push(undefined);
      }
    }
    return answers;
  }

  return { lookupBatch };
}

interface GraphQlBody {
  data?: Record<string, { nameWithOwner?: unknown; isArchived?: unknown; url?: unknown } | null>;
  errors?: Array<{ type?: string; path?: unknown[] }>;
}

/** Drops trailing slashes by scanning (a `/\/+$/` regex goes quadratic on long runs of slashes). */
function trimTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}
