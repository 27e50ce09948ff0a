// Collect: validates, applies `links.exclude` and dedupes extracted links so each URL is fetched once per run.
import { parseRegexPattern } from '../config/links-schema.js';
import { hostOf } from '../url/url.js';
import type { ExtractedLink } from './extract.js';
import type { LinkOccurrence, LinkResult } from './types.js';

/** One distinct URL to check, with every place it occurs. */
export interface CollectedLink {
  url: string;
  /** Lower-cased hostname: the unit of politeness, sharding and network-down detection. */
  host: string;
  occurrences: LinkOccurrence[];
}

/** What collect hands on: URLs to check, and URLs already settled without a request. */
export interface CollectedLinks {
  targets: CollectedLink[];
  /** `skipped`, `excluded` and malformed (`error`) results, never fetched. */
  settled: LinkResult[];
}

/** A compiled `links.exclude` list. */
export type UrlMatcher = (url: string) => boolean;

/** Compiles exclude patterns: `/regex/flags`, or whole-URL patterns where `*` matches any run of characters. */
export function compileExclude(patterns: readonly string[]): UrlMatcher {
  const regexes: RegExp[] = [];
  const wildcards: string[] = [];
  for (const pattern of patterns) {
    const regex = parseRegexPattern(pattern);
    if (regex) regexes.push(new RegExp(regex.source, regex.flags));
    else wildcards.push(pattern);
  }
  return (url) => wildcards.some((pattern) => matchWildcard(pattern, url)) || regexes.some((regex) => regex.test(url));
}

/**
 * Whole-string `*` wildcard match by scanning (no regex), O(pattern × text) at worst and linear in
 * practice: on a mismatch it only ever backtracks to just after the latest `*`.
 */
export function matchWildcard(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Where one extracted link goes: checked on `host`, or settled without a request (skipped, excluded, malformed). */
export function classifyLink(link: ExtractedLink, isExcluded: UrlMatcher): { host: string } | { settled: LinkResult } {
  if (link.kind === 'skip') return { settled: settledResult(link, 'skipped') };
  if (isExcluded(link.url)) return { settled: settledResult(link, 'excluded') };
  const host = hostOf(link.url);
  return host === '' ? { settled: settledResult(link, 'error') } : { host };
}

/** Groups occurrences by URL: http(s) URLs become targets unless excluded; the rest are settled as skipped. */
export function collectLinks(extracted: readonly ExtractedLink[], exclude: readonly string[]): CollectedLinks {
  const isExcluded = compileExclude(exclude);
  const targets = new Map<string, CollectedLink>();
  const settled = new Map<string, LinkResult>();
  for (const link of extracted) {
    const existing = targets.get(link.url) ?? settled.get(link.url);
    if (existing) {
      existing.occurrences.push(link.occurrence);
      continue;
    }
    const where = classifyLink(link, isExcluded);
    if ('settled' in where) settled.set(link.url, where.settled);
    else targets.set(link.url, { url: link.url, host: where.host, occurrences: [link.occurrence] });
  }
  return { targets: [...targets.values()], settled: [...settled.values()] };
}

/** The result of a link settled without a request: skipped, excluded, or (`error`) without a host. */
function settledResult(link: ExtractedLink, verdict: 'skipped' | 'excluded' | 'error'): LinkResult {
  const result: LinkResult = { url: link.url, verdict, attempts: 0, durationMs: 0, fromCache: false, occurrences: [link.occurrence] };
  if (verdict === 'error') result.reason = 'malformed URL';
  return result;
}
