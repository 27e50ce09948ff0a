// Private-address links are refused before any connection is attempted, and reported as `link-refused`.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../../src/cli/io.js';
import { createLinkChecker } from '../../../src/links/check.js';
import type { LinkCheckerOptions, LookupFunction } from '../../../src/links/check-options.js';
import { checkLinks } from '../../../src/links/index.js';
import { linksConfig, refsIn } from '../pipeline/helpers.js';

/** Every connection undici starts or completes, seen through its diagnostics channels. */
const connects: string[] = [];
const onBeforeConnect = (message: unknown): void => void connects.push(`before ${(message as { connectParams: { hostname: string } }).connectParams.hostname}`);
const onConnected = (message: unknown): void => void connects.push(`connected ${(message as { connectParams: { hostname: string } }).connectParams.hostname}`);

beforeEach(() => {
  connects.length = 0;
  subscribe('undici:client:beforeConnect', onBeforeConnect);
  subscribe('undici:client:connected', onConnected);
});
afterEach(() => {
  unsubscribe('undici:client:beforeConnect', onBeforeConnect);
  unsubscribe('undici:client:connected', onConnected);
});

/** Resolves `metadata.test` to the cloud metadata address; the guard must refuse it before any connect. */
const lookups: string[] = [];
const hostileLookup: LookupFunction = (hostname, _options, callback) => {
  lookups.push(hostname);
  callback(null, [{ address: '169.254.169.254', family: 4 }]);
};

async function run(markdown: string) {
  const io = captureIo({ cwd: process.cwd() });
  const outcome = await checkLinks({
    files: [{ file: 'list.md', links: refsIn(markdown) }],
    config: linksConfig({ retries: 0, perHostIntervalMs: 0 }),
    cache: false,
    quiet: true,
    io,
    checkerFactory: (options: Partial<LinkCheckerOptions>) => createLinkChecker({ ...options, lookup: hostileLookup }),
  });
  return { outcome, io };
}

describe('refused private addresses', () => {
  it('reports IP literals as link-refused errors, never connecting', async () => {
    const markdown = [
      '- [Metadata](http://169.254.169.254/latest) - M.',
      '- [Router](http://192.168.1.1/) - R.',
      '- [Zero](http://0.0.0.0/) - Z.',
      '- [Six](http://[::]/) - S.',
    ].join('\n');
    const { outcome } = await run(markdown);
    expect(outcome.networkDown).toBe(false);
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.severity, d.start.line])).toEqual([
      ['link-refused', 'error', 1],
      ['link-refused', 'error', 2],
      ['link-refused', 'error', 3],
      ['link-refused', 'error', 4],
    ]);
    expect(outcome.diagnostics[1]?.message).toBe(
      '`http://192.168.1.1/` refused: private address 192.168.1.1, not checked (allow with --allow-private 192.168.1.1 or links.allowPrivate)',
    );
    expect(outcome.results.map((r) => r.verdict)).toEqual(['refused', 'refused', 'refused', 'refused']);
    // Refused in the guard, before undici was even asked to connect.
    expect(connects).toEqual([]);
  });

  it('reports a name resolving to a private address, refused at lookup: no connection is completed', async () => {
    lookups.length = 0;
    const { outcome } = await run('- [Cloud](http://metadata.test/) - Looks public.');
    expect(lookups).toContain('metadata.test');
    expect(outcome.diagnostics).toMatchObject([{ ruleId: 'link-refused', severity: 'error' }]);
    expect(outcome.diagnostics[0]?.message).toContain('metadata.test resolves to private address 169.254.169.254');
    expect(outcome.diagnostics[0]?.message).toContain('--allow-private metadata.test');
    expect(connects.filter((c) => c.startsWith('connected'))).toEqual([]);
  });

  it('link-refused follows its configured severity', async () => {
    const io = captureIo({ cwd: process.cwd() });
    const outcome = await checkLinks({
      files: [{ file: 'list.md', links: refsIn('- [Router](http://192.168.1.1/) - R.') }],
      config: linksConfig(),
      linkSeverity: { 'link-refused': { severity: 'warn', options: {} } },
      cache: false,
      quiet: true,
      io,
    });
    expect(outcome.diagnostics).toMatchObject([{ ruleId: 'link-refused', severity: 'warning' }]);
  });
});

describe('link-refused message', () => {
  it('names where a redirect chain was stopped', async () => {
    const { linkDiagnostics } = await import('../../../src/links/to-diagnostics.js');
    const diagnostics = linkDiagnostics(
      [
        {
          url: 'https://public.example/',
          verdict: 'refused',
          reason: 'refused: private address 10.0.0.1, not checked (allow with --allow-private 10.0.0.1 or links.allowPrivate)',
          redirects: [{ url: 'https://public.example/', status: 302 }],
          finalUrl: 'http://10.0.0.1/admin',
          attempts: 1,
          durationMs: 1,
          fromCache: false,
          occurrences: [{ file: 'list.md', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 }, written: 'https://public.example/' }],
        },
      ],
      { config: linksConfig(), isConfirming: false },
    );
    expect(diagnostics.map((d) => d.message)).toEqual([
      '`https://public.example/` redirects to `http://10.0.0.1/admin`, refused: private address 10.0.0.1, not checked (allow with --allow-private 10.0.0.1 or links.allowPrivate)',
    ]);
  });
});
