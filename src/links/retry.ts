// Retry policy: which outcomes are retried, how long to back off, and how to read Retry-After.

/** Statuses worth another try: the server said "later", not "never". */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** True for an HTTP status that is retried with backoff. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}

/** Ceiling of the first retry's delay; each later retry doubles it. */
export const BACKOFF_BASE_MS = 500;
/** Largest ceiling any retry's delay can reach. */
export const BACKOFF_MAX_MS = 8_000;

/**
 * Delay before retry number `retry` (0 for the first retry): exponential backoff with full
 * jitter, so many clients retrying together spread out instead of stampeding in step.
 */
export function backoffDelayMs(retry: number, random: () => number, baseMs = BACKOFF_BASE_MS, maxMs = BACKOFF_MAX_MS): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * Reads a `Retry-After` header (delta-seconds or HTTP-date, RFC 9110 §10.2.3) into milliseconds
 * from `nowMs`; undefined when absent or unreadable. A date in the past gives 0.
 */
export function parseRetryAfterMs(value: string | string[] | undefined, nowMs: number): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return undefined;
  if (isDigits(raw)) return Number(raw) * 1000;
  // All three HTTP-date forms carry a clock time; Date.parse alone would take "-5" as a year.
  if (raw.length > 64 || !raw.includes(':')) return undefined;
  const date = Date.parse(raw);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

function isDigits(text: string): boolean {
  if (text.length === 0 || text.length > 12) return false;
  for (const char of text) if (char < '0' || char > '9') return false;
  return true;
}
