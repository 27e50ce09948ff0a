// The checker against undici's MockAgent: HEAD→GET, retries, Retry-After, redirects, credentials.
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLinkChecker, DEFAULT_LINK_CHECKER_OPTIONS } from '../../../src/links/check.js';
import type { CheckResult, LinkCheckerOptions } from '../../../src/links/check-options.js';

const ORIGIN = 'https://example.com';
const START = Date.parse('2026-01-01T00:00:00Z');

let agent: MockAgent;
let clock: { now: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[] };

function fakeClock(): typeof clock {
  let now = START;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

function checker(options: Partial<LinkCheckerOptions> = {}) {
  return createLinkChecker({ dispatcher: agent, perHostIntervalMs: 0, random: () => 0.5, now: clock.now, sleep: clock.sleep, ...options });
}

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  clock = fakeClock();
});

afterEach(async () => {
  agent.assertNoPendingInterceptors();
  await agent.close();
});

describe('createLinkChecker with a mock dispatcher', () => {
  it('keeps its defaults in one place', () => {
    expect(DEFAULT_LINK_CHECKER_OPTIONS).toMatchObject({ concurrency: 1_024, perHostConcurrency: 4, retries: 2, maxRedirects: 10, retryAfterCapMs: 60_000, urlDeadlineMs: 60_000, breakerFailures: 3 });
    expect(DEFAULT_LINK_CHECKER_OPTIONS.hosts['github.com']).toEqual({ perHostConcurrency: 2, perHostIntervalMs: 500 });
  });

  it('a 200 to HEAD is ok in one request, and reported once to onResult', async () => {
    agent.get(ORIGIN).intercept({ path: '/', method: 'HEAD' }).reply(200);
    const seen: CheckResult[] = [];
    const result = await checker({ onResult: (r) => seen.push(r) }).check(`${ORIGIN}/`);
    expect(result).toMatchObject({ url: `${ORIGIN}/`, verdict: 'ok', status: 200, attempts: 1 });
    expect(seen).toEqual([result]);
  });

  it.each([405, 403, 404, 501, 400, 500])('HEAD %i falls back to GET', async (status) => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/page', method: 'HEAD' }).reply(status);
    pool.intercept({ path: '/page', method: 'GET' }).reply(200, 'hello');
    const result = await checker().check(`${ORIGIN}/page`);
    expect(result).toMatchObject({ verdict: 'ok', status: 200, attempts: 2 });
  });

  it('a HEAD reset falls back to GET', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/', method: 'HEAD' }).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    pool.intercept({ path: '/', method: 'GET' }).reply(200);
    expect(await checker().check(`${ORIGIN}/`)).toMatchObject({ verdict: 'ok', attempts: 2 });
  });

  it('a GET 404 after HEAD 404 is dead', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/gone', method: 'HEAD' }).reply(404);
    pool.intercept({ path: '/gone', method: 'GET' }).reply(404);
    expect(await checker().check(`${ORIGIN}/gone`)).toMatchObject({ verdict: 'dead', status: 404, reason: 'HTTP 404', failureClass: 'http' });
  });

  it('retries 5xx with exponential backoff and full jitter, at most `retries` times', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/', method: 'HEAD' }).reply(502);
    pool.intercept({ path: '/', method: 'GET' }).reply(502).times(3);
    const result = await checker({ retries: 2 }).check(`${ORIGIN}/`);
    expect(result).toMatchObject({ verdict: 'error', status: 502, attempts: 4 });
    // random() = 0.5 of 500 ms, then of 1000 ms.
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it('caps retries at 3 whatever is asked', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/', method: 'HEAD' }).reply(504);
    pool.intercept({ path: '/', method: 'GET' }).reply(504).times(4);
    const result = await checker({ retries: 9 }).check(`${ORIGIN}/`);
    expect(result).toMatchObject({ verdict: 'error', status: 504, attempts: 5 }); // HEAD, GET, then 3 GET retries
    expect(clock.sleeps).toHaveLength(3);
  });

  it('obeys Retry-After in seconds by pausing the host', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/', method: 'HEAD' }).reply(429, '', { headers: { 'retry-after': '7' } });
    pool.intercept({ path: '/', method: 'HEAD' }).reply(200);
    const result = await checker().check(`${ORIGIN}/`);
    expect(result).toMatchObject({ verdict: 'ok', attempts: 2 });
    expect(clock.sleeps).toEqual([7_000]);
  });

  it('obeys Retry-After as an HTTP-date', async () => {
    const pool = agent.get(ORIGIN);
    const at = new Date(START + 12_000).toUTCString();
    pool.intercept({ path: '/', method: 'HEAD' }).reply(503, '', { headers: { 'retry-after': at } });
    pool.intercept({ path: '/', method: 'HEAD' }).reply(200);
    expect(await checker().check(`${ORIGIN}/`)).toMatchObject({ verdict: 'ok' });
    expect(clock.sleeps).toEqual([12_000]);
  });

  it('a Retry-After pause holds other URLs of the same host', async () => {
    const pool = agent.get(ORIGIN);
    const startedAt: Record<string, number> = {};
    pool.intercept({ path: '/a', method: 'HEAD' }).reply(429, '', { headers: { 'retry-after': '3' } });
    pool.intercept({ path: '/a', method: 'HEAD' }).reply(() => {
      startedAt.aRetry = clock.now();
      return { statusCode: 200 };
    });
    pool.intercept({ path: '/b', method: 'HEAD' }).reply(() => {
      startedAt.b = clock.now();
      return { statusCode: 200 };
    });
    const link = checker({ perHostConcurrency: 1 });
    const [a, b] = await Promise.all([link.check(`${ORIGIN}/a`), link.check(`${ORIGIN}/b`)]);
    expect([a.verdict, b.verdict]).toEqual(['ok', 'ok']);
    expect(startedAt.b).toBeGreaterThanOrEqual(START + 3_000);
    expect(startedAt.aRetry).toBeGreaterThanOrEqual(START + 3_000);
  });

  it('a Retry-After beyond the cap is unverifiable without waiting', async () => {
    agent.get(ORIGIN).intercept({ path: '/', method: 'HEAD' }).reply(429, '', { headers: { 'retry-after': '3600' } });
    const result = await checker().check(`${ORIGIN}/`);
    expect(result).toMatchObject({ verdict: 'unverifiable', reason: 'rate limited (Retry-After 3600s)', status: 429 });
    expect(clock.sleeps).toEqual([]);
  });

  it('a timeout is not retried and never falls back to GET', async () => {
    agent.get(ORIGIN).intercept({ path: '/slow', method: 'HEAD' }).reply(200).delay(300);
    const result = await checker({ retries: 3, requestTimeoutMs: 30 }).check(`${ORIGIN}/slow`);
    expect(result).toMatchObject({ verdict: 'timeout', reason: 'timed out after 30 ms', attempts: 1 });
    expect(clock.sleeps).toEqual([]);
  });

  it('a DNS failure is an error with a stable prefix and is not retried', async () => {
    agent.get(ORIGIN).intercept({ path: '/', method: 'HEAD' }).replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND example.com'), { code: 'ENOTFOUND' }));
    expect(await checker().check(`${ORIGIN}/`)).toMatchObject({ verdict: 'error', reason: 'ENOTFOUND: no such host', failureClass: 'dns', attempts: 1 });
  });

  it('records every redirect hop and resolves relative Locations', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/old', method: 'HEAD' }).reply(301, '', { headers: { location: '/newer' } });
    pool.intercept({ path: '/newer', method: 'HEAD' }).reply(308, '', { headers: { location: 'newest?x=1' } });
    pool.intercept({ path: '/newest?x=1', method: 'HEAD' }).reply(200);
    const result = await checker().check(`${ORIGIN}/old`);
    expect(result).toMatchObject({ verdict: 'redirect', permanent: true, finalUrl: `${ORIGIN}/newest?x=1`, attempts: 3 });
    expect(result.redirects).toEqual([
      { url: `${ORIGIN}/old`, status: 301 },
      { url: `${ORIGIN}/newer`, status: 308 },
    ]);
  });

  it('refuses a redirect to a non-http scheme and to a private address', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/js', method: 'HEAD' }).reply(302, '', { headers: { location: 'javascript:alert(1)' } });
    pool.intercept({ path: '/meta', method: 'HEAD' }).reply(302, '', { headers: { location: 'http://0xa9.0xfe.0xa9.0xfe/latest' } });
    const link = checker();
    expect(await link.check(`${ORIGIN}/js`)).toMatchObject({ verdict: 'error', reason: 'refused: redirect to javascript: URL' });
    expect(await link.check(`${ORIGIN}/meta`)).toMatchObject({
      verdict: 'refused',
      reason: 'refused: private address 169.254.169.254, not checked (allow with --allow-private 169.254.169.254 or links.allowPrivate)',
      failureClass: 'refused-address',
    });
  });

  it.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://example.com@10.0.0.1/', '10.0.0.1'],
  ])('refuses %s before any request', async (url, shown) => {
    const result = await checker().check(url);
    expect(result).toMatchObject({ verdict: 'refused', reason: `refused: private address ${shown}, not checked (allow with --allow-private ${shown} or links.allowPrivate)`, attempts: 0 });
  });

  it('attaches a token only to its exact origin', async () => {
    const seen: Record<string, unknown> = {};
    const capture = (name: string) => (opts: { headers?: unknown }) => {
      seen[name] = opts.headers;
      return { statusCode: 200 };
    };
    agent.get('https://api.github.com').intercept({ path: '/repos/a/b', method: 'HEAD' }).reply(capture('api'));
    agent.get('https://github.com').intercept({ path: '/a/b', method: 'HEAD' }).reply(capture('web'));
    agent.get('http://api.github.com').intercept({ path: '/', method: 'HEAD' }).reply(capture('plain'));
    const link = checker({ tokens: [{ origin: 'https://api.github.com', header: 'Authorization', value: 'Bearer t' }], perHostIntervalMs: 0, hosts: { 'github.com': { perHostIntervalMs: 0 } } });
    await Promise.all([link.check('https://api.github.com/repos/a/b'), link.check('https://github.com/a/b'), link.check('http://api.github.com/')]);
    expect(seen.api).toMatchObject({ authorization: 'Bearer t' });
    expect(seen.web).not.toHaveProperty('authorization');
    expect(seen.plain).not.toHaveProperty('authorization');
  });

  it('drops Authorization, Cookie and Proxy-Authorization after a cross-origin hop, keeps other headers', async () => {
    const seen: unknown[] = [];
    const capture = (status: number, location?: string) => (opts: { headers?: unknown }) => {
      seen.push(opts.headers);
      return { statusCode: status, data: '', responseOptions: { headers: location ? { location } : {} } };
    };
    agent.get(ORIGIN).intercept({ path: '/go', method: 'HEAD' }).reply(capture(302, 'https://other.example/land'));
    agent.get('https://other.example').intercept({ path: '/land', method: 'HEAD' }).reply(capture(302, `${ORIGIN}/back`));
    agent.get(ORIGIN).intercept({ path: '/back', method: 'HEAD' }).reply(capture(200));
    const result = await checker({
      headers: { 'X-Trace': '1', Cookie: 'c=1', 'Proxy-Authorization': 'Basic p' },
      tokens: [{ origin: ORIGIN, header: 'authorization', value: 'Bearer t' }],
    }).check(`${ORIGIN}/go`);
    expect(result).toMatchObject({ verdict: 'redirect', permanent: false, finalUrl: `${ORIGIN}/back` });
    expect(seen[0]).toMatchObject({ authorization: 'Bearer t', cookie: 'c=1', 'proxy-authorization': 'Basic p', 'x-trace': '1' });
    for (const later of seen.slice(1)) {
      expect(later).toMatchObject({ 'x-trace': '1' });
      expect(later).not.toHaveProperty('authorization');
      expect(later).not.toHaveProperty('cookie');
      expect(later).not.toHaveProperty('proxy-authorization');
    }
  });

  it('asks for uncompressed bodies and sends the User-Agent', async () => {
    let headers: Record<string, string> = {};
    agent.get(ORIGIN).intercept({ path: '/', method: 'HEAD' }).reply((opts) => {
      headers = opts.headers as Record<string, string>;
      return { statusCode: 200 };
    });
    await checker({ userAgent: 'lint-lists/9.9.9 (+https://github.com/lint-lists/lint-lists)' }).check(`${ORIGIN}/`);
    expect(headers['accept-encoding']).toBe('identity');
    expect(headers['user-agent']).toBe('lint-lists/9.9.9 (+https://github.com/lint-lists/lint-lists)');
  });

  it('a per-host accepted status counts as ok', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/', method: 'HEAD' }).reply(403);
    const result = await checker({ hosts: { 'example.com': { acceptedStatus: [403] } } }).check(`${ORIGIN}/`);
    expect(result).toMatchObject({ verdict: 'ok', status: 403, attempts: 1 });
  });

  it('the same URL requested twice at once is fetched once', async () => {
    agent.get(ORIGIN).intercept({ path: '/', method: 'HEAD' }).reply(200);
    const link = checker();
    const [one, two] = await Promise.all([link.check(`${ORIGIN}/`), link.check(`${ORIGIN}/`)]);
    expect(one).toBe(two);
    expect(link.stats().requests).toBe(1);
  });

  it('an aborted run ends queued and paused checks as errors without waiting', async () => {
    const controller = new AbortController();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/a', method: 'HEAD' }).reply(() => {
      controller.abort();
      return { statusCode: 429, data: '', responseOptions: { headers: { 'retry-after': '30' } } };
    });
    const link = createLinkChecker({ dispatcher: agent, perHostIntervalMs: 0, perHostConcurrency: 1, signal: controller.signal });
    const [a, b] = await Promise.all([link.check(`${ORIGIN}/a`), link.check(`${ORIGIN}/b`)]);
    expect(a).toMatchObject({ verdict: 'error', reason: 'aborted' });
    expect(b).toMatchObject({ verdict: 'error', reason: 'aborted' });
  });

  it('invalid and non-http URLs are errors, not exceptions', async () => {
    const link = checker();
    expect(await link.check('not a url')).toMatchObject({ verdict: 'error', reason: 'invalid URL' });
    expect(await link.check('ftp://example.com/')).toMatchObject({ verdict: 'error', reason: 'unsupported scheme ftp:' });
  });
});

describe('a stopped checker', () => {
  it('fetches nothing once stopped and says the URL was not checked', async () => {
    // No interceptors and the network disabled: any request would fail with a different reason.
    const checker = createLinkChecker({ dispatcher: agent });
    checker.stop?.();
    const result = await checker.check('https://never.example/');
    expect(result).toMatchObject({ verdict: 'error', attempts: 0, reason: 'not checked: the run was stopped' });
  });
});
