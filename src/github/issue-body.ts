// Composes the dead-link report issue and its comments: inert outside text, bounded size, trend chart, hidden state.
import { inertCode, safeLinkTarget } from './inert.js';
import { renderState, type HistoryPoint } from './issue-state.js';
import type { BrokenLink, FindingsDiff, RedirectedLink, RunFindings } from './report-state.js';
import { renderTrendChart } from './trend-chart.js';
import { plural } from '../plural.js';

/** Marks an issue as the lint-lists report (found again only when the same identity wrote it). */
export const REPORT_MARKER = '<!-- lint-lists-report -->';

/** The title every report issue gets. */
export const REPORT_TITLE = 'Dead links report';

/** GitHub refuses issue bodies and comments longer than this many characters. */
export const GITHUB_BODY_LIMIT = 65_536;
/**
 * What we allow ourselves, in UTF-8 bytes: never more characters than bytes, so under the limit however GitHub
 * counts, with room to spare.
 */
export const BODY_BUDGET_BYTES = 60_000;
const COMMENT_LINKS_SHOWN = 50;
const PLACES_SHOWN = 3;

/** Where the report came from, for the body's first lines. */
export interface ReportContext {
  date: string;
  /** The workflow run, when known. */
  runUrl?: string;
  /** The uploaded full report, when known. */
  artifactUrl?: string;
}

/** Renders the whole issue body for `findings`, showing the changes in `diff` and the trend of `history` (this run last). */
export function renderIssueBody(findings: RunFindings, diff: FindingsDiff, history: readonly HistoryPoint[], context: ReportContext): string {
  const fixedCount = diff.fixed.length + diff.fixedUnnamed;
  const head = [
    REPORT_MARKER,
    `Checked ${plural(findings.checked, 'link')} in ${plural(findings.files, 'file')} on ${context.date}.`,
    '',
    `**${findings.broken.length} confirmed broken** · ${diff.added.length} new · ${diff.still.length} still broken · ${fixedCount} fixed since the last report`,
  ];
  if (findings.unconfirmed > 0 || findings.unverifiable > 0) {
    head.push(
      '',
      `Not listed: ${findings.unconfirmed} failing links not yet confirmed on enough runs, ${findings.unverifiable} unverifiable (bot walls, rate limits).`,
    );
  }
  head.push('', fullReportPointer(context), '', ...renderTrendChart(history));
  const tail = ['', renderState([...diff.added, ...diff.still].map((link) => link.url), history), ''];

  const body = new BoundedText(BODY_BUDGET_BYTES - byteLength(tail.join('\n')));
  body.push(head);
  // Most important first: what broke since last time, then what stays broken, then the good news and the easy fixes.
  body.section(`New (${diff.added.length})`, BROKEN_HEADER, diff.added.map(brokenRow), 'new broken links');
  body.section(`Still broken (${diff.still.length})`, BROKEN_HEADER, diff.still.map(brokenRow), 'broken links');
  const fixedRows = diff.fixed.map((url) => `- ${inertCode(url)}`);
  if (diff.fixedUnnamed > 0) fixedRows.push(`- ${diff.fixedUnnamed} more (too many to keep by URL in the previous report)`);
  body.section(`Fixed since the last report (${fixedCount})`, [], fixedRows, 'fixed links');
  body.section(
    `Redirects (${findings.redirects.length})`,
    ['Permanent redirects can be rewritten to their final URL with `npx lint-lists links --fix`.', '', '| Link | Final URL | Kind | Where |', '| --- | --- | --- | --- |'],
    findings.redirects.map(redirectRow),
    'redirects',
  );
  return [...body.lines, ...tail].join('\n');
}

/** A short comment announcing what changed, or undefined when nothing did. */
export function renderChangeComment(diff: FindingsDiff, context: ReportContext): string | undefined {
  const fixedCount = diff.fixed.length + diff.fixedUnnamed;
  if (diff.added.length === 0 && fixedCount === 0) return undefined;
  const text = new BoundedText(BODY_BUDGET_BYTES);
  text.push([`Link report updated on ${context.date}: ${diff.added.length} newly broken, ${fixedCount} fixed.`, '', fullReportPointer(context)]);
  text.list('Newly broken', diff.added.map((link) => `- ${inertCode(link.url)} (${inertCode(link.cause)})`), 'newly broken links');
  text.list('Fixed', diff.fixed.map((url) => `- ${inertCode(url)}`), 'fixed links');
  return text.lines.join('\n');
}

/** The comment posted when the issue is closed because every link is healthy again. */
export function renderClosingComment(diff: FindingsDiff, context: ReportContext): string {
  const text = new BoundedText(BODY_BUDGET_BYTES);
  text.push([`All links are healthy again as of ${context.date}; closing.`]);
  text.list('Fixed since the last report', diff.fixed.map((url) => `- ${inertCode(url)}`), 'fixed links');
  return text.lines.join('\n');
}

const BROKEN_HEADER = ['| Link | Verdict | Where |', '| --- | --- | --- |'];

function brokenRow(link: BrokenLink): string {
  return `| ${inertCode(link.url, { inTable: true })} | ${link.verdict} (${inertCode(link.cause, { inTable: true })}) | ${places(link.places)} |`;
}

function redirectRow(link: RedirectedLink): string {
  const kind = link.permanent ? 'permanent' : 'temporary';
  return `| ${inertCode(link.url, { inTable: true })} | ${inertCode(link.finalUrl, { inTable: true })} | ${kind} | ${places(link.places)} |`;
}

function places(list: readonly string[]): string {
  const shown = list.slice(0, PLACES_SHOWN).map((place) => inertCode(place, { inTable: true }));
  if (list.length > PLACES_SHOWN) shown.push(`and ${list.length - PLACES_SHOWN} more`);
  return shown.join('<br>');
}

function fullReportPointer(context: ReportContext): string {
  const run = safeLinkTarget(context.runUrl);
  const artifact = safeLinkTarget(context.artifactUrl);
  if (artifact) return `Full report (Markdown and JSON): [download](${artifact})${run ? ` from [this workflow run](${run})` : ''}.`;
  if (run) return `Full report (Markdown and JSON): the artifact of [this workflow run](${run}).`;
  return 'Full report: the JSON or Markdown output of `lint-lists links`.';
}

/** Lines that never grow past a byte budget: sections and lists stop early and say how many rows they left out. */
class BoundedText {
  readonly lines: string[] = [];
  private used = 0;
  // Room kept for the "and N more" notes, so they always fit.
  private static readonly NOTE_RESERVE = 400;

  constructor(private readonly budgetBytes: number) {}

  push(lines: readonly string[]): void {
    for (const line of lines) {
      this.lines.push(line);
      this.used += byteLength(line) + 1;
    }
  }

  /** A `## title`, then `header` lines and as many `rows` as fit. */
  section(title: string, header: readonly string[], rows: readonly string[], noun: string): void {
    if (rows.length === 0) return;
    const opening = ['', `## ${title}`, '', ...header];
    if (!this.fits(opening, 1)) {
      this.note(rows.length, noun);
      return;
    }
    this.push(opening);
    this.rows(rows, noun);
  }

  /** A bold `title:` line, then as many `rows` as fit, at most {@link COMMENT_LINKS_SHOWN}. */
  list(title: string, rows: readonly string[], noun: string): void {
    if (rows.length === 0) return;
    this.push(['', `**${title}:**`, '']);
    this.rows(rows.slice(0, COMMENT_LINKS_SHOWN), noun, rows.length);
  }

  private rows(rows: readonly string[], noun: string, total = rows.length): void {
    let shown = 0;
    for (const row of rows) {
      if (!this.fits([row], 1)) break;
      this.push([row]);
      shown++;
    }
    if (shown < total) this.note(total - shown, noun);
  }

  private note(count: number, noun: string): void {
    this.push(['', `_…and ${count} more ${noun}: see the full report._`]);
  }

  private fits(lines: readonly string[], reserveNotes: number): boolean {
    const size = lines.reduce((sum, line) => sum + byteLength(line) + 1, 0);
    return this.used + size + reserveNotes * BoundedText.NOTE_RESERVE <= this.budgetBytes;
  }
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
