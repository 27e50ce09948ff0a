// The link worker's outcome crosses to the main thread as transferable parts; what arrives must be what was sent.
import { describe, expect, it } from 'vitest';
import { packOutcome, unpackOutcome } from '../../src/engine/outcome-parts.js';
import type { CheckLinksOutcome } from '../../src/links/index.js';
import type { LinkResult } from '../../src/links/types.js';

function result(i: number): LinkResult {
  const url = `https://host-${i % 7}.example/page/${i}`;
  return { url, verdict: i % 3 === 0 ? 'dead' : 'ok', status: i % 3 === 0 ? 404 : 200, attempts: 1, durationMs: i, fromCache: false, occurrences: [{ file: 'list.md', line: i + 1, column: 3 }] } as unknown as LinkResult;
}

describe('packOutcome and unpackOutcome', () => {
  it('rebuilds every result in order across several parts, with the diagnostics and the network flag', () => {
    const outcome: CheckLinksOutcome = {
      results: Array.from({ length: 12_345 }, (_, i) => result(i)),
      diagnostics: [{ file: 'list.md', line: 1, column: 3, ruleId: 'link-dead', severity: 'error', message: 'https://host-0.example/page/0 is dead (404)' }] as unknown as CheckLinksOutcome['diagnostics'],
      networkDown: true,
    };
    const parts = packOutcome(outcome);
    // One part for the diagnostics, then one per 5,000 results.
    expect(parts).toHaveLength(4);
    // Each part is a buffer of its own, so transferring it moves nothing else along.
    for (const part of parts) expect(part).toBeInstanceOf(ArrayBuffer);
    expect(unpackOutcome(parts)).toEqual(outcome);
  });

  it('sends a run without results as its diagnostics alone', () => {
    const outcome: CheckLinksOutcome = { results: [], diagnostics: [], networkDown: false };
    const parts = packOutcome(outcome);
    expect(parts).toHaveLength(1);
    expect(unpackOutcome(parts)).toEqual(outcome);
  });

  it('refuses an empty message rather than reporting a run with no links', () => {
    expect(() => unpackOutcome([])).toThrow(/empty outcome/);
  });
});
