// The stylish reporter: problems grouped by file with aligned columns and a count line, for terminals.
import type { Diagnostic, Severity } from '../diagnostics.js';
import { countVerdicts, NETWORK_DOWN_MESSAGE, plural, sortedDiagnostics } from './helpers.js';
import type { Report, Reporter } from './types.js';

/** ANSI styles, each with its own closing code so nested styles don't cancel each other. */
const STYLES = {
  red: ['\u001b[31m', '\u001b[39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
  green: ['\u001b[32m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  bold: ['\u001b[1m', '\u001b[22m'],
  underline: ['\u001b[4m', '\u001b[24m'],
} as const;

type Style = keyof typeof STYLES;
type Paint = (style: Style, text: string) => string;

/** Problems grouped by file, `  line:col  severity  message  rule-id`, then totals and a link summary. */
export const stylish: Reporter = (report, options) => {
  const paint: Paint = options.color ? (style, text) => `${STYLES[style][0]}${text}${STYLES[style][1]}` : (_style, text) => text;
  const lines: string[] = [];
  for (const file of report.files) {
    const diagnostics = sortedDiagnostics(file);
    if (diagnostics.length === 0) continue;
    const rows = diagnostics.map((d) => ({
      position: `${d.start.line}:${d.start.column}`,
      severity: d.severity,
      message: d.message.replace(/[\r\n]+/g, ' ') + alsoAt(d, file.file),
      ruleId: d.ruleId,
    }));
    const widths = {
      position: Math.max(...rows.map((row) => row.position.length)),
      severity: Math.max(...rows.map((row) => row.severity.length)),
      message: Math.max(...rows.map((row) => row.message.length)),
    };
    lines.push(paint('underline', file.file));
    for (const row of rows) {
      const severity = paint(row.severity === 'error' ? 'red' : 'yellow', row.severity.padEnd(widths.severity));
      lines.push(`  ${paint('dim', row.position.padEnd(widths.position))}  ${severity}  ${row.message.padEnd(widths.message)}  ${paint('dim', row.ruleId)}`);
    }
    lines.push('');
  }
  lines.push(...summaryLines(report, paint));
  if (report.links) lines.push('', ...linkLines(report, paint));
  return `${lines.join('\n')}\n`;
};

function summaryLines(report: Report, paint: Paint): string[] {
  const { errors, warnings, fixable, files } = report.summary;
  const problems = errors + warnings;
  if (problems === 0) return [paint('green', `✔ No problems found in ${plural(files, 'file')}`)];
  const worst: Severity = errors > 0 ? 'error' : 'warning';
  const colour: Style = worst === 'error' ? 'red' : 'yellow';
  const out = [paint(colour, paint('bold', `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`))];
  if (fixable > 0) out.push(paint(colour, `  ${fixable} fixable with --fix`));
  return out;
}

function linkLines(report: Report, paint: Paint): string[] {
  const links = report.links ?? [];
  const counts = countVerdicts(links).map(([verdict, count]) => `${count} ${verdict}`);
  const out = [`Links: ${plural(links.length, 'URL')} checked${counts.length > 0 ? `: ${counts.join(', ')}` : ''}`];
  if (report.networkDown) out.push(paint('red', paint('bold', `⚠ ${NETWORK_DOWN_MESSAGE}`)));
  return out;
}

/** ` (also at line 4, 9)` for a diagnostic's related places (`other.md:4` for another file); '' when it has none. */
function alsoAt(d: Diagnostic, file: string): string {
  if (!d.related || d.related.length === 0) return '';
  const places = d.related.map((place) => (place.file === file ? `${place.start.line}` : `${place.file}:${place.start.line}`));
  return ` (also at line ${places.join(', ')})`;
}
