// Retry policy: retryable statuses, full-jitter backoff, Retry-After in both forms.
import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from '../../../src/links/retry.js';

describe('isRetryableStatus', () => {
  it('retries "later" statuses only', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 400, 403, 404, 410, 501].some(isRetryableStatus)).toBe(false);
  });
});

describe('backoffDelayMs', () => {
  it('grows exponentially with full jitter and a ceiling', () => {
    expect(backoffDelayMs(0, () => 0)).toBe(0);
    expect(backoffDelayMs(0, () => 0.999999)).toBe(BACKOFF_BASE_MS - 1);
    expect(backoffDelayMs(2, () => 0.5)).toBe(BACKOFF_BASE_MS * 2);
    expect(backoffDelayMs(20, () => 0.999999)).toBeLessThan(BACKOFF_MAX_MS);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
    expect(parseRetryAfterMs(['5', '9'], now)).toBe(5_000);
  });

  it('reads an HTTP-date relative to now, past dates as 0', () => {
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
    expect(parseRetryAfterMs('', now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
  });

  it('ignores a hostile 1 MB Retry-After header', () => {
    expect(parseRetryAfterMs('9'.repeat(1_000_000) + 'x', now)).toBeUndefined();
  });
});
