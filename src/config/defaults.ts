// Default values of the config file and where config files are looked for.

/** Files linted when neither the CLI nor the config names any: none listed, so the readme of the working directory is linted. */
export const DEFAULT_FILES: readonly string[] = [];

/** Patterns of files skipped by default (none: what to lint is named explicitly). */
export const DEFAULT_IGNORE: readonly string[] = [];

/** Where the project lives; reporters link to it (SARIF `informationUri`). */
export const PROJECT_URL = 'https://github.com/lint-lists/lint-lists';

/** `$id` of the published JSON Schema (the file ships in the npm package as `lint-lists/schema.json`). */
export const CONFIG_SCHEMA_ID = 'https://unpkg.com/lint-lists/schema/lint-lists.schema.json';

/** How a config file is parsed. */
export type ConfigFormat = 'json' | 'yaml' | 'package-json';

/**
 * Config file names looked for in each folder, in order; the first folder (walking up from the working
 * directory) holding any of them wins. `package.json` counts only when it has a `lint-lists` key.
 */
export const CONFIG_FILE_NAMES: ReadonlyArray<{ name: string; format: ConfigFormat }> = [
  { name: 'lint-lists.config.json', format: 'json' },
  { name: 'lint-lists.config.jsonc', format: 'json' },
  { name: 'lint-lists.config.yaml', format: 'yaml' },
  { name: 'lint-lists.config.yml', format: 'yaml' },
  { name: '.lint-lists.json', format: 'json' },
  { name: '.lint-lists.jsonc', format: 'json' },
  { name: '.lint-lists.yaml', format: 'yaml' },
  { name: 'package.json', format: 'package-json' },
];

/** The key of `package.json` that holds a config. */
export const PACKAGE_JSON_KEY = 'lint-lists';

/**
 * Every default of the `links` block: the schema (links-schema.ts) and the link checker both read them from here,
 * which loads nothing (the checker used on its own stays free of zod).
 */
export const DEFAULT_LINKS = {
  exclude: [] as string[],
  acceptedStatus: [] as number[],
  timeoutMs: 20_000,
  connectTimeoutMs: 10_000,
  retries: 2,
  urlDeadlineMs: 60_000,
  breakerFailures: 3,
  concurrency: 1_024,
  perHostConcurrency: 4,
  perHostIntervalMs: 100,
  cache: { path: '.lint-lists-cache.json', ttlHours: 24, confirmAfterRuns: 2 },
  allowPrivate: [] as string[],
  github: { tokenEnv: 'GITHUB_TOKEN', apiUrl: 'https://api.github.com' },
} as const;
