import { describe, expect, it } from 'vitest';
import { getReporter, reporters } from '../../src/report/index.js';
import { LintListsError } from '../../src/errors.js';
import { fixtureReport } from './fixture.js';

describe('reporter registry', () => {
  it('holds the five formats, each ending its output with a newline', () => {
    expect(Object.keys(reporters).sort()).toEqual(['github', 'json', 'markdown', 'sarif', 'stylish']);
    for (const name of Object.keys(reporters)) {
      expect(getReporter(name)(fixtureReport(), { color: false }).endsWith('\n'), name).toBe(true);
    }
  });

  it('rejects unknown names with a USAGE error listing the allowed ones', () => {
    let caught: unknown;
    try {
      getReporter('junit');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LintListsError);
    expect((caught as LintListsError).code).toBe('USAGE');
    expect((caught as LintListsError).message).toBe('Unknown output format "junit", expected one of "stylish", "json", "sarif", "github", "markdown"');
    expect(() => getReporter('toString')).toThrow(LintListsError);
  });
});
