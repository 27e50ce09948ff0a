// LintListsError: the only thing we throw on purpose, for bad input and broken configuration.

/** Stable codes that callers and tests can match on; the CLI maps them to exit code 2. */
export type ErrorCode =
  | 'CONFIG_NOT_FOUND'
  | 'CONFIG_INVALID'
  | 'CONFIG_PARSE'
  | 'RULE_UNKNOWN'
  | 'PRESET_UNKNOWN'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNREADABLE'
  | 'USAGE'
  | 'GIT'
  | 'GITHUB_API'
  | 'INTERNAL';

/** An expected failure with a message fit to show a user as is (names the file and place, no stack). */
export class LintListsError extends Error {
  override readonly name = 'LintListsError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True for errors we raised ourselves with a user-ready message. */
export function isLintListsError(error: unknown): error is LintListsError {
  return error instanceof LintListsError;
}
