// Look-alike hostnames: a label mixing scripts is a warning with the punycode form, the link still checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../../src/cli/io.js';
import { createLinkChecker } from '../../../src/links/check.js';
import type { LinkCheckerOptions, LookupFunction } from '../../../src/links/check-options.js';
import { checkLinks } from '../../../src/links/index.js';
import { findMixedScript, scriptsOf } from '../../../src/links/mixed-script.js';
import { reply, startServer, type TestServer } from '../../helpers/servers.js';
import { linksConfig, refsIn } from '../pipeline/helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ host: '127.0.0.51', routes: { '/': reply.status(200) } });
});
afterAll(() => server.close());

describe('findMixedScript', () => {
  it('finds a Cyrillic or Greek letter in a Latin label, written in Unicode or punycode', () => {
    expect(findMixedScript('pаypal.com')).toEqual({ unicode: 'pаypal.com', punycode: 'xn--pypal-4ve.com', scripts: ['Latin', 'Cyrillic'] });
    expect(findMixedScript('xn--pypal-4ve.com')?.scripts).toEqual(['Latin', 'Cyrillic']);
    expect(findMixedScript('goοgle.com')?.scripts).toEqual(['Latin', 'Greek']);
  });

  it('lets single-script names, accented Latin, IPs and CJK mixes through', () => {
    for (const host of ['example.com', 'bücher.de', 'mañana.com', 'пример.рф', 'αβγ.gr', '例え.jp', 'ヤフーjapan.jp', '127.0.0.1', '[::1]']) {
      expect(findMixedScript(host), host).toBeUndefined();
    }
  });

  it('ignores digits and hyphens, which every script shares', () => {
    expect(scriptsOf('пример-123')).toEqual(['Cyrillic']);
  });
});

describe('link-mixed-script in the pipeline', () => {
  it('warns with the punycode form and still checks the link', async () => {
    // The look-alike name resolves to a loopback test server through a stand-in resolver.
    const lookup: LookupFunction = (_hostname, _options, callback) => callback(null, [{ address: server.host, family: 4 }]);
    const outcome = await checkLinks({
      files: [{ file: 'list.md', links: refsIn(`- [Pay](http://pаypal.test:${server.port}/) - Pay.`) }],
      config: linksConfig({ perHostIntervalMs: 0, retries: 0 }),
      cache: false,
      allowPrivate: [server.host],
      quiet: true,
      io: captureIo({ cwd: process.cwd() }),
      checkerFactory: (options: Partial<LinkCheckerOptions>) => createLinkChecker({ ...options, lookup }),
    });
    expect(outcome.results.map((r) => r.verdict)).toEqual(['ok']);
    expect(outcome.diagnostics).toMatchObject([{ ruleId: 'link-mixed-script', severity: 'warning', messageId: 'mixedScript', start: { line: 1 } }]);
    expect(outcome.diagnostics[0]?.message).toContain('xn--pypal-4ve.test');
    expect(outcome.diagnostics[0]?.message).toContain('Latin and Cyrillic');
  });
});
