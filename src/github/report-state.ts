// What a scheduled link check found, reduced to what the report issue tracks, and how it changed since last time.
import { isConfirmedFailure } from '../links/cache.js';
import type { LinkResult } from '../links/types.js';
import type { Report } from '../report/types.js';
import { hashUrl, type IssueState } from './issue-state.js';

/** A link the report lists as broken, with where it occurs. */
export interface BrokenLink {
  url: string;
  verdict: LinkResult['verdict'];
  /** Short cause: `404`, `ECONNREFUSED`, `timeout`. */
  cause: string;
  /** `file:line` of every occurrence. */
  places: string[];
}

/** A redirect the report lists, ready for `--fix`. */
export interface RedirectedLink {
  url: string;
  finalUrl: string;
  permanent: boolean;
  places: string[];
}

/** The findings of one run that the issue reflects. */
export interface RunFindings {
  /** Broken links confirmed on enough separate runs. */
  broken: BrokenLink[];
  /** Failing links not yet confirmed (kept out of the issue, counted). */
  unconfirmed: number;
  /** Bot walls and rate limits: not evidence of death, counted. */
  unverifiable: number;
  redirects: RedirectedLink[];
  checked: number;
  files: number;
}

/** How the confirmed broken set changed since the previous report. */
export interface FindingsDiff {
  added: BrokenLink[];
  still: BrokenLink[];
  /** URLs broken in the previous report and no longer broken now. */
  fixed: string[];
  /** Fixed links the previous report kept only as hashes (too many to keep by URL): counted, not named. */
  fixedUnnamed: number;
}

// A refused link (a private address the guard would not connect to) is a finding a maintainer must act on, and the
// same on every run, so it needs no confirmation.
const BROKEN_VERDICTS = new Set<LinkResult['verdict']>(['dead', 'error', 'timeout', 'refused']);

/** True for verdicts that mean the link is broken or could not be checked by rule (not redirected, walled off or skipped). */
export function isBroken(result: Pick<LinkResult, 'verdict'>): boolean {
  return BROKEN_VERDICTS.has(result.verdict);
}

/** Reduces a link-check report to the issue's findings; a failure counts once it failed on `confirmAfterRuns` runs. */
export function findingsFromReport(report: Report, confirmAfterRuns: number): RunFindings {
  const findings: RunFindings = { broken: [], unconfirmed: 0, unverifiable: 0, redirects: [], checked: 0, files: report.files.length };
  for (const result of report.links ?? []) {
    if (result.verdict === 'excluded' || result.verdict === 'skipped') continue;
    findings.checked++;
    const places = result.occurrences.map((o) => `${o.file}:${o.start.line}`);
    if (isBroken(result)) {
      if (isConfirmedFailure(result.failedRuns, confirmAfterRuns)) {
        findings.broken.push({ url: result.url, verdict: result.verdict, cause: causeOf(result), places });
      } else {
        findings.unconfirmed++;
      }
    } else if (result.verdict === 'unverifiable') {
      findings.unverifiable++;
    } else if (result.verdict === 'redirect' && result.finalUrl) {
      findings.redirects.push({ url: result.url, finalUrl: result.finalUrl, permanent: result.permanent === true, places });
    }
  }
  findings.broken.sort(compareByImportance);
  findings.redirects.sort((a, b) => (a.url < b.url ? -1 : 1));
  return findings;
}

/** Splits the current broken links into new and still broken, and lists what was fixed since the `previous` report. */
export function diffFindings(previous: Pick<IssueState, 'urls' | 'hashes'>, findings: RunFindings): FindingsDiff {
  const previousUrls = new Set(previous.urls);
  const previousHashes = new Set(previous.hashes);
  const isKnown = (url: string): boolean => previousUrls.has(url) || (previousHashes.size > 0 && previousHashes.has(hashUrl(url)));
  const currentUrls = new Set(findings.broken.map((link) => link.url));
  const currentHashes = previousHashes.size > 0 ? new Set(findings.broken.map((link) => hashUrl(link.url))) : new Set<string>();
  return {
    added: findings.broken.filter((link) => !isKnown(link.url)),
    still: findings.broken.filter((link) => isKnown(link.url)),
    fixed: [...previousUrls].filter((url) => !currentUrls.has(url)).sort(),
    fixedUnnamed: [...previousHashes].filter((hash) => !currentHashes.has(hash)).length,
  };
}

/** Dead (the server says gone) before errors and timeouts, then by URL: the order the issue lists broken links in. */
export function compareByImportance(a: BrokenLink, b: BrokenLink): number {
  const rank = (link: BrokenLink): number => (link.verdict === 'dead' ? 0 : 1);
  return rank(a) - rank(b) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

function causeOf(result: LinkResult): string {
  if (result.status !== undefined && result.verdict === 'dead') return String(result.status);
  return result.reason ?? result.verdict;
}
