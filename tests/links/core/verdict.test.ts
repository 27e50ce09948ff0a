// Mapping statuses, bot walls and network errors to verdicts, reasons and failure classes.
import { describe, expect, it } from 'vitest';
import { PrivateAddressError } from '../../../src/links/address-guard.js';
import { judgeFailure, judgeResponse } from '../../../src/links/verdict.js';

const withCode = (code: string, message = code): Error => Object.assign(new Error(message), { code });

describe('judgeResponse', () => {
  it.each([
    [200, 'ok'],
    [204, 'ok'],
    [404, 'dead'],
    [410, 'dead'],
    [400, 'dead'],
    [403, 'dead'],
    [500, 'error'],
    [503, 'error'],
    [999, 'unverifiable'],
    [429, 'unverifiable'],
  ])('%i is %s', (status, verdict) => {
    expect(judgeResponse(status, {}, undefined, []).verdict).toBe(verdict);
  });

  it('accepted statuses count as ok', () => {
    expect(judgeResponse(403, {}, undefined, [403])).toEqual({ verdict: 'ok' });
  });

  it('recognises bot walls by header and by body markers', () => {
    expect(judgeResponse(403, { 'cf-mitigated': 'challenge' }, undefined, [])).toMatchObject({ verdict: 'unverifiable', reason: 'cf-mitigated: challenge' });
    expect(judgeResponse(503, { server: 'cloudflare' }, '<div id="challenge-platform">', [])).toMatchObject({ verdict: 'unverifiable', reason: 'Cloudflare challenge' });
    expect(judgeResponse(403, { 'x-datadome': 'protected' }, '', [])).toMatchObject({ reason: 'DataDome challenge' });
    expect(judgeResponse(403, {}, '<script src="https://ct.captcha-delivery.com/c.js">', [])).toMatchObject({ reason: 'DataDome challenge' });
    expect(judgeResponse(403, {}, '<div id="px-captcha">', [])).toMatchObject({ reason: 'PerimeterX challenge' });
    expect(judgeResponse(403, { server: 'AkamaiGHost' }, 'Access Denied', [])).toMatchObject({ reason: 'Akamai bot protection' });
  });

  it('a Cloudflare marker from another server is an ordinary dead page', () => {
    expect(judgeResponse(403, { server: 'nginx' }, 'Just a moment...', []).verdict).toBe('dead');
    expect(judgeResponse(404, { server: 'cloudflare' }, 'cf-chl', []).verdict).toBe('dead');
  });
});

describe('judgeFailure', () => {
  it('our own deadline is a timeout, retried at most once', () => {
    expect(judgeFailure(new Error('aborted'), true, 500)).toMatchObject({ verdict: 'timeout', reason: 'timed out after 500 ms', isTimeout: true, retryable: true });
  });

  it.each([
    ['ENOTFOUND', 'dns', 'ENOTFOUND'],
    ['EAI_AGAIN', 'resolver', 'EAI_AGAIN'],
    ['ECONNREFUSED', 'connect', 'ECONNREFUSED'],
    ['ENETUNREACH', 'route', 'ENETUNREACH'],
    ['EHOSTUNREACH', 'route', 'EHOSTUNREACH'],
  ])('%s is a %s error with a stable reason prefix', (code, failureClass, prefix) => {
    const judged = judgeFailure(withCode(code), false, 1000);
    expect(judged).toMatchObject({ verdict: 'error', failureClass, retryable: false, isGetWorthTrying: false });
    expect(judged.reason?.startsWith(prefix)).toBe(true);
  });

  it('finds the code along the cause chain', () => {
    const wrapped = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET', cause: withCode('ECONNRESET') });
    expect(judgeFailure(wrapped, false, 1000)).toMatchObject({ verdict: 'error', reason: 'ECONNRESET: connection reset by the server', retryable: true, isGetWorthTrying: true });
  });

  it('maps connect timeouts, TLS, protocol and refused addresses', () => {
    expect(judgeFailure(withCode('UND_ERR_CONNECT_TIMEOUT'), false, 1000)).toMatchObject({ verdict: 'timeout', reason: 'connect timeout', failureClass: 'connect' });
    expect(judgeFailure(withCode('DEPTH_ZERO_SELF_SIGNED_CERT'), false, 1000)).toMatchObject({ verdict: 'error', reason: 'TLS: self-signed certificate', failureClass: 'tls' });
    expect(judgeFailure(withCode('CERT_HAS_EXPIRED'), false, 1000)).toMatchObject({ reason: 'TLS: certificate expired' });
    expect(judgeFailure(withCode('HPE_INVALID_CONSTANT'), false, 1000)).toMatchObject({ verdict: 'error', reason: 'malformed response (HPE_INVALID_CONSTANT)', failureClass: 'protocol' });
    expect(judgeFailure(withCode('UND_ERR_HEADERS_OVERFLOW'), false, 1000)).toMatchObject({ reason: 'response headers too large' });
    expect(judgeFailure(new PrivateAddressError('10.0.0.1'), false, 1000)).toMatchObject({
      verdict: 'refused',
      failureClass: 'refused-address',
      reason: 'refused: private address 10.0.0.1, not checked (allow with --allow-private 10.0.0.1 or links.allowPrivate)',
    });
  });
});
