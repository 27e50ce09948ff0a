import { describe, expect, it } from 'vitest';
import { DEFAULT_LINKS } from '../../../src/config/links-schema.js';
import { DEFAULT_LINK_CHECKER_OPTIONS } from '../../../src/links/check-options.js';

describe('DEFAULT_LINK_CHECKER_OPTIONS', () => {
  // The checker repeats these defaults instead of importing them (see check-options.ts): keep them equal.
  it('agrees with the config defaults it repeats', () => {
    expect(DEFAULT_LINK_CHECKER_OPTIONS).toMatchObject({
      concurrency: DEFAULT_LINKS.concurrency,
      perHostConcurrency: DEFAULT_LINKS.perHostConcurrency,
      perHostIntervalMs: DEFAULT_LINKS.perHostIntervalMs,
      connectTimeoutMs: DEFAULT_LINKS.connectTimeoutMs,
      requestTimeoutMs: DEFAULT_LINKS.timeoutMs,
      retries: DEFAULT_LINKS.retries,
      acceptedStatus: DEFAULT_LINKS.acceptedStatus,
      allowPrivate: DEFAULT_LINKS.allowPrivate,
    });
  });
});
