// The package version: stamped into the bundle at build time, else read once from package.json (same relative place from src/ and dist/).
import { readFileSync } from 'node:fs';

// Replaced by the bundler (src/scripts/bundle.ts), whose output has no package.json beside it.
declare const LINT_LISTS_BUNDLED_VERSION: string | undefined;

let cached: string | undefined;

/** lint-lists' own version, as published. */
export function toolVersion(): string {
  if (cached === undefined) cached = typeof LINT_LISTS_BUNDLED_VERSION === 'string' ? LINT_LISTS_BUNDLED_VERSION : readPackageVersion();
  return cached;
}

function readPackageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
