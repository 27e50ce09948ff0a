// Offsets to positions: line starts for every line ending, binary search, ranges.
import { describe, expect, it } from 'vitest';
import { computeLineStarts, lineEndAt, lineIndexAt, positionAt, rangeOf } from '../../src/markdown/positions.js';

describe('positions', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const index = { lineStarts: computeLineStarts(text) };

  it('starts a line after LF, CRLF and a lone CR', () => {
    expect(index.lineStarts).toEqual([0, 3, 7, 10]);
    expect(computeLineStarts('')).toEqual([0]);
    expect(computeLineStarts('x\n')).toEqual([0, 2]);
  });

  it('maps offsets to 1-based lines and columns', () => {
    expect(positionAt(index, 0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(positionAt(index, 2)).toEqual({ line: 1, column: 3, offset: 2 });
    expect(positionAt(index, 3)).toEqual({ line: 2, column: 1, offset: 3 });
    expect(positionAt(index, 6)).toEqual({ line: 2, column: 4, offset: 6 });
    expect(positionAt(index, 11)).toEqual({ line: 4, column: 2, offset: 11 });
    expect(positionAt(index, 12)).toEqual({ line: 4, column: 3, offset: 12 });
    expect(lineIndexAt(index, 9)).toBe(2);
  });

  it('builds ranges and finds line ends', () => {
    expect(rangeOf(index, 4, 8)).toEqual({ start: { line: 2, column: 2, offset: 4 }, end: { line: 3, column: 2, offset: 8 } });
    expect(lineEndAt(text, 3)).toBe(5);
    expect(lineEndAt(text, 10)).toBe(12);
  });

  it('finds lines in a large index by binary search', () => {
    const big = { lineStarts: Array.from({ length: 100_000 }, (_, line) => line * 10) };
    expect(positionAt(big, 543_217)).toEqual({ line: 54_322, column: 8, offset: 543_217 });
  });

  it('gives the same line after the previous lookup as a fresh search does, in any order', () => {
    const lineStarts = [0, 3, 3, 7, 20, 21];
    const fresh = (offset: number): number => lineStarts.findLastIndex((start) => start <= offset);
    const offsets = [0, 2, 3, 6, 7, 19, 20, 21, 40, 5, 0, 21, 3, 20, 19, -1, 8, 7];
    for (const offset of offsets) expect(lineIndexAt({ lineStarts }, offset)).toBe(Math.max(0, fresh(offset)));
    // Another index right after must not reuse this one's last line.
    expect(lineIndexAt({ lineStarts: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }, 8)).toBe(8);
  });
});
