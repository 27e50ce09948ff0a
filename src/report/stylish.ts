// The stylish reporter: problems grouped by file, fitted to the terminal, with a count line, for people.
import type { Diagnostic, Severity } from '../diagnostics.js';
import { countVerdicts, NETWORK_DOWN_MESSAGE, plural, sortedDiagnostics } from './helpers.js';
import type { Report, Reporter } from './types.js';
import { wrapWords } from './wrap.js';
import { ruleDocsUrl } from '../docs-url.js';

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

/** Below this many columns for the message, wrapping would leave a word per line: rows stay whole instead. */
const MIN_MESSAGE_WIDTH = 24;

/** One problem as printed: `message` may be wrapped; the rule id (and fixable mark) follow it. */
interface Row {
  position: string;
  severity: Severity;
  message: string;
  ruleId: string;
  isFixable: boolean;
}

/**
 * Problems grouped by file, `  line:col  severity  message  rule-id`, then totals (with how many
 * `--fix` can fix) and a link summary. With `options.width` (a terminal's columns), long messages
 * wrap under themselves; nothing is padded to the longest message.
 */
export const stylish: Reporter = (report, options) => {
  const paint: Paint = options.color ? (style, text) => `${STYLES[style][0]}${text}${STYLES[style][1]}` : (_style, text) => text;
  const lines: string[] = [];
  for (const file of report.files) {
    const diagnostics = sortedDiagnostics(file);
    if (diagnostics.length === 0) continue;
    const rows: Row[] = diagnostics.map((d) => ({
      position: `${d.start.line}:${d.start.column}`,
      severity: d.severity,
      message: d.message.replace(/[\r\n]+/g, ' ') + alsoAt(d, file.file),
      ruleId: d.ruleId,
      isFixable: d.fix !== undefined && d.fix.length > 0,
    }));
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    lines.push(paint('underline', file.file));
    for (const row of rows) lines.push(...renderRow(row, { positionWidth, severityWidth, width: options.width, paint }));
    lines.push('');
  }
  lines.push(...summaryLines(report, paint, options.width));
  if (report.links) lines.push('', ...linkLines(report, paint));
  return `${lines.join('\n')}\n`;
};

function renderRow(row: Row, layout: { positionWidth: number; severityWidth: number; width?: number; paint: Paint }): string[] {
  const { paint } = layout;
  const indent = 2 + layout.positionWidth + 2 + layout.severityWidth + 2;
  const severity = paint(row.severity === 'error' ? 'red' : 'yellow', row.severity.padEnd(layout.severityWidth));
  const head = `  ${paint('dim', row.position.padEnd(layout.positionWidth))}  ${severity}  `;
  const tailText = `${row.ruleId}${row.isFixable ? ' (fixable)' : ''}`;
  const tail = paint('dim', tailText);
  const available = layout.width === undefined ? Infinity : layout.width - indent;
  if (available < MIN_MESSAGE_WIDTH || row.message.length + 2 + tailText.length <= available) {
    return [`${head}${row.message}  ${tail}`];
  }
  const wrapped = wrapWords(row.message, available);
  const out = wrapped.map((line, index) => (index === 0 ? head : ' '.repeat(indent)) + line);
  const last = wrapped[wrapped.length - 1]!;
  // The rule id stays whole: beside the last line when it fits, else on a line of its own.
  if (last.length + 2 + tailText.length <= available) out[out.length - 1] += `  ${tail}`;
  else out.push(`${' '.repeat(indent)}${tail}`);
  return out;
}

function summaryLines(report: Report, paint: Paint, width: number | undefined): string[] {
  const { errors, warnings, fixable, files } = report.summary;
  const problems = errors + warnings;
  if (problems === 0) return [paint('green', `✔ No problems found in ${plural(files, 'file')}`)];
  const worst: Severity = errors > 0 ? 'error' : 'warning';
  const colour: Style = worst === 'error' ? 'red' : 'yellow';
  const out = [paint(colour, paint('bold', `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`))];
  if (fixable > 0) out.push(paint(colour, `  ${fixableLine(report)}`));
  // Every rule id above has a page of its own, with why it matters and how to fix or switch it off. A URL cannot
  // wrap, so a terminal too narrow for it does not get the line.
  const docsLine = `  Rules are explained at ${ruleDocsUrl('README')}`;
  if (width === undefined || docsLine.length <= width) out.push(paint('dim', docsLine));
  return out;
}

/** `2 errors and 1 warning potentially fixable with --fix`, as ESLint words it. */
function fixableLine(report: Report): string {
  let errors = 0;
  let warnings = 0;
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      if (!d.fix || d.fix.length === 0) continue;
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  const parts = [...(errors > 0 ? [plural(errors, 'error')] : []), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])];
  return `${parts.join(' and ')} potentially fixable with --fix`;
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
  const shown = (place: { file: string; start: { line: number } }): string => (place.file === file ? `${place.start.line}` : `${place.file}:${place.start.line}`);
  // A place the message already names ("first at line 3", "first in a.md:3") is not told again.
  const isNamed = (place: { file: string; start: { line: number } }): boolean =>
    place.file === file ? new RegExp(`\\bline ${place.start.line}\\b`).test(d.message) : d.message.includes(shown(place));
  const places = d.related.filter((place) => !isNamed(place)).map(shown);
  return places.length === 0 ? '' : ` (also at line ${places.join(', ')})`;
}
