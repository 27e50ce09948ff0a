// Tests the corpus evaluation's line diff, counting and tallies, and one zero-config run over a temporary list.
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countChangedLines, diffLineChanges, evaluateList, formatChanges, formatTable, shareOfEntries, splitLines, tallyByRule,
} from '../../src/scripts/eval-corpus.js';

describe('splitLines', () => {
  it('treats CRLF and LF alike and drops the empty line after a final newline', () => {
    expect(splitLines('a\r\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(splitLines('')).toEqual(['']);
  });
});

describe('diffLineChanges', () => {
  it('pairs a replaced line with its new text at its original line number', () => {
    const changes = diffLineChanges('# T\n- [a](u) - x\n- [b](v) - y\n', '# T\n- [a](u) - x.\n- [b](v) - y\n');
    expect(changes).toEqual([{ line: 2, before: ['- [a](u) - x'], after: ['- [a](u) - x.'] }]);
  });

  it('keeps separate runs apart and numbers them in the original text', () => {
    const changes = diffLineChanges('a\nb\nc\nd\n', 'A\nb\nc\nD\n');
    expect(changes.map((c) => c.line)).toEqual([1, 4]);
  });

  it('reports insertions and removals as runs with one empty side', () => {
    expect(diffLineChanges('a\nb\n', 'a\nx\nb\n')).toEqual([{ line: 2, before: [], after: ['x'] }]);
    expect(diffLineChanges('a\nx\nb\n', 'a\nb\n')).toEqual([{ line: 2, before: ['x'], after: [] }]);
  });

  it('finds nothing when only the line endings differ', () => {
    expect(diffLineChanges('a\r\nb\r\n', 'a\nb\n')).toEqual([]);
  });
});

describe('countChangedLines', () => {
  it('counts the longer side of each run, so an edited line counts once', () => {
    expect(countChangedLines([
      { line: 1, before: ['a'], after: ['A'] },
      { line: 5, before: ['b', 'c'], after: ['bc'] },
      { line: 9, before: [], after: ['new'] },
    ])).toBe(4);
  });
});

describe('tallyByRule and shareOfEntries', () => {
  it('counts errors and warnings per rule and relates them to the entries', () => {
    const tally = tallyByRule([
      { ruleId: 'entry-separator', severity: 'error' },
      { ruleId: 'entry-separator', severity: 'warning' },
      { ruleId: 'link-https', severity: 'warning' },
    ]);
    expect(tally).toEqual({ 'entry-separator': { errors: 1, warnings: 1 }, 'link-https': { errors: 0, warnings: 1 } });
    expect(shareOfEntries(tally['entry-separator']!, 8)).toBe(25);
    expect(shareOfEntries(tally['entry-separator']!, 0)).toBe(0);
  });
});

describe('formatting', () => {
  it('aligns table columns and right-aligns numbers', () => {
    expect(formatTable(['list', 'n'], [['a', 5], ['bb', 12]]).split('\n')).toEqual(['list  n', '----  --', 'a      5', 'bb    12']);
  });

  it('shows old lines above new ones under the list and line', () => {
    const text = formatChanges({ list: 'x', changes: [{ line: 3, before: ['old'], after: ['new'] }] } as never);
    expect(text).toBe('x:3\n  - old\n  + new');
  });
});

describe('evaluateList', () => {
  it('lints and fixes a copy with no config, leaving the original untouched', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'eval-corpus-test-'));
    try {
      const list = path.join(folder, 'sample.md');
      const original = '# Awesome Sample\n\n## Tools\n\n- [Alpha](https://example.com/alpha) - First tool.\n- [Beta](https://example.com/beta) - Second tool.\n- [Gamma](https://example.com/gamma) - Third tool.   \n';
      await writeFile(list, original);
      const result = await evaluateList(list);
      expect(result.failure).toBeUndefined();
      expect(result.list).toBe('sample');
      expect(result.entries).toBe(3);
      expect(result.findings.find((f) => f.ruleId === 'whitespace-trailing')?.line).toBe(7);
      expect(result.errors + result.warnings).toBe(result.findings.length);
      expect(result.fixChangedLines).toBe(countChangedLines(result.changes));
      // Only the trailing spaces on line 7 are fixed.
      expect(result.changes).toEqual([{ line: 7, before: ['- [Gamma](https://example.com/gamma) - Third tool.   '], after: ['- [Gamma](https://example.com/gamma) - Third tool.'] }]);
      expect(result.fixChangedLines).toBe(1);
      expect(result.isFixIdempotent).toBe(true);
      expect(await readFile(list, 'utf8')).toBe(original);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
