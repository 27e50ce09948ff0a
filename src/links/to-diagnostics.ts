// Turns link results into diagnostics: one per occurrence per non-ok verdict, with fixes for permanent redirects.
import { STATUS_CODES } from 'node:http';
import { toSeverity, type Diagnostic, type SeveritySetting, type TextEdit } from '../diagnostics.js';
import type { LinksConfig } from '../config/links-schema.js';
import { isConfirmedFailure } from './cache.js';
import { fragmentOf, withoutFragment } from './extract.js';
import type { LinkOccurrence, LinkResult } from './types.js';

/** Options of {@link linkDiagnostics}. */
export interface LinkDiagnosticsOptions {
  config: Pick<LinksConfig, 'severity' | 'redirects' | 'cache'>;
  /** True when a cache tracks failures across runs: unconfirmed failures are then only warnings. */
  isConfirming: boolean;
}

const RANK: Record<SeveritySetting, number> = { off: 0, warn: 1, error: 2 };

/** The milder of two severity settings. */
function milder(a: SeveritySetting, b: SeveritySetting): SeveritySetting {
  return RANK[a] <= RANK[b] ? a : b;
}

interface Problem {
  ruleId: string;
  messageId: string;
  setting: SeveritySetting;
  message: string;
  fix?: (occurrence: LinkOccurrence) => TextEdit[] | undefined;
}

/** Diagnostics for every occurrence of every result that is not fine, at the configured severities. */
export function linkDiagnostics(results: readonly LinkResult[], options: LinkDiagnosticsOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const result of results) {
    for (const problem of problemsOf(result, options)) {
      const severity = toSeverity(problem.setting);
      if (!severity) continue;
      const fixed = new Set<string>();
      for (const occurrence of result.occurrences) {
        const diagnostic: Diagnostic = {
          ruleId: problem.ruleId,
          severity,
          message: problem.message,
          messageId: problem.messageId,
          file: occurrence.file,
          start: occurrence.start,
          end: occurrence.end,
          url: result.url,
          actual: occurrence.written,
        };
        if (result.finalUrl && result.verdict === 'redirect') diagnostic.expected = [result.finalUrl];
        const fix = problem.fix?.(occurrence);
        // A reference definition is shared by its references: offer its fix once, not once per use.
        const key = fix?.[0] ? `${occurrence.file}:${fix[0].start}` : '';
        if (fix && !fixed.has(key)) {
          fixed.add(key);
          diagnostic.fix = fix;
        }
        diagnostics.push(diagnostic);
      }
    }
  }
  return diagnostics;
}

function problemsOf(result: LinkResult, options: LinkDiagnosticsOptions): Problem[] {
  const { severity, redirects, cache } = options.config;
  const url = `\`${result.url}\``;
  const problems: Problem[] = [];
  const unconfirmed = (setting: SeveritySetting): { setting: SeveritySetting; note: string } => {
    const failedRuns = result.failedRuns;
    if (!options.isConfirming || isConfirmedFailure(failedRuns, cache.confirmAfterRuns)) return { setting, note: '' };
    return { setting: milder(setting, 'warn'), note: `; failed ${failedRuns} of ${cache.confirmAfterRuns} runs needed to confirm` };
  };
  switch (result.verdict) {
    case 'dead': {
      const { setting, note } = unconfirmed(severity.dead);
      problems.push({ ruleId: 'link-dead', messageId: 'dead', setting, message: `${url} is dead (${describeStatus(result)})${note}` });
      break;
    }
    case 'error': {
      const { setting, note } = unconfirmed(severity.error);
      problems.push({ ruleId: 'link-error', messageId: 'error', setting, message: `${url} failed (${result.reason ?? describeStatus(result)})${note}` });
      break;
    }
    case 'timeout':
      problems.push({ ruleId: 'link-timeout', messageId: 'timeout', setting: severity.timeout, message: `${url} timed out${result.reason ? ` (${result.reason})` : ''}` });
      break;
    case 'unverifiable':
      problems.push({
        ruleId: 'link-unverifiable',
        messageId: 'unverifiable',
        setting: severity.unverifiable,
        message: `${url} could not be verified (${result.reason ?? describeStatus(result)})`,
      });
      break;
    case 'redirect':
      problems.push(redirectProblem(result, milder(severity.redirect, result.permanent ? redirects.permanent : redirects.temporary)));
      break;
    default:
      break;
  }
  if (result.archived) {
    problems.push({ ruleId: 'link-archived', messageId: 'archived', setting: severity.archived, message: `${url} is an archived repository` });
  }
  return problems;
}

function redirectProblem(result: LinkResult, setting: SeveritySetting): Problem {
  const hops = result.redirects?.length ?? 1;
  const chain = hops > 1 ? ` (${hops} hops)` : '';
  const kind = result.permanent ? 'permanently' : 'temporarily';
  const finalUrl = result.finalUrl ?? '';
  const problem: Problem = {
    ruleId: 'link-redirect',
    messageId: result.permanent ? 'permanent' : 'temporary',
    setting,
    message: `\`${result.url}\` redirects ${kind} to \`${finalUrl}\`${chain}`,
  };
  if (isHttpsUpgrade(result)) problem.fix = (occurrence) => schemeFix(occurrence, result.url);
  else if (result.permanent && finalUrl !== '' && isSafeInDestination(finalUrl)) problem.fix = (occurrence) => rewriteFix(occurrence, result.url, finalUrl);
  return problem;
}

/** A single hop from `http://x` to `https://x`, same host, path and query. */
export function isHttpsUpgrade(result: LinkResult): boolean {
  if ((result.redirects?.length ?? 0) !== 1 || !result.finalUrl) return false;
  const from = result.url;
  const to = result.finalUrl;
  return from.slice(0, 7).toLowerCase() === 'http://' && to.slice(0, 8).toLowerCase() === 'https://' && from.slice(7) === to.slice(8);
}

/** Whether the written URL is exactly the checked one (fragment aside), so replacing its range is safe. */
function writtenMatches(occurrence: LinkOccurrence, checkedUrl: string): boolean {
  return (
    occurrence.urlStart !== undefined &&
    occurrence.urlEnd !== undefined &&
    occurrence.urlEnd - occurrence.urlStart === occurrence.written.length &&
    withoutFragment(occurrence.written) === checkedUrl
  );
}

function schemeFix(occurrence: LinkOccurrence, checkedUrl: string): TextEdit[] | undefined {
  if (!writtenMatches(occurrence, checkedUrl)) return undefined;
  return [{ start: occurrence.urlStart!, end: occurrence.urlStart! + 4, text: 'https' }];
}

function rewriteFix(occurrence: LinkOccurrence, checkedUrl: string, finalUrl: string): TextEdit[] | undefined {
  if (!writtenMatches(occurrence, checkedUrl)) return undefined;
  const fragment = fragmentOf(occurrence.written);
  const text = fragment !== '' && fragmentOf(finalUrl) === '' ? finalUrl + fragment : finalUrl;
  return [{ start: occurrence.urlStart!, end: occurrence.urlEnd!, text }];
}

/** A URL that can stand in a Markdown link destination as is (no spaces, brackets or parentheses). */
function isSafeInDestination(url: string): boolean {
  for (const char of url) if (char <= ' ' || '<>()[]\\'.includes(char) || char === '\u007f') return false;
  return true;
}

function describeStatus(result: LinkResult): string {
  if (result.status === undefined) return result.reason ?? 'no response';
  const text = STATUS_CODES[result.status];
  return text ? `${result.status} ${text}` : String(result.status);
}
