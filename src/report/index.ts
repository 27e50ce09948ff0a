// The reporter registry: output format name → Reporter.
import { LintListsError } from '../errors.js';
import { github } from './github.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

/** Names of the built-in output formats. */
export type ReporterName = 'stylish' | 'json' | 'sarif' | 'github' | 'markdown';

/** Every built-in reporter by name. */
export const reporters: Record<ReporterName, Reporter> = { stylish, json, sarif, github, markdown };

/** The reporter called `name`; throws USAGE listing the allowed names for anything else. */
export function getReporter(name: string): Reporter {
  if (Object.hasOwn(reporters, name)) return reporters[name as ReporterName];
  const allowed = Object.keys(reporters).map((key) => `"${key}"`).join(', ');
  throw new LintListsError('USAGE', `Unknown output format ${JSON.stringify(name)}, expected one of ${allowed}`);
}
