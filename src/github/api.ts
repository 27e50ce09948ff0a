// A minimal GitHub REST client over the global fetch: just what the report job needs, with pagination and clear errors.
import { LintListsError } from '../errors.js';

/** Where and as whom to talk to the GitHub API. */
export interface GitHubClientOptions {
  /** `owner/name` of the repository the issues live in. */
  repository: string;
  token: string;
  /** API root; `https://api.github.com` unless on GitHub Enterprise (`GITHUB_API_URL`). */
  apiUrl?: string;
  /** Sent as User-Agent, which the API requires. */
  userAgent?: string;
}

/** One page-following, error-raising GitHub REST client. */
export interface GitHubClient {
  repository: string;
  request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>;
  /** Follows `Link: <…>; rel="next"` until the last page (bounded, to survive a misbehaving server). */
  paginate<T>(path: string): Promise<T[]>;
}

const MAX_PAGES = 50;

/** Creates a client; the token only ever goes to `apiUrl`'s origin (pagination links to other origins are refused). */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const apiUrl = (options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const apiOrigin = new URL(apiUrl).origin;
  if (!/^[\w.-]+\/[\w.-]+$/.test(options.repository)) {
    throw new LintListsError('USAGE', `GITHUB_REPOSITORY: got "${options.repository}", expected "owner/name"`);
  }
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${options.token}`,
    'x-github-api-version': '2022-11-28',
    'user-agent': options.userAgent ?? 'lint-lists',
  };

  async function send(method: string, url: string, body?: unknown): Promise<Response> {
    if (new URL(url).origin !== apiOrigin) {
      throw new LintListsError('GITHUB_API', `GitHub API: refusing to send the token to ${new URL(url).origin}`);
    }
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'error',
      });
    } catch (error) {
      throw new LintListsError('GITHUB_API', `GitHub API ${method} ${pathOf(url)}: ${describe(error)}`, { cause: error });
    }
    if (!response.ok) {
      const detail = await response.text().catch(() => '');
      let message = detail.slice(0, 300);
      try {
        message = (JSON.parse(detail) as { message?: string }).message ?? message;
      } catch {
        // Not JSON: keep the start of the text.
      }
      throw new LintListsError(
        'GITHUB_API',
        `GitHub API ${method} ${pathOf(url)}: ${response.status} ${response.statusText}${message ? `: ${message}` : ''}`,
      );
    }
    return response;
  }

  return {
    repository: options.repository,
    async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
      const response = await send(method, apiUrl + path, body);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    async paginate<T>(path: string): Promise<T[]> {
      const items: T[] = [];
      let next: string | undefined = apiUrl + path;
      for (let page = 0; next && page < MAX_PAGES; page++) {
        const response = await send('GET', next);
        items.push(...((await response.json()) as T[]));
        next = nextLink(response.headers.get('link'));
      }
      return items;
    },
  };
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

function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
