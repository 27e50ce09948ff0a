// Composes the dead-link report issue: a readable body plus a hidden marker and state for the next run to diff against.
import { escapeCell as cell } from '../report/markdown.js';
import type { BrokenLink, FindingsDiff, RunFindings } from './report-state.js';
import { plural } from '../plural.js';

/** Marks an issue as the lint-lists report, so it is found again and never duplicated. */
export const REPORT_MARKER = '<!-- lint-lists-report -->';
const STATE_PREFIX = '<!-- lint-lists-state ';
const STATE_SUFFIX = ' -->';

/** Where the report came from, for the body's first line. */
export interface ReportContext {
  date: string;
  /** Link to the workflow run, when known. */
  runUrl?: string;
}

/** The title every report issue gets. */
export const REPORT_TITLE = 'Dead links report';

/** Renders the whole issue body for `findings`, showing the changes in `diff`. */
export function renderIssueBody(findings: RunFindings, diff: FindingsDiff, context: ReportContext): string {
  const run = context.runUrl ? ` ([workflow run](${context.runUrl}))` : '';
  const lines = [
    REPORT_MARKER,
    `Checked ${plural(findings.checked, 'link')} in ${plural(findings.files, 'file')} on ${context.date}${run}.`,
    '',
    `**${findings.broken.length} confirmed broken** · ${diff.added.length} new · ${diff.still.length} still broken · ${diff.fixed.length} fixed since the last report`,
  ];
  if (findings.unconfirmed > 0 || findings.unverifiable > 0) {
    lines.push(
      '',
      `Not listed: ${findings.unconfirmed} failing links not yet confirmed on enough runs, ${findings.unverifiable} unverifiable (bot walls, rate limits).`,
    );
  }
  lines.push(...brokenTable('New', diff.added), ...brokenTable('Still broken', diff.still));
  if (diff.fixed.length > 0) lines.push('', '## Fixed since the last report', '', ...diff.fixed.map((url) => `- ${code(url)}`));
  if (findings.redirects.length > 0) {
    lines.push(
      '',
      '## Redirects',
      '',
      'Permanent redirects can be rewritten to their final URL with `npx lint-lists links --fix`.',
      '',
      '| Link | Final URL | Kind | Where |',
      '| --- | --- | --- | --- |',
      ...findings.redirects.map(
        (r) => `| ${code(r.url)} | ${code(r.finalUrl)} | ${r.permanent ? 'permanent' : 'temporary'} | ${r.places.map(cell).join('<br>')} |`,
      ),
    );
  }
  lines.push('', `${STATE_PREFIX}${JSON.stringify({ broken: findings.broken.map((link) => link.url) })}${STATE_SUFFIX}`, '');
  return lines.join('\n');
}

/** A short comment announcing what changed, or undefined when nothing did. */
export function renderChangeComment(diff: FindingsDiff): string | undefined {
  if (diff.added.length === 0 && diff.fixed.length === 0) return undefined;
  const parts = [];
  if (diff.added.length > 0) parts.push(`${diff.added.length} newly broken: ${diff.added.map((l) => code(l.url)).join(', ')}`);
  if (diff.fixed.length > 0) parts.push(`${diff.fixed.length} fixed: ${diff.fixed.map(code).join(', ')}`);
  return `Link report updated. ${parts.join('; ')}.`;
}

/** The comment posted when the issue is closed because every link is healthy again. */
export function renderClosingComment(diff: FindingsDiff, context: ReportContext): string {
  const fixed = diff.fixed.length > 0 ? ` Fixed since the last report: ${diff.fixed.map(code).join(', ')}.` : '';
  return `All links are healthy again as of ${context.date}; closing.${fixed}`;
}

/** Reads the broken URLs recorded by the previous report; an edited or foreign body yields none. */
export function readPreviousState(body: string | null | undefined): string[] {
  if (!body) return [];
  const start = body.lastIndexOf(STATE_PREFIX);
  if (start < 0) return [];
  const end = body.indexOf(STATE_SUFFIX, start + STATE_PREFIX.length);
  if (end < 0) return [];
  try {
    const state = JSON.parse(body.slice(start + STATE_PREFIX.length, end)) as { broken?: unknown };
    return Array.isArray(state.broken) ? state.broken.filter((url): url is string => typeof url === 'string') : [];
  } catch {
    return [];
  }
}

function brokenTable(title: string, links: BrokenLink[]): string[] {
  if (links.length === 0) return [];
  return [
    '',
    `## ${title}`,
    '',
    '| Link | Verdict | Where |',
    '| --- | --- | --- |',
    ...links.map((l) => `| ${code(l.url)} | ${cell(`${l.verdict} (${l.cause})`)} | ${l.places.map(cell).join('<br>')} |`),
  ];
}

/** Inline code that survives any backticks and pipes in a URL. */
function code(text: string): string {
  const clean = text.replace(/[\r\n]/g, ' ').replace(/\|/g, '%7C');
  const fence = clean.includes('`') ? '``' : '`';
  return `${fence}${clean}${fence}`;
}

