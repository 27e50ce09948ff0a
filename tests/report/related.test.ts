// Related locations (every other occurrence of a duplicate) in the stylish, JSON and SARIF reporters.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { json } from '../../src/report/json.js';
import { sarif } from '../../src/report/sarif.js';
import { stylish } from '../../src/report/stylish.js';
import type { Report } from '../../src/report/types.js';
import { fixtureReport } from './fixture.js';

const at = (line: number, column: number, offset: number) => ({ line, column, offset });

/** The fixture report with one duplicate that has two related places, one of them in another file. */
function withDuplicate(message = '`https://a.dev` is listed 3 times'): Report {
  const report = fixtureReport();
  const duplicate: Diagnostic = {
    ruleId: 'link-duplicate',
    severity: 'error',
    message,
    messageId: 'duplicate',
    file: 'lists/awesome-tools.md',
    start: at(8, 3, 200),
    url: 'https://a.dev',
    related: [
      { file: 'lists/awesome-tools.md', start: at(3, 3, 40), message: 'also listed here: https://a.dev' },
      { file: 'lists/other.md', start: at(9, 3, 90) },
    ],
  };
  report.files[0]!.diagnostics.push(duplicate);
  return report;
}

describe('related locations', () => {
  it('stylish says where else the problem is', () => {
    const line = stylish(withDuplicate(), { color: false }).split('\n').find((row) => row.includes('link-duplicate'));
    expect(line).toContain('(also at line 3, lists/other.md:9)');
  });

  it('stylish does not repeat a place the message already names', () => {
    const line = stylish(withDuplicate('`https://a.dev` is listed 3 times; first at line 3'), { color: false }).split('\n').find((row) => row.includes('link-duplicate'));
    expect(line).toContain('first at line 3 (also at line lists/other.md:9)');
  });

  it('JSON carries them as `related`', () => {
    const parsed = JSON.parse(json(withDuplicate(), { color: false })) as Report;
    const duplicate = parsed.files[0]!.diagnostics.find((d) => d.ruleId === 'link-duplicate');
    expect(duplicate?.related?.map((place) => `${place.file}:${place.start.line}`)).toEqual(['lists/awesome-tools.md:3', 'lists/other.md:9']);
  });

  it('SARIF carries them as relatedLocations', () => {
    const log = JSON.parse(sarif(withDuplicate(), { color: false })) as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    const result = log.runs[0]!.results.find((entry) => entry.ruleId === 'link-duplicate') as { relatedLocations: unknown[] };
    expect(result.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'lists/awesome-tools.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 3 } },
        message: { text: 'also listed here: https://a.dev' },
      },
      { id: 1, physicalLocation: { artifactLocation: { uri: 'lists/other.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 9, startColumn: 3 } } },
    ]);
  });

  it('leaves diagnostics without related places as they were', () => {
    expect(stylish(fixtureReport(), { color: false })).not.toContain('also at');
    expect(sarif(fixtureReport(), { color: false })).not.toContain('relatedLocations');
  });
});
