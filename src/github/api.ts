// The report job's view of the GitHub API: the shared client (links/github-api.ts) bound to one repository.
import { LintListsError } from '../errors.js';
import { createGitHubApi, DEFAULT_GITHUB_API_URL, type FetchLike } from '../links/github-api.js';

/** Where and as whom to talk to the GitHub API. */
export interface GitHubClientOptions {
  /** `owner/name` of the repository the issues live in. */
  repository: string;
  token: string;
  /** API root, already resolved (see `resolveGitHubApiUrl`); `https://api.github.com` by default. */
  apiUrl?: string;
  /** Sent as User-Agent, which the API requires. */
  userAgent?: string;
  /** Private hosts, IPs or CIDRs the API may live on (GitHub Enterprise Server inside the network). */
  allowPrivate?: readonly string[];
  /** Tests only: a fetch instead of the guarded connection. */
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
}

/** One page-following, error-raising GitHub REST client for one repository. */
export interface GitHubClient {
  repository: string;
  /** Sends one call and returns the decoded answer; fails with a `GitHubApiError` carrying GitHub's `errors[]`. */
  request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>;
  /** Follows `Link: <…>; rel="next"` on the API origin until the last page (bounded). */
  paginate<T>(path: string): Promise<T[]>;
  close(): Promise<void>;
}

/** Creates a client; the token only ever goes to `apiUrl`'s origin, through the address guard. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  if (!/^[\w.-]+\/[\w.-]+$/.test(options.repository)) {
    throw new LintListsError('USAGE', `GITHUB_REPOSITORY: got "${options.repository}", expected "owner/name"`);
  }
  // Issue upkeep is a handful of calls: a secondary rate limit is worth a few minutes' wait, not the link check's quarter hour.
  const api = createGitHubApi({
    apiUrl: options.apiUrl ?? DEFAULT_GITHUB_API_URL,
    token: options.token,
    userAgent: options.userAgent,
    allowPrivate: options.allowPrivate,
    fetch: options.fetch,
    sleep: options.sleep,
    maxWaitMs: 5 * 60 * 1000,
  });
  return {
    repository: options.repository,
    async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
      return (await api.request<T>(method, path, { body })).data;
    },
    paginate: (path) => api.paginate(path),
    close: () => api.close(),
  };
}
