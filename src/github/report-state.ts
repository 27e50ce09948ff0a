// What a scheduled link check found, reduced to what the report issue tracks, and how it changed since last time.
import { isConfirmedFailure } from '../links/cache.js';
import type { LinkResult } from '../links/types.js';
import type { Report } from '../report/types.js';

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
}

const BROKEN_VERDICTS = new Set<LinkResult['verdict']>(['dead', 'error', 'timeout']);

/** True for verdicts that mean the link is broken (not merely redirected, walled off or skipped). */
export function isBroken(result: Pick<LinkResult, 'verdict'>): boolean {
  return BROKEN_VERDICTS.has(result.verdict);
}

/** Reduces a link-check report to the findings; a failure counts once it failed on `confirmAfterRuns` runs. */
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
  findings.broken.sort((a, b) => (a.url < b.url ? -1 : 1));
  findings.redirects.sort((a, b) => (a.url < b.url ? -1 : 1));
  return findings;
}

/** Splits the current broken links into new and still broken, and lists what was fixed since `previousUrls`. */
export function diffFindings(previousUrls: readonly string[], findings: RunFindings): FindingsDiff {
  const previous = new Set(previousUrls);
  const current = new Set(findings.broken.map((link) => link.url));
  return {
    added: findings.broken.filter((link) => !previous.has(link.url)),
    still: findings.broken.filter((link) => previous.has(link.url)),
    fixed: [...previous].filter((url) => !current.has(url)).sort(),
  };
}

function causeOf(result: LinkResult): string {
  if (result.status !== undefined && result.verdict === 'dead') return String(result.status);
  return result.reason ?? result.verdict;
}
