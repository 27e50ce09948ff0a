// Reads and validates the action's inputs from the INPUT_* environment the runner (or our action.yml) sets.
import { readFileSync } from 'node:fs';
import { LintListsError } from '../errors.js';

/** What fails the action step. */
export type FailLevel = 'error' | 'warning' | 'none';
/** Formats the action can write its report file in. */
export type ReportFormat = 'markdown' | 'json' | 'sarif';

/** The action's inputs, validated, with the pull request's defaults filled in. */
export interface ActionInputs {
  paths: string[];
  config?: string;
  links: boolean;
  /** Link-check only lines changed since `baseRef` (a pull request's base unless set). */
  changedOnly: boolean;
  baseRef?: string;
  failLevel: FailLevel;
  reportFormat: ReportFormat;
  reportPath?: string;
  /** Folder actions/cache keeps between runs: link results and lint results live in it. */
  cacheDir?: string;
}

// Events whose payload names a base to compare against.
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** Reads `INPUT_<NAME>` (upper case, dashes kept, as GitHub names them) and validates each value. */
export function readActionInputs(env: Record<string, string | undefined>): ActionInputs {
  const input = (name: string): string => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
  const isPullRequest = PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '');
  const changedOnlyInput = readChoice('changed-only', input('changed-only') || 'auto', ['auto', 'true', 'false'] as const);
  const inputs: ActionInputs = {
    paths: input('paths').split(/\s+/).filter(Boolean),
    links: readBoolean('links', input('links'), true),
    changedOnly: changedOnlyInput === 'true' || (changedOnlyInput === 'auto' && isPullRequest),
    failLevel: readChoice('fail-level', input('fail-level') || 'error', ['error', 'warning', 'none'] as const),
    reportFormat: readChoice('report-format', input('report-format') || 'markdown', ['markdown', 'json', 'sarif'] as const),
  };
  if (input('config')) inputs.config = input('config');
  const baseRef = input('base-ref') || (isPullRequest ? pullRequestBase(env.GITHUB_EVENT_PATH) : undefined);
  // A ref reaches git as an argument: one that starts with a dash would be read as an option.
  if (baseRef?.startsWith('-')) throw new LintListsError('USAGE', `input base-ref: got "${baseRef}", expected a commit SHA or a ref name`);
  if (baseRef) inputs.baseRef = baseRef;
  if (input('report-path')) inputs.reportPath = input('report-path');
  if (input('cache-dir')) inputs.cacheDir = input('cache-dir');
  if (inputs.changedOnly && !inputs.baseRef) {
    throw new LintListsError('USAGE', 'input changed-only: needs base-ref outside pull requests (for example github.event.before on push)');
  }
  return inputs;
}

/** The base commit of the pull request the workflow runs for, from the event payload GitHub writes. */
function pullRequestBase(eventPath: string | undefined): string | undefined {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { base?: { sha?: unknown } } };
    const sha = event.pull_request?.base?.sha;
    return typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
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
