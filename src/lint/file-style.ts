// The style one file is linted with, and where each value came from: for `--print-config FILE` and `init`.
import { buildListModel } from '../markdown/list-model.js';
import type { Style } from '../config/style-schema.js';
import { inferFileStyle, MIN_ENTRIES, type FileStyle, type InferablePath, type StyleBasis } from './infer-style.js';
import type { LintSetup } from './setup.js';
import type { DocumentLocation } from '../markdown/types.js';

/** A file's effective style and, for every value, where it came from. */
export interface DescribedStyle {
  style: Style;
  /** Dotted style path → `preset "awesome"`, a config file, `command line`, `inferred: …`, `mixed: …` or `default`. */
  sources: Record<string, string>;
  /** How each inferable value was settled (absent for values a config set). */
  basis: FileStyle['basis'];
}

/** Learns `text`'s style as a lint of it would, and names the source of every value. */
export function describeFileStyle(file: string, text: string, setup: LintSetup, location: DocumentLocation = {}): DescribedStyle {
  const doc = buildListModel(file, text, setup.style, location);
  const { style, basis } = inferFileStyle(doc, setup.style, setup.styleOrigins);
  const sources: Record<string, string> = {};
  for (const key of leafPaths(style, '')) {
    sources[key] = setup.styleOrigins[key] ?? describeBasis((basis as Record<string, StyleBasis | undefined>)[key]);
  }
  return { style, sources, basis };
}

/** The values inferred from the file's own entries (a clear convention), as a nested style object for a config file. */
export function inferredStyleInput(described: DescribedStyle): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, basis] of Object.entries(described.basis) as Array<[InferablePath, StyleBasis]>) {
    if (basis.source !== 'inferred') continue;
    const keys = key.split('.');
    let target = out;
    for (const part of keys.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[keys[keys.length - 1]!] = valueAt(described.style, keys);
  }
  return out;
}

function describeBasis(basis: StyleBasis | undefined): string {
  if (basis === undefined) return 'default';
  switch (basis.source) {
    case 'inferred':
      return `inferred: ${basis.count} of ${basis.total} entries`;
    case 'mixed':
      return `mixed: at most ${basis.count} of ${basis.total} entries agree, so every form is accepted`;
    default:
      return `default: fewer than ${MIN_ENTRIES} entries to learn from`;
  }
}

function valueAt(style: Style, keys: string[]): unknown {
  let value: unknown = style;
  for (const key of keys) value = (value as Record<string, unknown>)[key];
  return value;
}

/** Dotted paths of every value of `value` (objects walked into; arrays and scalars are values). */
function leafPaths(value: unknown, prefix: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, prefix === '' ? key : `${prefix}.${key}`));
}
