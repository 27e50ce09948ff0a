import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../src/config/json-syntax.js';

describe('locateJsonError', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', ' [1, -2.5e+3, 0, "a\\"\\u00e9", true, false, null, {"a": []}] ', '"x"', '-0.0E1']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(locateJsonError(text)).toBeUndefined();
    }
  });

  it.each([
    ['{"a": 1,}', 8, 'unexpected "}", expected a double-quoted property name'],
    ['{"a" 1}', 5, 'unexpected "1", expected ":" after a property name'],
    ['[1 2]', 3, 'unexpected "2", expected "," or "]"'],
    ['{"a": tru}', 6, 'unexpected "t", expected a value'],
    ['{', 1, 'unexpected end of input'],
    ['{} x', 3, 'unexpected "x", expected the end of the file'],
    ['["a\nb"]', 3, 'unescaped control character in a string'],
    ['["\\x"]', 2, 'invalid escape in a string'],
    ['{"a": 01}', 7, 'unexpected "1", expected "," or "}"'],
  ])('finds the error in %j', (text, offset, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toEqual({ offset, reason });
  });

  it('survives deep nesting and long lines without recursion', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(locateJsonError(deep)).toEqual({ offset: deep.length, reason: 'unexpected end of input' });
    const long = `{"a": "${'x'.repeat(1_000_000)}`;
    expect(locateJsonError(long)).toEqual({ offset: long.length, reason: 'unterminated string' });
  });
});
