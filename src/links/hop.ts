// Fetching one URL of a redirect chain: HEAD, GET fallback, bounded retries, Retry-After pauses.
import type { Dispatcher } from 'undici';
import type { LinkCheckerOptions } from './check-options.js';
import { sendRequest, type Exchange } from './http.js';
import type { RequestScheduler } from './limits.js';
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from './retry.js';
import { judgeFailure, judgeResponse, mayBeChallenge, type FailureJudgement, type ResponseHeaders } from './verdict.js';

/** What a checker shares with every hop it fetches. */
export interface HopContext {
  options: LinkCheckerOptions;
  dispatcher: Dispatcher;
  scheduler: RequestScheduler;
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

/** How fetching one hop ended, with the number of requests it took. */
export type HopOutcome = { attempts: number } & (
  | { kind: 'response'; status: number; headers: ResponseHeaders; bodyPrefix?: string }
  | { kind: 'failure'; judgement: FailureJudgement }
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

/**
 * Fetches `url` with HEAD, falling back to GET when HEAD fails for any reason but a timeout, and
 * retries what is worth retrying. Every request goes through the host's limiter.
 */
export async function fetchHop(ctx: HopContext, url: URL, headers: Record<string, string>): Promise<HopOutcome> {
  const host = url.hostname;
  const accepted = acceptedStatusFor(ctx.options, host);
  // Already clamped to 0–3 when the checker's options were resolved.
  const maxRetries = ctx.options.retries;
  let method: 'HEAD' | 'GET' = 'HEAD';
  let attempts = 0;
  let retriesUsed = 0;
  let hasRetriedTimeout = false;

  const send = (verb: 'HEAD' | 'GET'): Promise<Exchange> => {
    attempts += 1;
    return ctx.scheduler.run(host, () =>
      sendRequest({
        url: url.href,
        method: verb,
        headers,
        dispatcher: ctx.dispatcher,
        timeoutMs: ctx.options.requestTimeoutMs,
        shouldReadBody: mayBeChallenge,
        ...(ctx.options.signal ? { signal: ctx.options.signal } : {}),
      }),
    );
  };

  for (;;) {
    let exchange = await send(method);
    if (ctx.options.signal?.aborted) return { kind: 'failure', judgement: ABORTED, attempts };
    if (method === 'HEAD' && isGetWorthTrying(exchange, accepted, ctx.options.requestTimeoutMs)) {
      // Many servers mishandle HEAD (405, 403, 404, 501, resets); GET is the real answer.
      method = 'GET';
      exchange = await send('GET');
    }

    if (exchange.kind === 'failure') {
      const judgement = judgeFailure(exchange.error, exchange.timedOut, ctx.options.requestTimeoutMs);
      const mayRetry = judgement.retryable && retriesUsed < maxRetries && !(judgement.isTimeout && hasRetriedTimeout);
      if (!mayRetry) return { kind: 'failure', judgement, attempts };
      hasRetriedTimeout ||= judgement.isTimeout;
      await ctx.sleep(backoffDelayMs(retriesUsed, ctx.random));
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
    if (retryAfterMs !== undefined && retryAfterMs > ctx.options.retryAfterCapMs) {
      return { kind: 'rate-limited', status, reason: `rate limited (Retry-After ${Math.ceil(retryAfterMs / 1000)}s)`, attempts };
    }
    if (retriesUsed >= maxRetries) return response;
    if (retryAfterMs !== undefined) {
      // The server asked the whole host to slow down: hold every queued request to it, not just this URL.
      ctx.scheduler.pauseHost(host, ctx.now() + retryAfterMs);
    } else {
      await ctx.sleep(backoffDelayMs(retriesUsed, ctx.random));
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
