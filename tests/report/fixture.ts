// A fixed report for reporter tests: two files with problems (an error, a warning, a fix), one clean file, and link results.
import type { Report } from '../../src/report/types.js';

/** Builds a position; offsets only need to be consistent within the fixture. */
const at = (line: number, column: number, offset: number) => ({ line, column, offset });

/** The report every reporter test renders. */
export function fixtureReport(): Report {
  return {
    version: 1,
    tool: { name: 'lint-lists', version: '1.2.3' },
    cwd: '/project',
    files: [
      {
        file: 'lists/awesome-tools.md',
        diagnostics: [
          {
            ruleId: 'heading-case',
            severity: 'warning',
            message: 'Unexpected `serving` in a title-case heading, expected `Serving`',
            messageId: 'title',
            file: 'lists/awesome-tools.md',
            start: at(12, 10, 300),
            end: at(12, 17, 307),
          },
          {
            ruleId: 'entry-separator',
            severity: 'error',
            message: 'Unexpected en dash separator, expected ` - `',
            messageId: 'unexpected',
            file: 'lists/awesome-tools.md',
            start: at(5, 28, 120),
            end: at(5, 31, 123),
            fix: [{ start: 120, end: 123, text: ' - ' }],
          },
        ],
      },
      {
        file: 'lists/data, science.md',
        diagnostics: [
          {
            ruleId: 'link-dead',
            severity: 'error',
            message: 'Dead link `https://example.com/gone` (404): a|b\nsecond line, 100% sure',
            file: 'lists/data, science.md',
            start: at(3, 15, 40),
            end: at(3, 39, 64),
            url: 'https://example.com/gone',
          },
        ],
      },
      { file: 'lists/clean.md', diagnostics: [] },
    ],
    links: [
      { url: 'https://example.com/ok', verdict: 'ok', status: 200, attempts: 1, durationMs: 12, fromCache: false, occurrences: [] },
      {
        url: 'http://example.com/old',
        verdict: 'redirect',
        status: 200,
        redirects: [{ url: 'http://example.com/old', status: 301 }],
        finalUrl: 'https://example.com/new',
        permanent: true,
        attempts: 1,
        durationMs: 30,
        fromCache: false,
        occurrences: [],
      },
      {
        url: 'https://example.com/gone',
        verdict: 'dead',
        status: 404,
        attempts: 1,
        durationMs: 20,
        fromCache: true,
        occurrences: [{ file: 'lists/data, science.md', start: at(3, 15, 40), end: at(3, 39, 64), written: 'https://example.com/gone' }],
      },
    ],
    rules: [
      { id: 'entry-separator', description: 'Entries separate link and description with the configured separator.', fixable: true, helpUri: 'https://example.com/docs#entry-separator' },
      { id: 'heading-case', description: 'Headings use the configured casing.', fixable: false, helpUri: 'https://example.com/docs#heading-case' },
    ],
    summary: { errors: 2, warnings: 1, fixable: 1, files: 3, filesWithProblems: 2 },
  };
}

/** The same run with nothing found. */
export function cleanReport(): Report {
  const { links: _links, ...rest } = fixtureReport();
  return { ...rest, files: [{ file: 'lists/clean.md', diagnostics: [] }], summary: { errors: 0, warnings: 0, fixable: 0, files: 1, filesWithProblems: 0 } };
}
