// GitHub awareness: repository links on the API's own GitHub host checked through that API (GraphQL in batches, REST for renames).
import type { CheckResult, LookupFunction } from './check-options.js';
import { createGitHubApi, GitHubApiError, webOriginOf, type FetchLike, type GitHubApi } from './github-api.js';

/** A repository link on one GitHub host, split up. */
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
const GITHUB_COM = 'https://github.com';

/**
 * Recognises `<webOrigin>/<owner>/<repo>` with an optional `/tree/…` or `/blob/…` (fragments are ignored).
 * `webOrigin` is the GitHub the API serves (`https://github.com` by default, `www.` accepted there).
 */
export function parseGitHubRepoLink(url: string, webOrigin: string = GITHUB_COM): GitHubRepoLink | undefined {
  let parsed: URL;
  let web: URL;
  try {
    parsed = new URL(url);
    web = new URL(webOrigin);
  } catch {
    return undefined;
  }
  const host = parsed.host.toLowerCase();
  const isWebHost = host === web.host || (web.host === 'github.com' && host === 'www.github.com');
  // Other schemes (http:// on github.com) go through the HTTP checker, which reports their redirect to https:// (and fixes it).
  if (parsed.protocol !== web.protocol || !isWebHost) return undefined;
  if (parsed.username !== '' || parsed.password !== '' || parsed.search !== '') return undefined;
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
  /** REST base, e.g. `https://api.github.com` (GitHub Enterprise Server: `https://host/api/v3`). */
  apiUrl: string;
  /** Private hosts the API may live on (a GitHub Enterprise Server inside the network). */
  allowPrivate?: readonly string[];
  userAgent?: string;
  /** Tests only: a fetch to use instead of the guarded connection (e.g. the global one, for nock). */
  fetch?: FetchLike;
  /** Tests only: replaces `dns.lookup` under the address guard. */
  lookup?: LookupFunction;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Repositories per GraphQL query. */
  batchSize?: number;
  /** Longest total rate-limit pause taken; beyond it the remaining links fall back to plain HTTP checks. */
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
  /** `ok`: exists at the asked name; `moved`: lives at `owner/repo` now; `missing`: deleted or never existed. */
  state: 'ok' | 'moved' | 'missing';
  /** The repository's current name, validated as a repository on the same GitHub host. */
  current?: { owner: string; repo: string };
  archived?: boolean;
  status?: number;
}

const GRAPHQL_FIELDS = 'nameWithOwner isArchived url';

/**
 * Checks repository links through the GitHub API. Only links on the API's own web host are sent (a GitHub Enterprise
 * token never checks github.com links); the token goes to the API origin only, through the address guard.
 */
export async function checkGitHubRepos(urls: readonly string[], options: GitHubCheckOptions): Promise<GitHubCheckOutcome> {
  const api = createGitHubApi({
    apiUrl: options.apiUrl,
    token: options.token,
    userAgent: options.userAgent,
    allowPrivate: options.allowPrivate,
    fetch: options.fetch,
    lookup: options.lookup,
    sleep: options.sleep,
    now: options.now,
    maxWaitMs: options.maxWaitMs,
    timeoutMs: options.timeoutMs,
  });
  try {
    return await checkThroughApi(urls, api, options);
  } finally {
    await api.close();
  }
}

async function checkThroughApi(urls: readonly string[], api: GitHubApi, options: GitHubCheckOptions): Promise<GitHubCheckOutcome> {
  const lookup = createRepoLookup(api, options);
  const byRepo = new Map<string, { owner: string; repo: string; urls: Array<{ url: string; link: GitHubRepoLink }> }>();
  const unresolved: string[] = [];
  for (const url of urls) {
    const link = parseGitHubRepoLink(url, api.webOrigin);
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
  const now = options.now ?? Date.now;
  for (let i = 0; i < groups.length; i += batchSize) {
    const batch = groups.slice(i, i + batchSize);
    const started = now();
    const answers = await lookup(batch);
    const durationMs = now() - started;
    batch.forEach((group, index) => {
      const answer = answers[index];
      for (const { url, link } of group.urls) {
        if (!answer) {
          unresolved.push(url);
          continue;
        }
        const result = toResult(url, link, answer, api.webOrigin, durationMs);
        results.set(url, result);
        options.onResult?.(result);
      }
    });
  }
  return { results, unresolved };
}

function toResult(url: string, link: GitHubRepoLink, answer: RepoAnswer, webOrigin: string, durationMs: number): CheckResult {
  const base = { url, attempts: 1, durationMs };
  if (answer.state === 'missing') return { ...base, verdict: 'dead', status: answer.status ?? 404, reason: 'repository not found' };
  if (answer.state === 'moved' && answer.current) {
    const finalUrl = `${webOrigin}/${answer.current.owner}/${answer.current.repo}${link.rest}`;
    const result: CheckResult = { ...base, verdict: 'redirect', status: 200, finalUrl, permanent: true, redirects: [{ url, status: 301 }] };
    if (answer.archived) result.archived = true;
    return result;
  }
  const result: CheckResult = { ...base, verdict: 'ok', status: 200 };
  if (answer.archived) result.archived = true;
  return result;
}

/**
 * What the API says a repository is now called: accepted only when `htmlUrl` is a repository URL on this GitHub's
 * web host and agrees with `fullName`. Anything else (another host, a page that is not a repository) is no answer.
 */
function currentName(fullName: unknown, htmlUrl: unknown, webOrigin: string): { owner: string; repo: string } | undefined {
  if (typeof fullName !== 'string' || typeof htmlUrl !== 'string') return undefined;
  const link = parseGitHubRepoLink(htmlUrl, webOrigin);
  if (!link || (link.rest !== '' && link.rest !== '/')) return undefined;
  if (`${link.owner}/${link.repo}`.toLowerCase() !== fullName.toLowerCase()) return undefined;
  return { owner: link.owner, repo: link.repo };
}

function answerFor(owner: string, repo: string, current: { owner: string; repo: string } | undefined, archived: unknown): RepoAnswer | undefined {
  if (!current) return undefined;
  const isSame = `${current.owner}/${current.repo}`.toLowerCase() === `${owner}/${repo}`.toLowerCase();
  return { state: isSame ? 'ok' : 'moved', current, archived: archived === true };
}

type RepoLookup = (groups: Array<{ owner: string; repo: string }>) => Promise<Array<RepoAnswer | undefined>>;

/** Looks repositories up in GraphQL batches, REST for those GraphQL cannot resolve; a failing API disables itself with one warning. */
function createRepoLookup(api: GitHubApi, options: GitHubCheckOptions): RepoLookup {
  let isDisabled = false;
  const giveUp = (error: unknown): undefined => {
    if (!(error instanceof GitHubApiError)) throw error;
    if (!isDisabled) {
      const why =
        error.status === 401
          ? 'the GitHub API rejected the token (401)'
          : `GitHub API ${error.status === undefined ? 'unreachable' : 'failed'} (${error.message})`;
      options.warn?.(`lint-lists: ${why}; checking GitHub links over HTTP\n`);
    }
    isDisabled = true;
    return undefined;
  };
  const apiPath = new URL(api.apiUrl).pathname.replace(/\/$/, '');
  // A rename answers 301 to /repositories/<id> (or /repos/<owner>/<name>) on the API itself; nothing else is followed.
  const renameTarget = new RegExp(`^${escapeRegExp(apiPath)}/(repositories/\\d{1,20}|repos/[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100})$`);

  async function lookupRest(owner: string, repo: string): Promise<RepoAnswer | undefined> {
    let url = `${api.apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
    for (let hop = 0; hop <= 3; hop++) {
      let response;
      try {
        response = await api.request<{ full_name?: unknown; html_url?: unknown; archived?: unknown }>('GET', url, { acceptRedirect: true });
      } catch (error) {
        if (error instanceof GitHubApiError && [404, 410, 451].includes(error.status ?? 0)) return { state: 'missing', status: error.status };
        return giveUp(error);
      }
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get('location');
        const next = location ? safeUrl(location, url) : undefined;
        if (!next || next.origin !== new URL(api.apiUrl).origin || next.search || !renameTarget.test(next.pathname)) return undefined;
        url = next.href;
        continue;
      }
      if (response.status !== 200) return undefined;
      return answerFor(owner, repo, currentName(response.data?.full_name, response.data?.html_url, api.webOrigin), response.data?.archived);
    }
    return undefined;
  }

  return async (groups) => {
    if (isDisabled) return groups.map(() => undefined);
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
    let body: GraphQlBody | undefined;
    try {
      body = (await api.request<GraphQlBody>('POST', api.graphqlUrl, { body: { query, variables } })).data;
    } catch (error) {
      giveUp(error);
      return groups.map(() => undefined);
    }
    const notFound = new Set((body?.errors ?? []).filter((e) => e.type === 'NOT_FOUND').map((e) => String(e.path?.[0] ?? '')));
    const answers: Array<RepoAnswer | undefined> = [];
    for (const [i, { owner, repo }] of groups.entries()) {
      const node = body?.data?.[`r${i}`];
      if (node) {
        answers.push(answerFor(owner, repo, currentName(node.nameWithOwner, node.url, api.webOrigin), node.isArchived));
      } else if (notFound.has(`r${i}`) && !isDisabled) {
        // GraphQL does not always resolve renamed repositories; REST answers 301 for those.
        answers.push(await lookupRest(owner, repo));
      } else {
        answers.push(undefined);
      }
    }
    return answers;
  };
}

/** The GitHub web origin for an API base, for callers that only need to recognise links. */
export function githubWebOrigin(apiUrl: string): string {
  return webOriginOf(apiUrl);
}

interface GraphQlBody {
  data?: Record<string, { nameWithOwner?: unknown; isArchived?: unknown; url?: unknown } | null>;
  errors?: Array<{ type?: string; path?: unknown[] }>;
}

function safeUrl(location: string, base: string): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
