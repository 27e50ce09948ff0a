// One HTTP exchange with undici: the per-checker Agent, the request deadline, and body handling.
import { request, type Dispatcher } from 'undici';
import type { LookupFunction } from 'node:net';
import type { GuardedLookup } from './address-guard.js';
import type { Readable } from 'node:stream';
import { decodeBodyPrefix, discardBody, readBodyPrefix } from './body.js';
import { HostPools } from './host-pools.js';
import { requestWithNodeHttp } from './node-http.js';
import type { ResponseHeaders } from './verdict.js';

/** Response headers larger than this fail the request instead of filling memory. */
export const MAX_HEADER_BYTES = 64 * 1024;

/** Options of {@link createAgent}. */
export interface AgentOptions {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** The guarded lookup every connection resolves through. */
  lookup: GuardedLookup;
  /** Most connections to one origin (the per-host request limit), so sockets never outnumber host slots. */
  connectionsPerOrigin?: number;
}

/** How long an idle connection is kept for the host's next request; a server's longer keep-alive hint is not followed. */
export const KEEP_ALIVE_MS = 4_000;

/**
 * Builds the checker's own keep-alive dispatcher (a pool per origin, closed per host when its work is done). It is
 * passed to each request as `dispatcher`; the global dispatcher is never touched, so embedding applications keep theirs.
 */
export function createAgent(options: AgentOptions): HostPools {
  return new HostPools({
    // Typed loosely because net's LookupFunction overloads can't be expressed by one function.
    connect: { timeout: options.connectTimeoutMs, lookup: options.lookup as unknown as LookupFunction },
    maxHeaderSize: MAX_HEADER_BYTES,
    // Per-chunk guards only; the real bound is the per-attempt deadline in sendRequest.
    headersTimeout: options.requestTimeoutMs,
    bodyTimeout: options.requestTimeoutMs,
    keepAliveTimeout: KEEP_ALIVE_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MS,
    ...(options.connectionsPerOrigin !== undefined ? { connections: options.connectionsPerOrigin } : {}),
  });
}

/** One request to send. */
export interface ExchangeRequest {
  url: string;
  method: 'HEAD' | 'GET';
  headers: Record<string, string>;
  dispatcher: Dispatcher;
  timeoutMs: number;
  /** Read the first bytes of the body when the status makes that worthwhile. */
  shouldReadBody(status: number): boolean;
  /** Close the connection after this exchange instead of keeping it for reuse. */
  closeAfter?: boolean;
  signal?: AbortSignal;
  /**
   * The guarded lookup for a second try with Node's own client when undici refuses the answer (an
   * unsolicited `100 Continue`); omitted when the dispatcher is not the checker's own (tests' mocks).
   */
  fallbackLookup?: GuardedLookup;
}

/** What one exchange produced: a response (status and headers, maybe a body prefix) or a failure. */
export type Exchange =
  | { kind: 'response'; status: number; headers: ResponseHeaders; bodyPrefix?: string }
  | { kind: 'failure'; error: unknown; timedOut: boolean };

/**
 * Sends one request under one total deadline covering connect, headers and any body bytes read:
 * undici's own headers/body timeouts restart on every chunk, so a server dripping a byte at a time
 * would hold the slot forever without it. The body is cancelled unread unless `shouldReadBody`.
 */
export async function sendRequest(req: ExchangeRequest): Promise<Exchange> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${req.timeoutMs} ms`));
  }, req.timeoutMs);
  const onOuterAbort = (): void => controller.abort(req.signal?.reason);
  if (req.signal?.aborted) onOuterAbort();
  else req.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const cleanUp = (): void => {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onOuterAbort);
  };
  let isCleanUpDeferred = false;
  try {
    const pending = request(req.url, {
      method: req.method,
      headers: req.headers,
      dispatcher: req.dispatcher,
      signal: controller.signal,
      // undici closes the connection after every HEAD by default (a guard against servers that
      // send a body anyway). We check thousands of HEADs per host, so keep the connection: a stray
      // body then surfaces as a parse error on the next request, which falls back to GET or retries.
      ...(req.closeAfter ? { reset: true } : req.method === 'HEAD' ? { reset: false } : {}),
    });
    let response: Dispatcher.ResponseData;
    try {
      response = await untilAborted(pending, controller.signal);
    } catch (error) {
      if (!req.fallbackLookup || controller.signal.aborted || !isInformationalRefusal(error)) throw error;
      return await sendWithNodeHttp(req, req.fallbackLookup, controller.signal);
    }
    const { statusCode: status, headers, body } = response;
    let bodyPrefix: string | undefined;
    if (req.method === 'GET' && req.shouldReadBody(status)) {
      bodyPrefix = await readBodyText(body, headers);
    } else if (req.method === 'HEAD') {
      // No body follows a HEAD; finishing the (empty) stream keeps the connection for reuse,
      // where destroying it would abort the request and close the socket.
      await body.dump({ limit: 0 }).catch(() => {});
    } else if (isSmallBody(headers)) {
      // A small declared body is drained in the background, still under the deadline, so the
      // connection can be reused without holding the request slot on a server that stalls.
      isCleanUpDeferred = true;
      body.on('error', () => {});
      void body.dump({ limit: SMALL_BODY_BYTES }).catch(() => {}).finally(cleanUp);
    } else {
      discardBody(body);
    }
    return { kind: 'response', status, headers, ...(bodyPrefix !== undefined ? { bodyPrefix } : {}) };
  } catch (error) {
    return { kind: 'failure', error, timedOut };
  } finally {
    if (!isCleanUpDeferred) cleanUp();
  }
}

/** The first bytes of a body as text for marker searches, decoded when it came compressed. */
async function readBodyText(body: Readable, headers: ResponseHeaders): Promise<string> {
  const raw = await readBodyPrefix(body);
  return (await decodeBodyPrefix(raw, headers['content-encoding'])).toString('latin1');
}

/**
 * undici fails a request with "bad response" when a `100 Continue` it did not ask for arrives, where RFC 9110
 * §15.2 says a client must parse and skip 1xx responses it did not expect. (It skips 103 and the others.)
 */
function isInformationalRefusal(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'UND_ERR_SOCKET' && message === 'bad response';
}

/**
 * Sends the request again with Node's HTTP client, which skips 1xx responses, on a fresh connection
 * through the same guarded lookup and under the caller's deadline (`signal`).
 */
async function sendWithNodeHttp(req: ExchangeRequest, lookup: GuardedLookup, signal: AbortSignal): Promise<Exchange> {
  const response = await requestWithNodeHttp({ url: req.url, method: req.method, headers: req.headers, lookup, signal, maxHeaderBytes: MAX_HEADER_BYTES });
  const status = response.statusCode ?? 0;
  const headers: ResponseHeaders = response.headers;
  const bodyPrefix = req.method === 'GET' && req.shouldReadBody(status) ? await readBodyText(response, headers) : undefined;
  discardBody(response);
  return { kind: 'response', status, headers, ...(bodyPrefix !== undefined ? { bodyPrefix } : {}) };
}

/**
 * Settles with `pending`, or rejects as soon as `signal` aborts. undici honours an abort only once the connection's
 * DNS lookup has finished, and a lookup can take the resolver's full timeout: the deadline must not wait for it.
 * A response that still arrives later has its body destroyed; a late failure is dropped.
 */
function untilAborted(pending: Promise<Dispatcher.ResponseData>, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
  const discardLate = (): void => void pending.then((late) => late.body.destroy(), () => {});
  if (signal.aborted) {
    discardLate();
    return Promise.reject(signal.reason);
  }
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      discardLate();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (response) => {
        signal.removeEventListener('abort', onAbort);
        resolve(response);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Bodies up to this size (declared by Content-Length) are drained rather than cut. */
const SMALL_BODY_BYTES = 16 * 1024;

function isSmallBody(headers: ResponseHeaders): boolean {
  const length = headers['content-length'];
  const text = Array.isArray(length) ? length[0] : length;
  if (text === undefined || text.length > 9) return false;
  const bytes = Number(text);
  return Number.isInteger(bytes) && bytes >= 0 && bytes <= SMALL_BODY_BYTES;
}
