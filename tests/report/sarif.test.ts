import { describe, expect, it } from 'vitest';
import { sarif, SARIF_SCHEMA } from '../../src/report/sarif.js';
import { fixtureReport } from './fixture.js';

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; shortDescription: { text: string }; helpUri?: string; properties: { fixable: boolean } }> } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }>;
      fixes?: Array<{ artifactChanges: Array<{ replacements: Array<{ deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }> }> }>;
    }>;
  }>;
}

describe('sarif reporter', () => {
  const out = sarif(fixtureReport(), { color: false });
  const log = JSON.parse(out) as SarifLog;
  const run = log.runs[0]!;

  it('matches the snapshot', async () => {
    await expect(out).toMatchFileSnapshot('./__snapshots__/sarif.json');
  });

  it('has the required SARIF 2.1.0 structure', () => {
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'lint-lists', version: '1.2.3', informationUri: expect.stringMatching(/^https:\/\//) });
    expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe('file:///project/');
  });

  it('points every result at its rule, including rules only diagnostics mention', () => {
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    expect(ids).toEqual(['entry-separator', 'heading-case', 'link-dead']);
    expect(run.results).toHaveLength(3);
    for (const result of run.results) expect(ids[result.ruleIndex]).toBe(result.ruleId);
    expect(run.tool.driver.rules[0]).toEqual({
      id: 'entry-separator',
      shortDescription: { text: 'Entries separate link and description with the configured separator.' },
      helpUri: 'https://example.com/docs#entry-separator',
      properties: { fixable: true },
    });
  });

  it('gives levels, relative locations with regions, and fixes as replacements', () => {
    const [separator, heading, dead] = run.results;
    expect(separator!.level).toBe('error');
    expect(heading!.level).toBe('warning');
    expect(separator!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'lists/awesome-tools.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 28, endLine: 5, endColumn: 31 },
    });
    expect(dead!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('lists/data%2C%20science.md');
    expect(separator!.fixes![0]!.artifactChanges[0]!.replacements).toEqual([{ deletedRegion: { charOffset: 120, charLength: 3 }, insertedContent: { text: ' - ' } }]);
    expect(heading!.fixes).toBeUndefined();
  });
});
