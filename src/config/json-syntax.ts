// Reads JSON config files with jsonc-parser: comments and trailing commas allowed (as in .jsonc), every syntax error named by place.
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';

/** Where and why a JSON text fails to parse. */
export interface JsonSyntaxError {
  /** 0-based offset of the offending character (the text's length for an early end). */
  offset: number;
  reason: string;
}

/** The parsed value, its syntax tree (for error positions) and every syntax error found. */
export interface ParsedJson {
  value: unknown;
  tree: JsonNode | undefined;
  errors: JsonSyntaxError[];
}

// Keyed by jsonc-parser's error names (its codes are a const enum this build cannot read).
const REASONS: Record<string, string> = {
  InvalidSymbol: 'a value',
  ValueExpected: 'a value',
  PropertyNameExpected: 'a double-quoted property name',
  ColonExpected: '":" after a property name',
  CommaExpected: '"," or the end of the object or array',
  CloseBraceExpected: '"}"',
  CloseBracketExpected: '"]"',
  EndOfFileExpected: 'the end of the file',
};

const TOKEN_ERRORS: Record<string, string> = {
  InvalidNumberFormat: 'invalid number',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'unescaped control character in a string',
};

/**
 * Parses JSON with comments and trailing commas; objects get own properties only (`__proto__` stays a
 * plain key). `errors` holds the first syntax error only: after it, a recovering parser's further
 * complaints are mostly echoes of the same mistake.
 */
export function parseJsonc(text: string): ParsedJson {
  const raw: ParseError[] = [];
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(text, raw, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  } catch (error) {
    // The parser recurses per nesting level; no config is nested thousands deep.
    if (!(error instanceof RangeError)) throw error;
    return { value: undefined, tree: undefined, errors: [{ offset: 0, reason: 'nested too deeply to read' }] };
  }
  const first = raw[0];
  const errors: JsonSyntaxError[] = first ? [{ offset: first.offset, reason: describe(text, first) }] : [];
  return { value: tree ? toValue(tree) : undefined, tree, errors };
}

function describe(text: string, error: ParseError): string {
  const name = printParseErrorCode(error.error);
  const tokenError = TOKEN_ERRORS[name];
  if (tokenError) return tokenError;
  const expected = REASONS[name] ?? 'valid JSON';
  const found = error.offset >= text.length ? 'end of input' : JSON.stringify(text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 20))));
  return `unexpected ${found}, expected ${expected}`;
}

function toValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        // defineProperty: an own `__proto__` key, never a prototype change.
        Object.defineProperty(out, String(key.value), { value: toValue(value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}
