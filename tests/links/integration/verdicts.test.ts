// Verdicts against real loopback servers: status codes, redirects, HEAD fallback, retries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkChecker } from '../../../src/links/check.js';
import type { LinkCheckerOptions } from '../../../src/links/check-options.js';
import { reply, startServer, type TestServer } from '../../helpers/servers.js';

const FAST: Partial<LinkCheckerOptions> = {
  allowPrivate: ['127.0.0.0/8', '::1'],
  perHostIntervalMs: 0,
  requestTimeoutMs: 1_000,
  connectTimeoutMs: 1_000,
  random: () => 0,
};

let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  b = await startServer({ host: '127.0.0.3', routes: { '/end': reply.status(200) } });
  a = await startServer({
    host: '127.0.0.2',
    routes: {
      '/ok': reply.status(200),
      '/p1': reply.redirect(301, '/p2'),
      '/p2': (_req, res) => res.writeHead(301, { location: b.url('/end') }).end(),
      '/temp': reply.redirect(302, 'ok'),
      '/rel': reply.redirect(308, '../ok'),
      '/loop1': reply.redirect(301, '/loop2'),
      '/loop2': reply.redirect(301, '/loop1'),
      '/to-dead': reply.redirect(301, '/missing'),
      '/head405': reply.byMethod(405, 200),
      '/head404': reply.byMethod(404, 200),
      '/gone': reply.status(410),
      '/flaky': (_req, res, { hit }) => res.writeHead(hit === 1 ? 503 : 200).end(),
      '/to-ftp': reply.redirect(302, 'ftp://example.com/file'),
      '/challenge': reply.status(403, { 'cf-mitigated': 'challenge', server: 'cloudflare' }),
      '/cf-body': reply.status(403, { server: 'cloudflare' }, '<html><title>Just a moment...</title></html>'),
      '/linkedin': reply.status(999),
      '/teapot': reply.status(418),
      '/oops': reply.status(500),
      ...Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`/chain${i}`, reply.redirect(302, `/chain${i + 1}`)])),
    },
  });
});

afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

describe('verdicts against real servers', () => {
  it('200 is ok', async () => {
    const checker = createLinkChecker(FAST);
    const result = await checker.check(a.url('/ok'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'ok', status: 200, attempts: 1 });
    expect(result.redirects).toBeUndefined();
  });

  it('follows 301 → 301 → 200 across hosts as a permanent redirect', async () => {
    const checker = createLinkChecker(FAST);
    const result = await checker.check(a.url('/p1'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'redirect', status: 200, permanent: true, finalUrl: b.url('/end') });
    expect(result.redirects).toEqual([
      { url: a.url('/p1'), status: 301 },
      { url: a.url('/p2'), status: 301 },
    ]);
  });

  it('a 302 is a temporary redirect, relative Location resolved', async () => {
    const checker = createLinkChecker(FAST);
    const temp = await checker.check(a.url('/temp'));
    const rel = await checker.check(a.url('/rel'));
    await checker.close();
    expect(temp).toMatchObject({ verdict: 'redirect', permanent: false, finalUrl: a.url('/ok') });
    expect(rel).toMatchObject({ verdict: 'redirect', permanent: true, finalUrl: a.url('/ok') });
  });

  it('a redirect loop is an error', async () => {
    const checker = createLinkChecker(FAST);
    const result = await checker.check(a.url('/loop1'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'error', reason: 'redirect loop' });
    expect(result.redirects).toHaveLength(2);
  });

  it('a chain longer than maxRedirects is an error', async () => {
    const checker = createLinkChecker({ ...FAST, maxRedirects: 10 });
    const result = await checker.check(a.url('/chain0'));
    await checker.close();
    expect(result.verdict).toBe('error');
    expect(result.reason).toMatch(/too many redirects/);
    expect(result.redirects).toHaveLength(11);
  });

  it('a redirect to a dead target is dead, chain kept', async () => {
    const checker = createLinkChecker(FAST);
    const result = await checker.check(a.url('/to-dead'));
    await checker.close();
    expect(result).toMatchObject({ verdict: 'dead', status: 404, finalUrl: a.url('/missing') });
    expect(result.redirects).toEqual([{ url: a.url('/to-dead'), status: 301 }]);
  });

  it('a redirect to a non-http scheme is refused', async () => {
    const checker = createLinkChecker(FAST);
    const result = await checker.check(a.url('/to-ftp'));
    await checker.close();
    expect(result.verdict).toBe('error');
    expect(result.reason).toMatch(/^refused: redirect to ftp:/);
  });

  it('HEAD 405 then GET 200 is ok; HEAD 404 then GET 200 is ok', async () => {
    const checker = createLinkChecker(FAST);
    const r405 = await checker.check(a.url('/head405'));
    const r404 = await checker.check(a.url('/head404'));
    await checker.close();
    expect(r405).toMatchObject({ verdict: 'ok', status: 200, attempts: 2 });
    expect(r404).toMatchObject({ verdict: 'ok', status: 200, attempts: 2 });
    const methods = a.requests.filter((r) => r.path === '/head405').map((r) => r.method);
    expect(methods).toEqual(['HEAD', 'GET']);
  });

  it('404 and 410 are dead; 418 is dead; 500 after retries is an error', async () => {
    const checker = createLinkChecker({ ...FAST, retries: 1 });
    const [missing, gone, teapot, oops] = await Promise.all(['/nothing', '/gone', '/teapot', '/oops'].map((p) => checker.check(a.url(p))));
    await checker.close();
    expect(missing).toMatchObject({ verdict: 'dead', status: 404 });
    expect(gone).toMatchObject({ verdict: 'dead', status: 410 });
    expect(teapot).toMatchObject({ verdict: 'dead', status: 418 });
    expect(oops).toMatchObject({ verdict: 'error', status: 500, reason: 'HTTP 500' });
  });

  it('a flaky 503 then 200 is ok after one retry', async () => {
    const checker = createLinkChecker(FAST);
    const result = await checker.check(a.url('/flaky'));
    await checker.close();
    expect(result.verdict).toBe('ok');
    expect(result.attempts).toBeGreaterThanOrEqual(2);
  });

  it('bot walls and 999 are unverifiable', async () => {
    const checker = createLinkChecker(FAST);
    const [cf, cfBody, linkedin] = await Promise.all(['/challenge', '/cf-body', '/linkedin'].map((p) => checker.check(a.url(p))));
    await checker.close();
    expect(cf).toMatchObject({ verdict: 'unverifiable', reason: 'cf-mitigated: challenge' });
    expect(cfBody).toMatchObject({ verdict: 'unverifiable', reason: 'Cloudflare challenge' });
    expect(linkedin).toMatchObject({ verdict: 'unverifiable', status: 999 });
  });

  it('the same URL checked twice concurrently is fetched once', async () => {
    const checker = createLinkChecker(FAST);
    const before = a.requests.filter((r) => r.path === '/ok').length;
    const [one, two] = await Promise.all([checker.check(a.url('/ok')), checker.check(a.url('/ok'))]);
    await checker.close();
    expect(one).toBe(two);
    expect(a.requests.filter((r) => r.path === '/ok').length - before).toBe(1);
  });
});
