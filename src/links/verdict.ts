// Turning one HTTP answer or network failure into a verdict, a reason and a failure class.
import { PRIVATE_ADDRESS_CODE, isLookupFailure } from './address-guard.js';
import type { FailureClass, Verdict } from './types.js';

/** A verdict with its evidence, before redirects and attempts are added. */
export interface Judgement {
  verdict: Verdict;
  reason?: string;
  failureClass?: FailureClass;
}

/** Response headers as undici gives them. */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** Text markers of bot walls, searched case-insensitively in the first bytes of a body. */
const CHALLENGE_MARKERS: Array<[marker: string, label: string]> = [
  ['cf-chl', 'Cloudflare challenge'],
  ['challenge-platform', 'Cloudflare challenge'],
  ['just a moment...', 'Cloudflare challenge'],
  ['attention required! | cloudflare', 'Cloudflare challenge'],
  ['captcha-delivery.com', 'DataDome challenge'],
  ['datadome', 'DataDome challenge'],
  ['px-captcha', 'PerimeterX challenge'],
  ['_pxappid', 'PerimeterX challenge'],
  ['perimeterx', 'PerimeterX challenge'],
  ['errors.edgesuite.net', 'Akamai bot protection'],
];

/** True when the body prefix is worth reading for this answer (a possible bot wall). */
export function mayBeChallenge(status: number): boolean {
  return status === 403 || status === 503 || status === 429 || status === 401;
}

/**
 * Judges a final (non-redirect) HTTP answer. `bodyPrefix` is the first bytes of a GET body when
 * they were read, `accepted` extra statuses counted as ok.
 */
export function judgeResponse(status: number, headers: ResponseHeaders, bodyPrefix: string | undefined, accepted: readonly number[]): Judgement {
  if ((status >= 200 && status < 300) || accepted.includes(status)) return { verdict: 'ok' };
  // LinkedIn answers 999 to anything that looks automated: not evidence either way.
  if (status === 999) return { verdict: 'unverifiable', reason: 'status 999 (bot wall)', failureClass: 'http' };
  const challenge = findChallenge(status, headers, bodyPrefix);
  if (challenge) return { verdict: 'unverifiable', reason: challenge, failureClass: 'http' };
  if (status === 429) return { verdict: 'unverifiable', reason: 'rate limited (429)', failureClass: 'http' };
  if (status >= 400 && status < 500) return { verdict: 'dead', reason: `HTTP ${status}`, failureClass: 'http' };
  return { verdict: 'error', reason: `HTTP ${status}`, failureClass: 'http' };
}

function findChallenge(status: number, headers: ResponseHeaders, bodyPrefix: string | undefined): string | undefined {
  if (headerText(headers['cf-mitigated']).toLowerCase() === 'challenge') return 'cf-mitigated: challenge';
  if (!mayBeChallenge(status)) return undefined;
  if (headers['x-datadome'] !== undefined || headers['x-dd-b'] !== undefined) return 'DataDome challenge';
  const server = headerText(headers.server).toLowerCase();
  const body = (bodyPrefix ?? '').toLowerCase();
  if (server === 'akamaighost' && (status === 403 || body.includes('access denied'))) return 'Akamai bot protection';
  for (const [marker, label] of CHALLENGE_MARKERS) {
    // Cloudflare markers only count from a Cloudflare server, so an ordinary 403 page that happens
    // to mention "just a moment..." stays dead.
    if (label.startsWith('Cloudflare') && server !== 'cloudflare') continue;
    if (body.includes(marker)) return label;
  }
  return undefined;
}

function headerText(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

/** How a network failure is judged and whether it may be retried. */
export interface FailureJudgement extends Judgement {
  retryable: boolean;
  /** Timeouts are retried at most once. */
  isTimeout: boolean;
  /** Could a GET succeed where a HEAD failed like this? (Not for DNS, refused connections, TLS.) */
  isGetWorthTrying: boolean;
}

/** The resolver answered: the name does not exist or has no address. Proof that the network is up. */
const NO_SUCH_NAME_CODES = new Set(['ENOTFOUND', 'EAI_NONAME', 'EAI_NODATA', 'ENODATA', 'ENONAME']);
/** The resolver could not be asked or gave no answer (`dns.lookup` reports an unreachable resolver as EAI_AGAIN). */
const RESOLVER_DOWN_CODES = new Set(['EAI_AGAIN', 'EAI_FAIL', 'ESERVFAIL', 'ECONNREFUSED', 'ETIMEOUT', 'ETIMEDOUT', 'ECONNRESET']);
/** No route from this machine: what an offline machine answers to any connect. */
const NO_ROUTE_REASONS: Record<string, string> = {
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'network down',
  EHOSTUNREACH: 'no route to host',
  EHOSTDOWN: 'host down',
  EADDRNOTAVAIL: 'no usable local address',
};
const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS: self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS: self-signed certificate',
  CERT_HAS_EXPIRED: 'TLS: certificate expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS: certificate does not match the host name',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS: unable to verify the certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS: unknown certificate issuer',
};

/**
 * Judges a failed request. `timedOut` is true when our own per-attempt deadline fired. Reasons of
 * DNS and connect failures start with the error code (`ENOTFOUND`, `ECONNREFUSED`…) or `connect timeout`,
 * followed by what it means; `failureClass` tells a name that does not exist (`dns`, the network is up)
 * from a resolver that could not be reached (`resolver`) and a machine without a route (`route`).
 */
export function judgeFailure(error: unknown, timedOut: boolean, timeoutMs: number): FailureJudgement {
  const base = { retryable: false, isTimeout: false, isGetWorthTrying: false };
  if (timedOut) {
    return { ...base, verdict: 'timeout', reason: `timed out after ${timeoutMs} ms`, failureClass: 'timeout', retryable: true, isTimeout: true };
  }
  const { code, name, message, address, isFromResolver, bytesRead } = describeError(error);
  if (code === PRIVATE_ADDRESS_CODE) {
    return { ...base, verdict: 'refused', reason: message, failureClass: 'refused-address' };
  }
  const fail = (reason: string, failureClass: FailureClass, extra: Partial<FailureJudgement> = {}): FailureJudgement => ({
    ...base,
    verdict: 'error',
    reason,
    failureClass,
    ...extra,
  });
  if (NO_SUCH_NAME_CODES.has(code)) return fail(`${code}: no such host`, 'dns');
  if (isFromResolver || code.startsWith('EAI_')) {
    return RESOLVER_DOWN_CODES.has(code) || code.startsWith('EAI_')
      ? fail(`${code}: DNS resolver unreachable or not answering`, 'resolver')
      : fail(`${code}: DNS lookup failed`, 'resolver');
  }
  const noRoute = NO_ROUTE_REASONS[code];
  if (noRoute) return fail(`${code}${address ? ` ${address}` : ''}: ${noRoute}`, 'route');
  if (code === 'ECONNREFUSED') return fail(`ECONNREFUSED${address ? ` ${address}` : ''}: connection refused`, 'connect');
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return { ...base, verdict: 'timeout', reason: 'connect timeout', failureClass: 'connect', retryable: true, isTimeout: true };
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return { ...base, verdict: 'timeout', reason: `timed out after ${timeoutMs} ms`, failureClass: 'timeout', retryable: true, isTimeout: true };
  }
  const tlsReason = TLS_REASONS[code];
  if (tlsReason) return fail(tlsReason, 'tls');
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.includes('CERT')) return fail(`TLS: ${message}`, 'tls');
  const transient = { retryable: true, isGetWorthTrying: true };
  if (code === 'ECONNRESET') return fail('ECONNRESET: connection reset by the server', 'protocol', transient);
  if (code === 'EPIPE') return fail('EPIPE: the server closed the connection while the request was sent', 'protocol', transient);
  if (code === 'ECONNABORTED') return fail('ECONNABORTED: connection aborted', 'protocol', transient);
  if (code === 'UND_ERR_SOCKET' && message === 'bad response') {
    return fail('malformed response: the server sent bytes that are not a valid HTTP response', 'protocol', { isGetWorthTrying: true });
  }
  if (code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') {
    // undici says "other side closed" both before the status line and mid-body; bytes read tell them apart.
    const when = bytesRead === 0 ? 'without answering' : bytesRead === undefined ? 'early' : 'before the response ended';
    return fail(`closed early: the server closed the connection ${when}`, 'protocol', transient);
  }
  if (code === 'UND_ERR_HEADERS_OVERFLOW' || code === 'HPE_HEADER_OVERFLOW') return fail('response headers too large', 'protocol');
  if (code.startsWith('HPE_') || code === 'UND_ERR_INFO' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
    return fail(`malformed response (${code})`, 'protocol', { isGetWorthTrying: true });
  }
  // undici's parser errors carry no code when llhttp gave none: the bytes were not HTTP at all.
  if (name === 'HTTPParserError') return fail(`malformed response: ${message}`, 'protocol', { isGetWorthTrying: true });
  if (code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') return fail('aborted', 'protocol');
  return fail(code ? `${code}: ${message}` : message, 'protocol', { isGetWorthTrying: true });
}

interface ErrorDescription {
  code: string;
  /** The error class's name (`HTTPParserError`…). */
  name: string;
  message: string;
  address?: string;
  /** The error came from resolving the name, not from the connection. */
  isFromResolver: boolean;
  /** Bytes the socket had read when it failed, when undici reports it. */
  bytesRead?: number;
}

/** Finds the most specific error code along the `cause` chain (undici wraps socket errors). */
function describeError(error: unknown): ErrorDescription {
  let current: unknown = error;
  let first: ErrorDescription | undefined;
  let isFromResolver = false;
  let bytesRead: number | undefined;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const withCode = current as Error & { code?: unknown; address?: unknown; port?: unknown; syscall?: unknown; socket?: { bytesRead?: unknown } };
    const code = typeof withCode.code === 'string' ? withCode.code : '';
    isFromResolver ||= isLookupFailure(current) || (typeof withCode.syscall === 'string' && /^(getaddrinfo|query)/.test(withCode.syscall));
    if (bytesRead === undefined && typeof withCode.socket?.bytesRead === 'number') bytesRead = withCode.socket.bytesRead;
    const address = typeof withCode.address === 'string' ? `${withCode.address}${typeof withCode.port === 'number' ? `:${withCode.port}` : ''}` : undefined;
    const described: ErrorDescription = { code, name: withCode.name, message: oneLine(withCode.message), isFromResolver, ...(address ? { address } : {}) };
    first ??= described;
    // Prefer a system or TLS code over undici's generic wrapper codes.
    if (code && code !== 'UND_ERR_SOCKET') return { ...described, isFromResolver, ...(bytesRead !== undefined ? { bytesRead } : {}) };
    current = withCode.cause;
  }
  const found = first ?? { code: '', name: '', message: oneLine(String(error)), isFromResolver };
  return { ...found, isFromResolver, ...(bytesRead !== undefined ? { bytesRead } : {}) };
}

function oneLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
