// URL helpers shared by the rules and the link checker: safe parsing, query/fragment splitting, tracking removal and duplicate keys.
import { isHostOrSubdomain, isTrackingParam } from './tracking-params.js';

/** A URL string cut at its query and fragment, by plain string search (nothing is re-encoded). */
export interface UrlParts {
  /** Everything before `?` (or before `#` when there is no query). */
  base: string;
  /** The query without its `?`, or undefined when the URL has no `?`. */
  query?: string;
  /** The fragment including its `#`, or '' when there is none. */
  fragment: string;
}

/** Parses an absolute URL; undefined instead of throwing when it is not one. */
export function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Lowercase host name of an absolute URL, or '' when it has none. */
export function hostOf(url: string): string {
  return parseUrl(url)?.hostname.toLowerCase() ?? '';
}

/** True for `http:` and `https:` URLs (any case). */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** True when `url` starts with a scheme (`https:`, `mailto:`, `data:`…) or is protocol-relative (`//host`). */
export function hasScheme(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/** Splits `url` into base, query and fragment without decoding or re-encoding anything. */
export function splitUrl(url: string): UrlParts {
  const hash = url.indexOf('#');
  const fragment = hash === -1 ? '' : url.slice(hash);
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const question = beforeHash.indexOf('?');
  if (question === -1) return { base: beforeHash, fragment };
  return { base: beforeHash.slice(0, question), query: beforeHash.slice(question + 1), fragment };
}

/** Decodes a query parameter's name (`+` is a space in forms); the raw name when it is badly encoded. */
function paramName(param: string): string {
  const eq = param.indexOf('=');
  return decodeOrRaw((eq === -1 ? param : param.slice(0, eq)).replace(/\+/g, ' '));
}

/** `decodeURIComponent(text)`, or `text` itself when it is badly encoded (`%E0%A4%A`). */
export function decodeOrRaw(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What removing tracking parameters from a URL gave. */
export interface TrackingRemoval {
  /** The URL without them: other parameters in their order, no dangling `?`/`&`, fragment kept. */
  url: string;
  /** Names of the removed parameters, as written. */
  removed: string[];
}

/** Removes tracking parameters (see tracking-params.ts) from `url`, touching nothing else; `host` decides host-specific ones. */
export function stripTrackingParams(url: string, host: string = hostOf(url)): TrackingRemoval {
  const parts = splitUrl(url);
  if (parts.query === undefined) return { url, removed: [] };
  const removed: string[] = [];
  const kept: string[] = [];
  for (const param of parts.query.split('&')) {
    if (param === '') continue;
    const name = paramName(param);
    if (isTrackingParam(name, host)) removed.push(name);
    else kept.push(param);
  }
  if (removed.length === 0) return { url, removed };
  return { url: parts.base + (kept.length > 0 ? `?${kept.join('&')}` : '') + parts.fragment, removed };
}

const INDEX_FILE = /\/index\.(?:html?|php)$/i;
/** Hosts whose `/owner/repo` path segments are case-insensitive. */
const FORGE_HOSTS = ['github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org'];

/**
 * The key under which two URLs name the same resource: scheme dropped (http ≡ https), host lowercased
 * without `www.`, default ports, trailing slashes and `index.html`/`index.php` removed, tracking
 * parameters dropped, other parameters sorted, fragment dropped; owner/repo lowercased on code forges.
 * Undefined for anything but an absolute http(s) URL.
 */
export function normalizeUrlForDuplicates(url: string): string | undefined {
  const parsed = parseUrl(url.trim());
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  let host = parsed.hostname.toLowerCase();
  if (host.startsWith('www.')) host = host.slice(4);
  if (host.endsWith('.')) host = host.slice(0, -1);
  const port = parsed.port === '80' || parsed.port === '443' ? '' : parsed.port;
  let path = parsed.pathname.replace(INDEX_FILE, '/');
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  path = path.slice(0, end);
  if (FORGE_HOSTS.includes(host)) {
    const segments = path.split('/');
    // segments[0] is '' (the path starts with '/'); owner and repo follow.
    for (let i = 1; i < Math.min(segments.length, 3); i++) segments[i] = segments[i]!.toLowerCase();
    path = segments.join('/');
  }
  const params = parsed.search
    .slice(1)
    .split('&')
    .filter((param) => param !== '' && !isTrackingParam(paramName(param), host))
    .sort();
  return `${host}${port ? `:${port}` : ''}${path}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

const README_FILE = /^readme(?:\.[a-z]+)?$/i;

/**
 * A coarser key than {@link normalizeUrlForDuplicates}: a GitHub repository's home, its
 * `/tree/<branch>`, its `/blob/<branch>/README.md`, its `.git` clone URL and its `?tab=…` views
 * all share one key. Other URLs keep their duplicate key.
 */
export function nearDuplicateKey(url: string): string | undefined {
  return nearKeyOf(normalizeUrlForDuplicates(url));
}

/** {@link nearDuplicateKey} from an already computed {@link normalizeUrlForDuplicates} key (saves parsing twice). */
export function nearKeyOf(key: string | undefined): string | undefined {
  if (key === undefined || !key.startsWith('github.com/')) return key;
  const path = key.slice('github.com/'.length).split('?')[0]!;
  const segments = path.split('/');
  if (segments.length < 2) return key;
  const owner = segments[0]!;
  const repo = segments[1]!.replace(/\.git$/, '');
  const rest = segments.slice(2);
  const isRepoHome =
    rest.length === 0 ||
    (rest.length === 2 && rest[0] === 'tree') ||
    (rest.length === 3 && rest[0] === 'blob' && README_FILE.test(rest[2]!));
  return isRepoHome ? `github.com/${owner}/${repo}` : key;
}

/** True when the fragment of `url` points into the page (not GitHub's `#readme`, which is the page itself). */
export function hasSectionFragment(url: string): boolean {
  const { fragment } = splitUrl(url);
  if (fragment.length <= 1) return false;
  return !(fragment.toLowerCase() === '#readme' && isHostOrSubdomain(hostOf(url), 'github.com'));
}

/** Host names that have no https counterpart worth asking for: loopback, private and special-use names. */
export function isLocalHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost') || name === '::1' || name === '0.0.0.0') return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(name) || /^10\.\d+\.\d+\.\d+$/.test(name) || /^192\.168\.\d+\.\d+$/.test(name)) return true;
  if (/^172\.(?:1[6-9]|2\d|3[01])\.\d+\.\d+$/.test(name)) return true;
  return ['.onion', '.i2p', '.local', '.test', '.example', '.invalid', '.internal'].some((tld) => name.endsWith(tld));
}
