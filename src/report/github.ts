// The github reporter: GitHub Actions workflow commands, which show up as annotations on the pull request.
import { NETWORK_DOWN_MESSAGE, sortedDiagnostics } from './helpers.js';
import type { Reporter } from './types.js';

/** Escapes a command's message per the Actions toolkit (`escapeData`): `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property per the Actions toolkit (`escapeProperty`): as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule-id>::<message>` per diagnostic (`::warning` for warnings). */
export const github: Reporter = (report) => {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const d of sortedDiagnostics(file)) {
      const properties: Array<[string, string | number]> = [
        ['file', d.file],
        ['line', d.start.line],
        ['col', d.start.column],
      ];
      if (d.end) properties.push(['endLine', d.end.line], ['endColumn', d.end.column]);
      properties.push(['title', d.ruleId]);
      const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
      lines.push(`::${d.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(d.message)}`);
    }
  }
  if (report.networkDown) lines.push(`::warning title=lint-lists::${escapeData(NETWORK_DOWN_MESSAGE)}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
