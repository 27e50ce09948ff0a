// One HTTP exchange with undici: the per-checker Agent, the request deadline, and body handling.
import type { Dispatcher } from 'undici';
import type { LookupFunction } from 'node:net';
import type { GuardedLookup } from './address-guard.js';
import type { Readable } from 'node:stream';
import { decodeBodyPrefix, discardBody, MAX_BODY_BYTES, readBodyPrefix } from './body.js';
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
  /** Most sockets open at once (the global concurrency), closing ones included. */
  maxSockets?: number;
}

/** How long an idle connection is kept for the host's next request; a server's longer keep-alive hint is not followed. */
export const KEEP_ALIVE_MS = 4_000;

/**
 * Builds the checker's own keep-alive dispatcher (a few connections per origin, closed per host when its work is done). It is
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
    ...(options.maxSockets !== undefined ? { maxSockets: options.maxSockets } : {}),
  });
}

/** One request to send. */
export interface ExchangeRequest {
  url: URL;
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
 *
 * It dispatches with a handler of its own rather than through `request()`: a link check needs the status, the
 * headers and at most a small body prefix, and `request()` builds a body stream, an abort controller and a
 * promise chain per request. Tens of thousands of those, alive across a scavenge, are what swells the heap.
 */
export function sendRequest(req: ExchangeRequest): Promise<Exchange> {
  return new Promise<HandlerOutcome>((resolve) => {
    const handler = new ExchangeHandler(req, resolve);
    handler.send();
  }).then((outcome) => (outcome.kind === 'retry-with-node-http' ? sendWithNodeHttp(req, outcome.lookup, outcome.deadline) : outcome));
}

/** What the handler settles with: an exchange, or a request for the second client (a refused 1xx answer). */
type HandlerOutcome = Exchange | { kind: 'retry-with-node-http'; lookup: GuardedLookup; deadline: AbortSignal };

/** How the body of a response is treated once its headers are in. */
type BodyPlan = 'none' | 'read' | 'drain';

/** One exchange as undici's dispatch handler: settles once with what the link check needs, then lets go. */
class ExchangeHandler implements Dispatcher.DispatchHandler {
  readonly #req: ExchangeRequest;
  #resolve: ((outcome: HandlerOutcome) => void) | undefined;
  #controller: Dispatcher.DispatchController | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** Why the exchange was cut short (deadline or the run's signal); undici is told as soon as it can be. */
  #abortReason: Error | undefined;
  #isTimedOut = false;
  #plan: BodyPlan = 'none';
  #status = 0;
  #headers: ResponseHeaders = {};
  #chunks: Buffer[] = [];
  #bodyBytes = 0;
  readonly #sentAt = performance.now();
  /** The run was stopped: cut this exchange short too. */
  readonly #onOuterAbort = (): void => this.#cut(asError(this.#req.signal?.reason));

  constructor(req: ExchangeRequest, resolve: (outcome: HandlerOutcome) => void) {
    this.#req = req;
    this.#resolve = resolve;
  }

  send(): void {
    const req = this.#req;
    if (req.signal?.aborted) return this.#cut(asError(req.signal.reason));
    this.#timer = setTimeout(() => {
      this.#isTimedOut = true;
      this.#cut(new Error(`timed out after ${req.timeoutMs} ms`));
    }, req.timeoutMs);
    req.signal?.addEventListener('abort', this.#onOuterAbort, { once: true });
    const url = req.url;
    try {
      req.dispatcher.dispatch(
        {
          origin: url.origin,
          path: url.pathname + url.search,
          method: req.method,
          headers: req.headers,
          // undici closes the connection after every HEAD by default (a guard against servers that
          // send a body anyway). We check thousands of HEADs per host, so keep the connection: a stray
          // body then surfaces as a parse error on the next request, which falls back to GET or retries.
          ...(req.closeAfter ? { reset: true } : req.method === 'HEAD' ? { reset: false } : {}),
        },
        this,
      );
    } catch (error) {
      this.#finish();
      this.#settle({ kind: 'failure', error, timedOut: false });
    }
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    // Cut short before undici got this far (a slow lookup, a queued request): tell it now.
    if (this.#abortReason) controller.abort(this.#abortReason);
  }

  onResponseStart(controller: Dispatcher.DispatchController, status: number, headers: ResponseHeaders): void {
    // Informational answers (103 Early Hints and the like) come before the real one: skip them, as RFC 9110 asks.
    if (!this.#resolve || status < 200) return;
    this.#status = status;
    this.#headers = headers;
    const req = this.#req;
    if (req.method === 'GET' && req.shouldReadBody(status)) {
      this.#plan = 'read';
      return;
    }
    this.#settle({ kind: 'response', status, headers });
    if (req.method === 'HEAD') {
      // No body follows a HEAD; letting the exchange complete keeps the connection for reuse.
      this.#plan = 'drain';
    } else if (isSmallBody(headers)) {
      // A small declared body is drained, still under the deadline, so the connection can be reused without
      // holding the request slot on a server that stalls.
      this.#plan = 'drain';
    } else {
      this.#finish();
      controller.abort(new Error('body not needed'));
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#plan !== 'read') return;
    const room = MAX_BODY_BYTES - this.#bodyBytes;
    this.#chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    this.#bodyBytes += Math.min(room, chunk.length);
    if (this.#bodyBytes >= MAX_BODY_BYTES) {
      this.#settleWithBody();
      this.#finish();
      controller.abort(new Error('body prefix read'));
    }
  }

  onResponseEnd(): void {
    this.#finish();
    if (this.#plan === 'read') this.#settleWithBody();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#finish();
    // Aborted or reset mid-body: the status is already known, the prefix is a bonus.
    if (this.#plan === 'read') return this.#settleWithBody();
    if (!this.#resolve) return;
    const req = this.#req;
    const deadline = req.fallbackLookup && isInformationalRefusal(error) ? this.#deadlineSignal() : undefined;
    if (req.fallbackLookup && deadline) {
      this.#settle({ kind: 'retry-with-node-http', lookup: req.fallbackLookup, deadline });
      return;
    }
    this.#settle({ kind: 'failure', error, timedOut: this.#isTimedOut });
  }

  /** Deadline or the run's signal: settle now (keeping a body prefix already being read) and abort the exchange. */
  #cut(reason: Error): void {
    this.#abortReason ??= reason;
    this.#finish();
    if (this.#plan === 'read') this.#settleWithBody();
    else this.#settle({ kind: 'failure', error: reason, timedOut: this.#isTimedOut });
    this.#controller?.abort(reason);
  }

  /** What is left of the deadline as a signal, for the second client; none once it has passed. */
  #deadlineSignal(): AbortSignal | undefined {
    if (this.#abortReason) return undefined;
    const remainingMs = this.#req.timeoutMs - (performance.now() - this.#sentAt);
    if (remainingMs <= 0) return undefined;
    const timeout = AbortSignal.timeout(Math.ceil(remainingMs));
    return this.#req.signal ? AbortSignal.any([timeout, this.#req.signal]) : timeout;
  }

  #settleWithBody(): void {
    if (!this.#resolve) return;
    const resolve = this.#resolve;
    this.#resolve = undefined;
    const raw = Buffer.concat(this.#chunks, this.#bodyBytes);
    this.#chunks = [];
    const status = this.#status;
    const headers = this.#headers;
    // The status is the answer; a prefix that cannot be decoded only means no marker can be found in it.
    void decodeBodyPrefix(raw, headers['content-encoding']).then(
      (decoded) => resolve({ kind: 'response', status, headers, bodyPrefix: decoded.toString('latin1') }),
      () => resolve({ kind: 'response', status, headers, bodyPrefix: '' }),
    );
  }

  #settle(outcome: HandlerOutcome): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    resolve?.(outcome);
  }

  /** The exchange needs no more watching: its deadline and the run's signal let go of it. */
  #finish(): void {
    clearTimeout(this.#timer);
    this.#req.signal?.removeEventListener('abort', this.#onOuterAbort);
  }
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason ?? 'aborted'));
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
  try {
    return await exchangeWithNodeHttp(req, lookup, signal);
  } catch (error) {
    return { kind: 'failure', error, timedOut: (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError' };
  }
}

async function exchangeWithNodeHttp(req: ExchangeRequest, lookup: GuardedLookup, signal: AbortSignal): Promise<Exchange> {
  const response = await requestWithNodeHttp({ url: req.url.href, method: req.method, headers: req.headers, lookup, signal, maxHeaderBytes: MAX_HEADER_BYTES });
  const status = response.statusCode ?? 0;
  const headers: ResponseHeaders = response.headers;
  const bodyPrefix = req.method === 'GET' && req.shouldReadBody(status) ? await readBodyText(response, headers) : undefined;
  discardBody(response);
  return { kind: 'response', status, headers, ...(bodyPrefix !== undefined ? { bodyPrefix } : {}) };
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
