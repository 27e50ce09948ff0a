// Where a key path sits in a config file's text (JSON with comments via jsonc-parser; YAML in locate-yaml.ts), for file:line:col messages.
import { findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';

/** 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Finds the place of `path` in the file: the value there, or with `isKey` the key that names it
 * (for unknown keys). Undefined when the path is not in the file (a default, a missing key).
 */
export type Locate = (path: readonly PropertyKey[], isKey?: boolean) => TextPosition | undefined;

/** A locator over a JSON tree from jsonc-parser's `parseTree`. */
export function jsonLocator(text: string, root: JsonNode | undefined): Locate {
  return (path, isKey = false) => {
    if (!root) return undefined;
    const node = findNodeAtLocation(root, path.map((key) => (typeof key === 'number' ? key : String(key))));
    if (!node) return undefined;
    // A value's parent is its property; the property's first child is the key.
    const target = isKey && node.parent?.type === 'property' ? node.parent.children?.[0] : node;
    return target ? lineColumn(text, target.offset) : undefined;
  };
}

/** 1-based line and column of a 0-based offset. */
export function lineColumn(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
