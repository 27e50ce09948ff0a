// YAML configs: parsing and where a key path sits in the document (apart from load.ts, so yaml loads only for a YAML config).
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { LintListsError } from '../errors.js';
import { lineColumn, type Locate } from './locate.js';

/** A locator over a parsed YAML document. */
export function yamlLocator(text: string, doc: Document): Locate {
  return (path, isKey = false) => {
    const keys = path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    if (isKey && keys.length > 0) {
      const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
      if (isMap(parent)) {
        const last = keys[keys.length - 1];
        const pair = parent.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === last);
        const range = isScalar(pair?.key) ? pair.key.range : undefined;
        if (range) return lineColumn(text, range[0]);
      }
    }
    const node = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? lineColumn(text, range[0]) : undefined;
  };
}

/** Parses YAML, reporting every syntax error as file:line:col. */
export function parseYaml(text: string, display: string): { value: unknown; locate: Locate } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((error) => {
      const pos = lineColumn(text, error.pos[0]);
      return `${display}:${pos.line}:${pos.column}: invalid YAML: ${error.message.split('\n')[0]}`;
    });
    throw new LintListsError('CONFIG_PARSE', lines.join('\n'), { cause: doc.errors[0] });
  }
  try {
    // Bounded alias expansion keeps "billion laughs" documents from blowing up memory.
    return { value: doc.toJS({ maxAliasCount: 100 }), locate: yamlLocator(text, doc) };
  } catch (cause) {
    throw new LintListsError('CONFIG_PARSE', `${display}: invalid YAML: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
