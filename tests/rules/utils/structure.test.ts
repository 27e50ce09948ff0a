import { describe, expect, it } from 'vitest';
import { normalizeTitle, positionAt, rangeOf, trimNonWord } from '../../../src/rules/utils/structure.js';
import { classify } from '../../../src/rules/utils/structure-words.js';

describe('positionAt', () => {
  const doc = { lineStarts: [0, 4, 10] };
  it('maps offsets to 1-based lines and columns', () => {
    expect(positionAt(doc, 0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(positionAt(doc, 5)).toEqual({ line: 2, column: 2, offset: 5 });
    expect(positionAt(doc, 12)).toEqual({ line: 3, column: 3, offset: 12 });
    expect(rangeOf(doc, 4, 10).end).toEqual({ line: 3, column: 1, offset: 10 });
  });
});

describe('normalizeTitle', () => {
  it.each([
    ['📖 Table of Contents:', 'table of contents'],
    [':handshake: Contributing', 'contributing'],
    ['  Contributing   Guide ', 'contributing guide'],
    ['C++', 'c'],
    ['Инструменты', 'инструменты'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeTitle(input)).toBe(expected);
  });

  it('trims non-word characters on both ends only', () => {
    expect(trimNonWord('("Real-time")')).toBe('Real-time');
    expect(trimNonWord('…')).toBe('');
  });
});

describe('classify', () => {
  it.each([
    ['tools', 'lower'],
    ['Tools', 'capital'],
    ['Real-time', 'capital'],
    ['real-Time', 'lower'],
    ['API', 'other'],
    ['MLOps', 'other'],
    ['iOS', 'other'],
    ['Node.js', 'other'],
    ['3D', 'other'],
    ['a', 'other'],
    ['Ärger', 'capital'],
    ['don’t', 'lower'],
  ] as const)('%s is %s', (word, expected) => {
    expect(classify(word)).toBe(expected);
  });
});
