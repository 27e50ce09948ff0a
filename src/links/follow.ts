// Checking one URL end to end: following redirects by hand, hop by hop, through the guard.
import type { CheckResult } from './check-options.js';
import { acceptedStatusFor, deadlineReached, fetchHop, type HopContext } from './hop.js';
import type { FailureClass, RedirectHop, Verdict } from './types.js';
import { createUrlDeadline } from './url-deadline.js';
import { judgeResponse } from './verdict.js';

const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const PERMANENT_STATUS = new Set([301, 308]);
/** Headers that must not follow a redirect to another origin. */
const SENSITIVE_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** What following a chain needs: the hop context, whose guard judges each hop's host. */
export type FollowContext = HopContext;

/** Checks `rawUrl`, following up to `maxRedirects` redirects; never throws for network outcomes. */
export async function followUrl(ctx: FollowContext, rawUrl: string): Promise<CheckResult> {
  const startedMs = ctx.now();
  let attempts = 0;
  const hops: RedirectHop[] = [];
  const deadline = createUrlDeadline(ctx.options.urlDeadlineMs);
  const finish = (
    verdict: Verdict,
    extra: { status?: number; reason?: string; failureClass?: FailureClass; finalUrl?: string; isHostClosed?: boolean },
  ): CheckResult => {
    const { finalUrl, ...rest } = extra;
    return {
      url: rawUrl,
      verdict,
      ...rest,
      // The chain and where it ended are evidence only when there was a chain.
      ...(hops.length > 0
        ? { redirects: hops, permanent: hops.every((hop) => PERMANENT_STATUS.has(hop.status)), ...(finalUrl ? { finalUrl } : {}) }
        : {}),
      attempts,
      durationMs: Math.max(0, ctx.now() - startedMs),
    };
  };

  let current: URL;
  try {
    current = new URL(rawUrl);
  } catch {
    return finish('error', { reason: 'invalid URL', failureClass: 'protocol' });
  }
  if (!isHttp(current)) return finish('error', { reason: `unsupported scheme ${current.protocol}`, failureClass: 'protocol' });
  const startOrigin = current.origin;
  const seen = new Set<string>([current.href]);
  let hasCrossedOrigin = false;

  for (;;) {
    if (ctx.options.signal?.aborted) return finish('error', { reason: 'aborted', failureClass: 'protocol' });
    // Each hop is a new connection target, so the guard judges each one (IP literals here, names at connect).
    const refusal = ctx.guard.checkHostname(current.hostname);
    if (refusal) return finish('refused', { reason: refusal, failureClass: 'refused-address', finalUrl: current.href });

    if (deadline.remainingMs(ctx.now()) <= 0) {
      const { verdict, reason, failureClass } = deadlineReached(deadline, attempts);
      return finish(verdict, { reason, failureClass, finalUrl: current.href });
    }
    const outcome = await fetchHop(ctx, current, buildHeaders(ctx, current, hasCrossedOrigin), deadline);
    attempts += outcome.attempts;
    const finalUrl = current.href;
    if (outcome.kind === 'failure') {
      const { verdict, reason, failureClass } = outcome.judgement;
      return finish(verdict, { reason, failureClass, finalUrl, ...(outcome.isHostClosed ? { isHostClosed: true } : {}) });
    }
    if (outcome.kind === 'rate-limited') {
      return finish('unverifiable', { status: outcome.status, reason: outcome.reason, failureClass: 'http', finalUrl });
    }

    const { status, headers } = outcome;
    const location = headerValue(headers.location);
    if (!REDIRECT_STATUS.has(status) || location === undefined) {
      const judged = judgeResponse(status, headers, outcome.bodyPrefix, acceptedStatusFor(ctx.options, current.hostname));
      const verdict = judged.verdict === 'ok' && hops.length > 0 ? 'redirect' : judged.verdict;
      return finish(verdict, { status, ...stripUndefined({ reason: judged.reason, failureClass: judged.failureClass }), finalUrl });
    }

    hops.push({ url: current.href, status });
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      return finish('error', { status, reason: `invalid redirect Location ${truncate(location)}`, failureClass: 'protocol', finalUrl });
    }
    if (!isHttp(next)) {
      return finish('error', { status, reason: `refused: redirect to ${next.protocol} URL`, failureClass: 'protocol', finalUrl: next.href });
    }
    if (seen.has(next.href)) {
      return finish('error', { status, reason: 'redirect loop', failureClass: 'protocol', finalUrl: next.href });
    }
    if (hops.length > ctx.options.maxRedirects) {
      return finish('error', { status, reason: `too many redirects (more than ${ctx.options.maxRedirects})`, failureClass: 'protocol', finalUrl: next.href });
    }
    seen.add(next.href);
    hasCrossedOrigin ||= next.origin !== startOrigin;
    current = next;
  }
}

/**
 * Request headers for one hop: defaults, configured headers, the host's headers, and tokens
 * whose origin is exactly this URL's. Once a chain has left its starting origin, credentials are
 * dropped for the rest of it, as browsers do (Fetch standard, "HTTP-redirect fetch").
 */
export function buildHeaders(ctx: HopContext, url: URL, hasCrossedOrigin: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': ctx.options.userAgent,
    accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
    // Never ask for compressed bodies: we read at most a small prefix (one sent compressed anyway is inflated, bounded).
    'accept-encoding': 'identity',
  };
  const assign = (extra: Record<string, string> | undefined): void => {
    for (const [name, value] of Object.entries(extra ?? {})) headers[name.toLowerCase()] = value;
  };
  assign(ctx.options.headers);
  assign(ctx.options.hosts[url.hostname]?.headers);
  for (const token of ctx.options.tokens ?? []) {
    if (sameOrigin(token.origin, url)) headers[token.header.toLowerCase()] = token.value;
  }
  if (hasCrossedOrigin) for (const name of SENSITIVE_HEADERS) delete headers[name];
  // undici sets these itself; a user-supplied one could only break the exchange.
  delete headers.host;
  delete headers['content-length'];
  return headers;
}

function sameOrigin(origin: string, url: URL): boolean {
  try {
    return new URL(origin).origin === url.origin;
  } catch {
    return false;
  }
}

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function truncate(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
