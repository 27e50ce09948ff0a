// When a run may say "network down" (exit 3): only on evidence the machine is offline, never for one dead host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../../src/cli/io.js';
import { createLinkChecker } from '../../../src/links/check.js';
import type { LinkCheckerOptions, LookupFunction } from '../../../src/links/check-options.js';
import { checkLinks } from '../../../src/links/index.js';
import { reply, startServer, type TestServer } from '../../helpers/servers.js';
import { linksConfig, refsIn } from '../pipeline/helpers.js';

let up: TestServer;

beforeAll(async () => {
  up = await startServer({ host: '127.0.0.21', routes: { '/': reply.status(200) } });
});
afterAll(() => up.close());

/** A resolver stand-in: `answers` maps a name to an address or to a DNS error code; nothing reaches real DNS. */
function fakeResolver(answers: Record<string, string>): LookupFunction {
  return (hostname, _options, callback) => {
    const answer = answers[hostname] ?? 'ENOTFOUND';
    if (answer.startsWith('E')) {
      callback(Object.assign(new Error(`getaddrinfo ${answer} ${hostname}`), { code: answer, syscall: 'getaddrinfo', hostname }), []);
    } else {
      callback(null, [{ address: answer, family: 4 }]);
    }
  };
}

async function run(markdown: string, answers: Record<string, string>) {
  const io = captureIo({ cwd: process.cwd() });
  const lookup = fakeResolver(answers);
  const outcome = await checkLinks({
    files: [{ file: 'list.md', links: refsIn(markdown) }],
    config: linksConfig({ retries: 0, perHostIntervalMs: 0 }),
    cache: false,
    allowPrivate: ['127.0.0.0/8'],
    quiet: true,
    io,
    checkerFactory: (options: Partial<LinkCheckerOptions>) => createLinkChecker({ ...options, lookup }),
  });
  return { outcome, stderr: io.err.join('') };
}

describe('network-down detection', () => {
  it('a name the resolver answered as non-existent is a finding for that link, not "network down"', async () => {
    const { outcome, stderr } = await run('- [Gone](http://gone.test/) - Gone.', { 'gone.test': 'ENOTFOUND' });
    expect(outcome.networkDown).toBe(false);
    expect(stderr).not.toContain('Network unreachable');
    expect(outcome.diagnostics).toMatchObject([{ ruleId: 'link-error', severity: 'error', url: 'http://gone.test/' }]);
    expect(outcome.diagnostics[0]?.message).toContain('ENOTFOUND: no such host');
  });

  it('an unreachable resolver for every host is "network down": results withheld', async () => {
    const markdown = ['a', 'b', 'c'].map((name) => `- [X](http://${name}.test/) - X.`).join('\n');
    const { outcome, stderr } = await run(markdown, { 'a.test': 'EAI_AGAIN', 'b.test': 'EAI_AGAIN', 'c.test': 'EAI_AGAIN' });
    expect(outcome.networkDown).toBe(true);
    expect(outcome.diagnostics).toEqual([]);
    expect(stderr).toContain('Network unreachable');
  });

  it('a resolver refusing the DNS query (ECONNREFUSED from the lookup) counts as offline, not as a refused host', async () => {
    const { outcome } = await run('- [X](http://a.test/) - X.', { 'a.test': 'ECONNREFUSED' });
    expect(outcome.networkDown).toBe(true);
  });

  it('one host answering settles that the network is up, so resolver failures become findings', async () => {
    const markdown = [`- [Up](http://up.test:${up.port}/) - Up.`, '- [A](http://a.test/) - A.', '- [B](http://b.test/) - B.'].join('\n');
    const { outcome } = await run(markdown, { 'up.test': up.host, 'a.test': 'EAI_AGAIN', 'b.test': 'EAI_AGAIN' });
    expect(outcome.networkDown).toBe(false);
    expect(outcome.diagnostics.map((d) => [d.url, d.ruleId])).toEqual([
      ['http://a.test/', 'link-error'],
      ['http://b.test/', 'link-error'],
    ]);
  });
});
