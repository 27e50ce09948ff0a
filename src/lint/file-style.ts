// The style one file is linted with, and where each value came from: for `--print-config FILE` and `init`.
import { buildListModel } from '../markdown/list-model.js';
import type { Style } from '../config/style-schema.js';
import { valuePaths } from '../config/style-origins.js';
import { getPath, inferFileStyle, MIN_ENTRIES, type FileStyle, type InferablePath, type StyleBasis } from './infer-style.js';
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
  for (const key of valuePaths(style, '')) {
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
    target[keys[keys.length - 1]!] = getPath(described.style, key);
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
