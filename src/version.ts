// The package version, read once from package.json (same relative place from src/ and dist/).
import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** lint-lists' own version, as published. */
export function toolVersion(): string {
  if (cached === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
      cached = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
    } catch {
      cached = '0.0.0';
    }
  }
  return cached;
}
