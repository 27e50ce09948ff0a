// Link results and reports for the report-issue tests.
import type { LinkResult } from '../../src/links/types.js';
import type { Report } from '../../src/report/types.js';

/** One link result found once in lists/tools.md (line 3 unless `line` is given). */
export function result(url: string, verdict: LinkResult['verdict'], extra: Partial<LinkResult> = {}, line = 3): LinkResult {
  return {
    url,
    verdict,
    attempts: 1,
    durationMs: 5,
    fromCache: false,
    occurrences: [{ file: 'lists/tools.md', start: { line, column: 3, offset: 20 }, end: { line, column: 30, offset: 47 }, written: url }],
    ...extra,
  };
}

/** A link-check report holding `links`. */
export function report(links: LinkResult[]): Report {
  return {
    version: 1,
    tool: { name: 'lint-lists', version: '0.1.0' },
    cwd: '/repo',
    files: [{ file: 'lists/tools.md', diagnostics: [] }],
    links,
    rules: [],
    summary: { errors: 0, warnings: 0, fixable: 0, files: 1, filesWithProblems: 0 },
  };
}
