// Parsing of the option values yargs cannot check by itself (sizes, `--rule id:severity`, `--shard k/n`).
import { LintListsError } from '../errors.js';
import { parseShard } from '../links/shard.js';

const UNITS: Record<string, number> = { b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** Parses `--max-file-size`: a number of megabytes (`10`, `2.5`) or a size with unit (`512kB`, `20MB`, `1GB`). */
export function parseSize(value: string | number): number {
  const text = String(value).trim();
  let split = 0;
  while (split < text.length && ((text[split]! >= '0' && text[split]! <= '9') || text[split] === '.')) split++;
  const amount = Number(text.slice(0, split));
  const unit = text.slice(split).trim().toLowerCase();
  const factor = unit === '' ? UNITS.mb! : UNITS[unit];
  if (split === 0 || !Number.isFinite(amount) || amount <= 0 || factor === undefined) {
    throw new LintListsError('USAGE', `--max-file-size: got ${JSON.stringify(text)}, expected a size such as 10 (MB), 512kB, 20MB or 1GB`);
  }
  return Math.floor(amount * factor);
}

/** Parses repeated `--rule id:severity` into config rule overrides. */
export function parseRuleOverrides(values: string[]): Record<string, 'off' | 'warn' | 'error'> {
  const overrides: Record<string, 'off' | 'warn' | 'error'> = {};
  for (const value of values) {
    const colon = value.lastIndexOf(':');
    const id = value.slice(0, colon).trim();
    const severity = value.slice(colon + 1).trim();
    if (colon <= 0 || id === '' || (severity !== 'off' && severity !== 'warn' && severity !== 'error')) {
      throw new LintListsError('USAGE', `--rule: got ${JSON.stringify(value)}, expected <rule-id>:<off|warn|error>, e.g. entry-separator:warn`);
    }
    overrides[id] = severity;
  }
  return overrides;
}

/** Checks `--shard k/n` (1 ≤ k ≤ n). */
export function checkShard(value: string): string {
  // Validated up front, with the same rules and message the link pipeline applies later.
  parseShard(value);
  return value;
}
