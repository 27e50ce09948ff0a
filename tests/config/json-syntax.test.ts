import { describe, expect, it } from 'vitest';
import { parseJsonc } from '../../src/config/json-syntax.js';

describe('parseJsonc', () => {
  it('reads what JSON.parse reads, plus comments and trailing commas', () => {
    for (const text of ['{}', ' [1, -2.5e+3, 0, "a\\"\\u00e9", true, false, null, {"a": []}] ', '"x"', '-0.0E1']) {
      expect(parseJsonc(text)).toMatchObject({ value: JSON.parse(text), errors: [] });
    }
    expect(parseJsonc('// files to lint\n{\n  "files": ["a", /* more later */ "b",],\n}\n')).toMatchObject({ value: { files: ['a', 'b'] }, errors: [] });
  });

  it('keeps `__proto__` as a plain key', () => {
    const { value } = parseJsonc('{"__proto__": {"polluted": 1}}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
  });

  it.each([
    ['{"a" 1}', 5, 'unexpected "1", expected ":" after a property name'],
    ['[1 2]', 3, 'unexpected "2", expected "," or the end of the object or array'],
    ['{"a": tru}', 6, 'unexpected "tru", expected a value'],
    ['{', 1, 'unexpected end of input, expected "}"'],
    ['["a\nb"]', 1, 'unterminated string'],
    ['["\\x"]', 1, 'invalid escape in a string'],
    ['{"a": /* open', 6, 'unterminated comment'],
  ])('names the first error in %j', (text, offset, reason) => {
    expect(parseJsonc(text).errors).toEqual([{ offset, reason }]);
  });

  it('survives deep nesting and long lines', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(parseJsonc(deep).errors).toHaveLength(1);
    const long = `{"a": "${'x'.repeat(1_000_000)}`;
    expect(parseJsonc(long).errors).toEqual([{ offset: 6, reason: 'unterminated string' }]);
  });
});
