// Reads and validates the reusable action's inputs from the INPUT_* environment the runner (or our action.yml) sets.
import { LintListsError } from '../errors.js';

/** What fails the action step. */
export type FailLevel = 'error' | 'warning' | 'none';
/** Formats the action can write its report file in. */
export type ReportFormat = 'markdown' | 'json' | 'sarif';

/** The action's inputs, validated. */
export interface ActionInputs {
  paths: string[];
  config?: string;
  links: boolean;
  changedOnly: boolean;
  baseRef?: string;
  failLevel: FailLevel;
  reportFormat: ReportFormat;
  reportPath?: string;
  cache?: string;
}

/** Reads `INPUT_<NAME>` (upper case, dashes kept, as GitHub names them) and validates each value. */
export function readActionInputs(env: Record<string, string | undefined>): ActionInputs {
  const input = (name: string): string => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
  const inputs: ActionInputs = {
    paths: input('paths').split(/\s+/).filter(Boolean),
    links: readBoolean('links', input('links'), false),
    changedOnly: readBoolean('changed-only', input('changed-only'), false),
    failLevel: readChoice('fail-level', input('fail-level') || 'error', ['error', 'warning', 'none'] as const),
    reportFormat: readChoice('report-format', input('report-format') || 'markdown', ['markdown', 'json', 'sarif'] as const),
  };
  if (input('config')) inputs.config = input('config');
  if (input('base-ref')) inputs.baseRef = input('base-ref');
  if (input('report-path')) inputs.reportPath = input('report-path');
  if (input('cache')) inputs.cache = input('cache');
  if (inputs.changedOnly && !inputs.baseRef) {
    throw new LintListsError('USAGE', 'input changed-only: needs base-ref (for pull requests: github.event.pull_request.base.sha)');
  }
  return inputs;
}

function readBoolean(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new LintListsError('USAGE', `input ${name}: got "${value}", expected "true" or "false"`);
}

function readChoice<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new LintListsError('USAGE', `input ${name}: got "${value}", expected ${allowed.map((a) => `"${a}"`).join(', ')}`);
}
