// Safety against real servers: the private-address guard and credential scoping across redirects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkChecker } from '../../../src/links/check.js';
import type { LinkCheckerOptions, LookupFunction } from '../../../src/links/check-options.js';
import { reply, startServer, type TestServer } from '../../helpers/servers.js';

const FAST: Partial<LinkCheckerOptions> = { perHostIntervalMs: 0, requestTimeoutMs: 1_000, random: () => 0 };
const LOOPBACK: Partial<LinkCheckerOptions> = { ...FAST, allowPrivate: ['127.0.0.0/8', '::1'] };

let a: TestServer;
let b: TestServer;
let hidden: TestServer;

beforeAll(async () => {
  b = await startServer({ host: '127.0.0.10', routes: { '/echo': reply.status(200) } });
  hidden = await startServer({ host: '127.0.0.5', routes: { '/': reply.status(200), '/secret': reply.status(200) } });
  a = await startServer({
    host: '127.0.0.9',
    routes: {
      '/ok': reply.status(200),
      '/away': (_req, res) => res.writeHead(302, { location: b.url('/echo') }).end(),
      '/inward': (_req, res) => res.writeHead(302, { location: hidden.url('/secret') }).end(),
    },
  });
});

afterAll(async () => {
  await Promise.all([a.close(), b.close(), hidden.close()]);
});

/** Resolves every name to 127.0.0.5, as a hostile DNS answer would. */
const resolveToHidden: LookupFunction = (_hostname, _options, callback) => callback(null, [{ address: '127.0.0.5', family: 4 }]);

describe('private-address guard', () => {
  it('refuses a loopback address without allowPrivate, before connecting', async () => {
    const checker = createLinkChecker(FAST);
    const before = a.requests.length;
    const result = await checker.check(a.url('/ok'));
    await checker.close();
    expect(result).toMatchObject({
      verdict: 'refused',
      failureClass: 'refused-address',
      reason: 'refused: private address 127.0.0.9, not checked (allow with --allow-private 127.0.0.9 or links.allowPrivate)',
    });
    expect(a.requests.length).toBe(before);
  });

  it('refuses the decimal form of a loopback address', async () => {
    const checker = createLinkChecker(FAST);
    // 127.0.0.9 as one 32-bit number.
    const result = await checker.check(`http://${127 * 2 ** 24 + 9}:${a.port}/ok`);
    await checker.close();
    expect(result).toMatchObject({ verdict: 'refused', reason: 'refused: private address 127.0.0.9, not checked (allow with --allow-private 127.0.0.9 or links.allowPrivate)' });
  });

  it('refuses a public-looking name that resolves to a private address', async () => {
    const checker = createLinkChecker({ ...FAST, lookup: resolveToHidden });
    const before = hidden.requests.length;
    const result = await checker.check(`http://example.test:${hidden.port}/`);
    await checker.close();
    expect(result).toMatchObject({ verdict: 'refused', failureClass: 'refused-address' });
    expect(result.reason).toBe('refused: example.test resolves to private address 127.0.0.5, not checked (allow with --allow-private example.test or links.allowPrivate)');
    expect(hidden.requests.length).toBe(before);
  });

  it('lets the same name through when its address is allowed', async () => {
    const checker = createLinkChecker({ ...FAST, lookup: resolveToHidden, allowPrivate: ['127.0.0.5'] });
    const result = await checker.check(`http://example.test:${hidden.port}/`);
    await checker.close();
    expect(result.verdict).toBe('ok');
  });

  it('re-checks every redirect hop', async () => {
    const checker = createLinkChecker({ ...FAST, allowPrivate: ['127.0.0.9'] });
    const before = hidden.requests.length;
    const result = await checker.check(a.url('/inward'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'refused', failureClass: 'refused-address' });
    expect(result.redirects).toEqual([{ url: a.url('/inward'), status: 302 }]);
    expect(hidden.requests.length).toBe(before);
  });
});

describe('credentials', () => {
  it('a token reaches its own origin and never the host a redirect leads to', async () => {
    const checker = createLinkChecker({
      ...LOOPBACK,
      tokens: [{ origin: a.origin, header: 'Authorization', value: 'Bearer sekrit' }],
      hosts: { '127.0.0.9': { headers: { Cookie: 'session=1' } } },
    });
    const result = await checker.check(a.url('/away'));
    await checker.close();
    expect(result.verdict).toBe('redirect');
    const atA = a.requests.filter((r) => r.path === '/away');
    const atB = b.requests.filter((r) => r.path === '/echo');
    expect(atA.length).toBeGreaterThan(0);
    expect(atA.every((r) => r.headers.authorization === 'Bearer sekrit' && r.headers.cookie === 'session=1')).toBe(true);
    expect(atB.length).toBeGreaterThan(0);
    expect(atB.some((r) => r.headers.authorization !== undefined || r.headers.cookie !== undefined)).toBe(false);
  });

  it('a token for another origin is never sent', async () => {
    const checker = createLinkChecker({ ...LOOPBACK, tokens: [{ origin: 'https://api.github.com', header: 'authorization', value: 'token x' }] });
    const before = a.requests.length;
    await checker.check(a.url('/ok'));
    await checker.close();
    const seen = a.requests.slice(before);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(seen.every((r) => r.headers['user-agent']?.startsWith('lint-lists/'))).toBe(true);
  });
});
