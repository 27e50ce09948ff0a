// One total deadline per request holds even while the connection's DNS lookup is still pending, and a stopped
// checker does not wait for lookups either. Without both, an offline or slow resolver holds slots for its timeout.
import type { LookupFunction } from '../../../src/links/check-options.js';
import { describe, expect, it } from 'vitest';
import { createLinkChecker } from '../../../src/links/check.js';

/** A resolver that never answers. */
const silentLookup: LookupFunction = () => {};

describe('deadlines and DNS', () => {
  it('times a request out at its deadline while the lookup never answers', async () => {
    const checker = createLinkChecker({ lookup: silentLookup, requestTimeoutMs: 200, connectTimeoutMs: 600_000, retries: 0, allowPrivate: [] });
    const result = await checker.check('https://silent.example/');
    await checker.close();
    expect(result).toMatchObject({ verdict: 'timeout', failureClass: 'timeout' });
  });

  it('answers "not checked" at once when stopped with lookups pending', async () => {
    const checker = createLinkChecker({ lookup: silentLookup, requestTimeoutMs: 600_000, connectTimeoutMs: 600_000, retries: 0 });
    const pending = ['https://a.example/', 'https://b.example/', 'https://c.example/'].map((url) => checker.check(url));
    setTimeout(() => checker.stop?.(), 50);
    const results = await Promise.all(pending);
    await checker.close();
    expect(results.map((r) => [r.attempts, r.reason])).toEqual([
      [0, 'not checked: the run was stopped'],
      [0, 'not checked: the run was stopped'],
      [0, 'not checked: the run was stopped'],
    ]);
  });
});
