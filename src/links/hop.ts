// Fetching one URL of a redirect chain: HEAD, GET fallback, bounded retries, Retry-After pauses.
import type { Dispatcher } from 'undici';
import type { HostBreaker, TripCause } from './breaker.js';
import type { AddressGuard, GuardedLookup } from './address-guard.js';
import type { LinkCheckerOptions } from './check-options.js';
import { sendRequest, type Exchange } from './http.js';
import type { RequestScheduler } from './limits.js';
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from './retry.js';
import type { UrlDeadline } from './url-deadline.js';
import { judgeFailure, judgeResponse, mayBeChallenge, type FailureJudgement, type ResponseHeaders } from './verdict.js';

/** What a checker shares with every hop it fetches. */
export interface HopContext {
  options: LinkCheckerOptions;
  dispatcher: Dispatcher;
  scheduler: RequestScheduler;
  /** Judges each hop's host before it is requested (IP literals; names are judged by the guarded lookup). */
  guard: AddressGuard;
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
  /** Stops requests to hosts that keep timing out or refusing connections. */
  breaker?: HostBreaker;
  /** The guarded lookup of the checker's own connections, for the second client; none with a dispatcher passed in. */
  fallbackLookup?: GuardedLookup;
}

/** How fetching one hop ended, with the number of requests it took. */
export type HopOutcome = { attempts: number } & (
  | { kind: 'response'; status: number; headers: ResponseHeaders; bodyPrefix?: string }
  | { kind: 'failure'; judgement: FailureJudgement; isHostClosed?: boolean }
  | { kind: 'rate-limited'; status: number; reason: string }
);

/** Extra statuses accepted for `host` (global list plus the host's own); no copy when the host adds none. */
export function acceptedStatusFor(options: LinkCheckerOptions, host: string): readonly number[] {
  const own = options.hosts[host]?.acceptedStatus;
  return own && own.length > 0 ? [...options.acceptedStatus, ...own] : options.acceptedStatus;
}

/** A hop cut short by the run's signal. */
const ABORTED: FailureJudgement = {
  verdict: 'error',
  reason: 'aborted',
  failureClass: 'protocol',
  retryable: false,
  isTimeout: false,
  isGetWorthTrying: false,
};

/** A request that was never sent: the host's breaker is open, or the URL's deadline has passed. */
type Unsent = { kind: 'unsent'; judgement: FailureJudgement; isHostClosed: boolean };

/** The URL's deadline ran out: a timeout that says whose budget it was. */
export function deadlineReached(deadline: UrlDeadline, attempts: number): FailureJudgement {
  const seconds = Math.round(deadline.budgetMs / 100) / 10;
  return { ...ABORTED, verdict: 'timeout', reason: `gave up after the URL's ${seconds} s deadline (${attempts} requests)`, failureClass: 'timeout' };
}

/** What a finished request tells the breaker: silence or a refused connection counts, any answer resets. */
function tripCause(exchange: Exchange, timeoutMs: number): TripCause | undefined {
  if (exchange.kind === 'response') return undefined;
  if (exchange.timedOut) return 'timeout';
  const failureClass = judgeFailure(exchange.error, false, timeoutMs).failureClass;
  return failureClass === 'connect' || failureClass === 'route' ? 'connect' : undefined;
}

/**
 * Fetches `url` with HEAD, falling back to GET when HEAD fails for any reason but a timeout, and
 * retries what is worth retrying. Every request goes through the host's limiter, the host's breaker and the URL's
 * deadline: a request never outlives the deadline, and no retry wait is started that would.
 */
export async function fetchHop(ctx: HopContext, url: URL, headers: Record<string, string>, deadline: UrlDeadline): Promise<HopOutcome> {
  const host = url.hostname;
  const accepted = acceptedStatusFor(ctx.options, host);
  // Already clamped to 0–3 when the checker's options were resolved.
  const maxRetries = ctx.options.retries;
  let method: 'HEAD' | 'GET' = 'HEAD';
  let attempts = 0;
  let retriesUsed = 0;

  const send = (verb: 'HEAD' | 'GET'): Promise<Exchange | Unsent> =>
    // Breaker and deadline are read once the slot is granted: either may have changed while the request queued.
    ctx.scheduler.run(host, async ({ shouldClose }): Promise<Exchange | Unsent> => {
      const refusal = ctx.breaker?.refusal(host);
      if (refusal) return { kind: 'unsent', judgement: refusal, isHostClosed: true };
      deadline.start(ctx.now());
      const timeoutMs = Math.min(ctx.options.requestTimeoutMs, deadline.remainingMs(ctx.now()));
      if (timeoutMs <= 0) return { kind: 'unsent', judgement: deadlineReached(deadline, attempts), isHostClosed: false };
      attempts += 1;
      const exchange = await sendRequest({
        url,
        method: verb,
        headers,
        dispatcher: ctx.dispatcher,
        timeoutMs,
        shouldReadBody: mayBeChallenge,
        // The scheduler keeps idle connections within the global limit.
        closeAfter: shouldClose,
        ...(ctx.fallbackLookup ? { fallbackLookup: ctx.fallbackLookup } : {}),
        ...(ctx.options.signal ? { signal: ctx.options.signal } : {}),
      });
      if (!ctx.options.signal?.aborted) ctx.breaker?.record(host, tripCause(exchange, timeoutMs));
      // Cut short by the URL's deadline rather than the request's own timeout: say so.
      if (exchange.kind === 'failure' && exchange.timedOut && timeoutMs < ctx.options.requestTimeoutMs) {
        return { kind: 'unsent', judgement: deadlineReached(deadline, attempts), isHostClosed: false };
      }
      return exchange;
    });

  for (;;) {
    let exchange = await send(method);
    if (ctx.options.signal?.aborted) return { kind: 'failure', judgement: ABORTED, attempts };
    if (exchange.kind === 'unsent') return { kind: 'failure', judgement: exchange.judgement, isHostClosed: exchange.isHostClosed, attempts };
    if (method === 'HEAD' && isGetWorthTrying(exchange, accepted, ctx.options.requestTimeoutMs)) {
      // Many servers mishandle HEAD (405, 403, 404, 501, resets); GET is the real answer.
      method = 'GET';
      exchange = await send('GET');
      if (exchange.kind === 'unsent') return { kind: 'failure', judgement: exchange.judgement, isHostClosed: exchange.isHostClosed, attempts };
    }

    if (exchange.kind === 'failure') {
      const judgement = judgeFailure(exchange.error, exchange.timedOut, ctx.options.requestTimeoutMs);
      // A timeout is not retried: the same wait again is rarely answered, and the host's breaker and the next run
      // are better evidence than doubling the time a silent link holds its slot.
      const mayRetry = judgement.retryable && !judgement.isTimeout && retriesUsed < maxRetries;
      if (!mayRetry) return { kind: 'failure', judgement, attempts };
      const waitMs = backoffDelayMs(retriesUsed, ctx.random);
      if (waitMs >= deadline.remainingMs(ctx.now())) return { kind: 'failure', judgement, attempts };
      await ctx.sleep(waitMs);
      if (ctx.options.signal?.aborted) return { kind: 'failure', judgement: ABORTED, attempts };
      retriesUsed += 1;
      continue;
    }

    const { status } = exchange;
    const response: HopOutcome = { ...exchange, attempts };
    if (!isRetryableStatus(status)) return response;
    // A bot wall answering 503 won't change its mind on retry.
    if (status !== 429 && judgeResponse(status, exchange.headers, exchange.bodyPrefix, accepted).verdict === 'unverifiable') {
      return response;
    }
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfterMs(exchange.headers['retry-after'], ctx.now()) : undefined;
    if (retryAfterMs !== undefined && (retryAfterMs > ctx.options.retryAfterCapMs || retryAfterMs >= deadline.remainingMs(ctx.now()))) {
      return { kind: 'rate-limited', status, reason: `rate limited (Retry-After ${Math.ceil(retryAfterMs / 1000)}s)`, attempts };
    }
    if (retriesUsed >= maxRetries) return response;
    if (retryAfterMs !== undefined) {
      // The server asked the whole host to slow down: hold every queued request to it, not just this URL.
      ctx.scheduler.pauseHost(host, ctx.now() + retryAfterMs);
    } else {
      const waitMs = backoffDelayMs(retriesUsed, ctx.random);
      if (waitMs >= deadline.remainingMs(ctx.now())) return response;
      await ctx.sleep(waitMs);
    }
    retriesUsed += 1;
  }
}

function isGetWorthTrying(exchange: Exchange, accepted: readonly number[], timeoutMs: number): boolean {
  if (exchange.kind === 'failure') {
    return !exchange.timedOut && judgeFailure(exchange.error, false, timeoutMs).isGetWorthTrying;
  }
  const { status } = exchange;
  if (status < 400 || accepted.includes(status)) return false;
  // "Slow down" answers are obeyed with the same method rather than doubled up with a GET.
  if (status === 429) return false;
  if (status === 503 && exchange.headers['retry-after'] !== undefined) return false;
  return true;
}
