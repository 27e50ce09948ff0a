// The markdown reporter: a readable summary for pull request comments and job summaries.
import { countVerdicts, NETWORK_DOWN_MESSAGE, redirectedLinks, sortedDiagnostics } from './helpers.js';
import type { Report, Reporter } from './types.js';

/** Makes text safe inside a Markdown table cell: `|` escaped (even in code spans, per GFM), line breaks as `<br>`. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, '<br>');
}

/** Title, summary table, problems per file as tables, then the redirects found by the link check. */
export const markdown: Reporter = (report) => {
  const out: string[] = ['# lint-lists report', ''];
  if (report.networkDown) out.push(`> [!WARNING]`, `> ${NETWORK_DOWN_MESSAGE}.`, '');
  out.push(...summaryTable(report), '');
  const files = report.files.filter((file) => file.diagnostics.length > 0);
  if (files.length === 0) {
    out.push('No problems found.', '');
  } else {
    out.push('## Problems', '');
    for (const file of files) {
      out.push(`### \`${file.file.replace(/[`\r\n]/g, '')}\``, '', '| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |');
      for (const d of sortedDiagnostics(file)) {
        out.push(`| ${d.start.line}:${d.start.column} | ${d.severity} | \`${d.ruleId}\` | ${escapeCell(d.message)} |`);
      }
      out.push('');
    }
  }
  const redirects = redirectedLinks(report.links ?? []);
  if (redirects.length > 0) {
    out.push('## Redirects', '', '| URL | Final URL | Kind |', '| --- | --- | --- |');
    for (const link of redirects) {
      out.push(`| ${escapeCell(link.url)} | ${escapeCell(link.finalUrl ?? '')} | ${link.permanent ? 'permanent' : 'temporary'} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
};

function summaryTable(report: Report): string[] {
  const { files, filesWithProblems, errors, warnings, fixable } = report.summary;
  const rows: Array<[string, number]> = [
    ['Files checked', files],
    ['Files with problems', filesWithProblems],
    ['Errors', errors],
    ['Warnings', warnings],
    ['Fixable with `--fix`', fixable],
  ];
  if (report.links) {
    rows.push(['Links checked', report.links.length]);
    for (const [verdict, count] of countVerdicts(report.links)) rows.push([`Links: ${verdict}`, count]);
  }
  return ['| | Count |', '| --- | ---: |', ...rows.map(([label, count]) => `| ${label} | ${count} |`)];
}
