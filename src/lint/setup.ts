// What linting one file needs (style, active rules, known rule ids), and how a worker thread rebuilds it.
import type { Style } from '../config/style-schema.js';
import type { ActiveRule } from './run.js';

/** The resolved pieces every file is linted with. */
export interface LintSetup {
  style: Style;
  /** Style path → where a config set it; the other inferable values are learned per file (see infer-style.ts). */
  styleOrigins: Readonly<Record<string, string>>;
  rules: ActiveRule[];
  /** For disable comments: true for ids a comment may name (every registered rule, link checks, engine ids). */
  isKnownRuleId(id: string): boolean;
}

/**
 * How to build a LintSetup anywhere, including in a worker thread: a module URL exporting
 * `createSetup(data): Promise<LintSetup>` and the plain (structured-cloneable) data it takes.
 */
export interface SetupSpec {
  module: string;
  data: unknown;
}

/** The engine's own diagnostics: not rules, but disable comments may name them and reporters describe them. */
export const ENGINE_RULES: ReadonlyArray<{ id: string; description: string }> = [
  { id: 'file-unparsable', description: 'The file could be read but not parsed as a list (nesting too deep, internal error).' },
  { id: 'file-unreadable', description: 'The file could not be read: missing, binary, not UTF-8, too large, a FIFO or a symlink leaving the tree.' },
  { id: 'file-unwritable', description: 'Fixes could not be written back to the file.' },
  { id: 'lint-directive', description: 'A disable comment names a rule that does not exist.' },
];

/** The ids of `ENGINE_RULES`. */
export const ENGINE_RULE_IDS: readonly string[] = ENGINE_RULES.map((rule) => rule.id);

/** Loads `spec.module` and calls its `createSetup`. */
export async function loadSetup(spec: SetupSpec): Promise<LintSetup> {
  const loaded = (await import(spec.module)) as { createSetup?: (data: unknown) => Promise<LintSetup> | LintSetup };
  if (typeof loaded.createSetup !== 'function') throw new Error(`setup module ${spec.module} does not export createSetup`);
  return loaded.createSetup(spec.data);
}

/**
 * URL of a module next to `base` (an `import.meta.url`): `.ts` when running from sources (tests,
 * tsx, worker threads started with tsx), `.js` once built.
 */
export function siblingModule(base: string, relativeJs: string): string {
  const url = new URL(relativeJs, base).href;
  return base.endsWith('.ts') ? url.replace(/\.js$/, '.ts') : url;
}
