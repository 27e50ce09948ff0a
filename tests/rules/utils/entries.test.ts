import { describe, expect, it } from 'vitest';
import { isPictograph, isSpace, lastWordStart, normalizeName, startsWithUrl } from '../../../src/rules/utils/entries.js';

describe('entry helpers', () => {
  it('normalises names for comparison', () => {
    expect(normalizeName('Scikit-Learn')).toBe('scikitlearn');
    expect(normalizeName('Node.js')).toBe('nodejs');
    expect(normalizeName('Great Expectations')).toBe('greatexpectations');
  });

  it('tells whitespace apart, ASCII and beyond', () => {
    expect(isSpace(' ')).toBe(true);
    expect(isSpace('\t')).toBe(true);
    expect(isSpace('\u3000')).toBe(true);
    expect(isSpace('a')).toBe(false);
    expect(isSpace(undefined)).toBe(false);
  });

  it('finds the last word without a regex', () => {
    expect(lastWordStart('see https://x.dev')).toBe(4);
    expect(lastWordStart('word')).toBe(0);
    expect(lastWordStart('a'.repeat(1_000_000))).toBe(0);
  });

  it('recognises URLs and emoji', () => {
    expect(startsWithUrl('https://a.dev x')).toBe(true);
    expect(startsWithUrl('www.a.dev')).toBe(true);
    expect(startsWithUrl('httpd server')).toBe(false);
    expect(isPictograph('🚀')).toBe(true);
    expect(isPictograph('a')).toBe(false);
  });
});
