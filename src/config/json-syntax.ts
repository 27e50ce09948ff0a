// Finds where a JSON text goes wrong: V8's JSON.parse messages don't always carry a position, and users need file:line:col.

/** Where and why a JSON text fails to parse. */
export interface JsonSyntaxError {
  /** 0-based offset of the offending character (the text's length for an early end). */
  offset: number;
  reason: string;
}

type Expect = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'comma-or-end' | 'eof';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** Scans `text` as strict JSON (RFC 8259) with an explicit stack, so deep nesting can't overflow; undefined when valid. */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  const stack: Array<'{' | '['> = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length === 0 ? 'eof' : 'comma-or-end');
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
    if (i >= text.length) return expect === 'eof' ? undefined : { offset: text.length, reason: 'unexpected end of input' };
    const c = text[i]!;
    const fail = (expected: string): JsonSyntaxError => ({ offset: i, reason: `unexpected ${JSON.stringify(c)}, expected ${expected}` });
    switch (expect) {
      case 'value':
      case 'value-or-end': {
        if (expect === 'value-or-end' && c === ']') {
          stack.pop();
          i++;
          expect = afterValue();
        } else if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          expect = c === '{' ? 'key-or-end' : 'value-or-end';
        } else {
          const end = c === '"' ? scanString(text, i) : scanScalar(text, i);
          if (typeof end !== 'number') return end ?? fail('a value');
          i = end;
          expect = afterValue();
        }
        break;
      }
      case 'key':
      case 'key-or-end': {
        if (expect === 'key-or-end' && c === '}') {
          stack.pop();
          i++;
          expect = afterValue();
          break;
        }
        if (c !== '"') return fail('a double-quoted property name');
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        expect = 'colon';
        break;
      }
      case 'colon':
        if (c !== ':') return fail('":" after a property name');
        i++;
        expect = 'value';
        break;
      case 'comma-or-end': {
        const top = stack[stack.length - 1];
        const close = top === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
        } else if (c === close) {
          stack.pop();
          i++;
          expect = afterValue();
        } else {
          return fail(`"," or "${close}"`);
        }
        break;
      }
      case 'eof':
        return fail('the end of the file');
    }
  }
}

/** Returns the offset after a string starting at `start` (a `"`), or the error inside it. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return { offset: i, reason: 'unescaped control character in a string' };
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, reason: 'invalid \\u escape' };
        i += 6;
        continue;
      }
      if (next === undefined || !'"\\/bfnrt'.includes(next)) return { offset: i, reason: 'invalid escape in a string' };
      i += 2;
      continue;
    }
    i++;
  }
  return { offset: text.length, reason: 'unterminated string' };
}

/** Returns the offset after a number or literal at `start`, or undefined when there is none. */
function scanScalar(text: string, start: number): number | undefined {
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, start)) return start + literal.length;
  }
  let i = start;
  const digits = (): number => {
    const from = i;
    while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i - from;
  };
  if (text[i] === '-') i++;
  if (text[i] === '0') i++;
  else if (digits() === 0) return undefined;
  if (text[i] === '.') {
    i++;
    if (digits() === 0) return undefined;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (digits() === 0) return undefined;
  }
  return i;
}
