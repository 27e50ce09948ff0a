// The link checker: one dispatcher (a pool per origin), one set of limits, each distinct URL fetched once.
import { setMaxListeners } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { hostOf } from '../url/url.js';
import { createAddressGuard } from './address-guard.js';
import { createHostBreaker } from './breaker.js';
import {
  DEFAULT_LINK_CHECKER_OPTIONS,
  type CheckResult,
  type LinkChecker,
  type LinkCheckerOptions,
} from './check-options.js';
import { followUrl, type FollowContext } from './follow.js';
import { createAgent } from './http.js';
import { createPacedAdmission } from './admission.js';
import { createLoadGovernor, eventLoopUtilizationSampler } from './load-governor.js';
import { createRequestScheduler } from './limits.js';

export { DEFAULT_LINK_CHECKER_OPTIONS };
export type { CheckResult, LinkChecker, LinkCheckerOptions };

/** How often the load governor looks at the event loop, and the checks it lets run at first and at least. */
const GOVERNOR_INTERVAL_MS = 100;
const GOVERNOR_FLOOR = 64;

/**
 * Creates a link checker. Options not given take {@link DEFAULT_LINK_CHECKER_OPTIONS}; `hosts`
 * overrides are merged over the default ones host by host.
 */
export function createLinkChecker(partial: Partial<LinkCheckerOptions> = {}): LinkChecker {
  // `stop()` cuts requests under way short through the same signal a caller may pass.
  const stopController = new AbortController();
  const resolved = resolveOptions(partial);
  const signal = resolved.signal ? AbortSignal.any([resolved.signal, stopController.signal]) : stopController.signal;
  // Every request of the run listens on this one signal: many listeners are expected, not a leak.
  setMaxListeners(0, signal);
  const options: LinkCheckerOptions = { ...resolved, signal };
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => abortableSleep(ms, options.signal));
  const random = options.random ?? Math.random;
  const guard = createAddressGuard(options.allowPrivate);
  // Every connection of the checker's own, and the second client a refused 1xx answer is retried with, resolve through
  // this one guarded lookup. A dispatcher passed in (a test's mock) sees every request, so it gets no second client.
  const guardedLookup = options.dispatcher ? undefined : guard.wrapLookup(options.lookup);
  // Only pools we built are ours to close; a dispatcher passed in belongs to the caller.
  const ownAgent = !guardedLookup
    ? undefined
    : createAgent({
        connectTimeoutMs: options.connectTimeoutMs,
        requestTimeoutMs: options.requestTimeoutMs,
        lookup: guardedLookup,
        connectionsPerOrigin: Math.max(options.perHostConcurrency, ...Object.values(options.hosts).map((h) => h.perHostConcurrency ?? 0)),
        maxSockets: options.concurrency,
      });
  const dispatcher: Dispatcher = options.dispatcher ?? ownAgent!;
  const perHostLimit = (host: string): number => options.hosts[host]?.perHostConcurrency ?? options.perHostConcurrency;
  const perHostInterval = (host: string): number => options.hosts[host]?.perHostIntervalMs ?? options.perHostIntervalMs;
  let isStopped = false;
  // Fewer checks start while this process cannot keep up with the answers (see load-governor.ts).
  const governor = createLoadGovernor({ utilization: eventLoopUtilizationSampler(), now, intervalMs: GOVERNOR_INTERVAL_MS, floor: GOVERNOR_FLOOR });
  // Twice the request limit keeps every host slot fed across redirects and retries; the rest of a host's URLs wait
  // as a queued callback, not as a check in progress with its buffers and timers, and each starts when its host's
  // gap allows its first request.
  const admission = createPacedAdmission({
    windowFor: (host) => 2 * perHostLimit(host),
    intervalFor: perHostInterval,
    readyInMs: (host) => scheduler.readyInMs(host),
    now,
    sleep,
    isStopped: () => isStopped || options.signal?.aborted === true,
    gate: { allows: (running) => governor.allows(running), retryMs: GOVERNOR_INTERVAL_MS },
  });
  const scheduler = createRequestScheduler({
    concurrency: options.concurrency,
    limitsFor: (host) => ({ concurrency: perHostLimit(host), intervalMs: perHostInterval(host) }),
    now,
    sleep,
    backlogOf: (host) => admission.pending(host) + (options.backlogOf?.(host) ?? 0),
    isAborted: () => options.signal?.aborted === true,
    // A finished host's idle connections are closed now rather than at their keep-alive timeout.
    onHostIdle: (host) => ownAgent?.closeHost(host),
    onCloseConnections: (host) => ownAgent?.closeHost(host),
  });
  const breaker = createHostBreaker(options.breakerFailures, (host, isFailing) => scheduler.probeOnly(host, isFailing));
  const ctx: FollowContext = { options, dispatcher, scheduler, guard, now, sleep, random, breaker };
  if (guardedLookup) ctx.fallbackLookup = guardedLookup;
  // A URL asked for again while its check is under way shares it; once settled, only the result is kept.
  const underWay = new Map<string, Promise<CheckResult>>();
  const settled = new Map<string, CheckResult>();

  return {
    check(url) {
      const known = settled.get(url);
      if (known) return Promise.resolve(known);
      let result = underWay.get(url);
      if (!result) {
        // Once stopped, URLs still waiting are not fetched, and those cut short say so rather than report the abort.
        const run = () => (isStopped || options.signal?.aborted ? Promise.resolve(notChecked(url)) : followUrl(ctx, url));
        // URLs that don't parse are admitted under '' and fail at once.
        result = admission.run(hostOf(url), run).then((outcome) => {
          const checked = isStopped && outcome.reason === 'aborted' ? notChecked(url) : outcome;
          underWay.delete(url);
          settled.set(url, checked);
          options.onResult?.(checked);
          return checked;
        });
        underWay.set(url, result);
      }
      return result;
    },
    stop() {
      isStopped = true;
      stopController.abort();
    },
    async close() {
      // destroy, not close: close would wait for background drains of stalled bodies to hit
      // their deadline, and a checker being closed has no more use for its connections.
      await ownAgent?.destroy();
    },
    stats: () => ({ ...scheduler.stats(), trippedHosts: breaker.trippedHosts() }),
  };
}

/** The result for a URL the checker was told to stop before fetching: no attempt, so no evidence either way. */
function notChecked(url: string): CheckResult {
  return { url, verdict: 'error', reason: 'not checked: the run was stopped', attempts: 0, durationMs: 0 };
}

function resolveOptions(partial: Partial<LinkCheckerOptions>): LinkCheckerOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
  const hosts: LinkCheckerOptions['hosts'] = { ...DEFAULT_LINK_CHECKER_OPTIONS.hosts };
  for (const [host, overrides] of Object.entries(partial.hosts ?? {})) {
    hosts[host.toLowerCase()] = { ...hosts[host.toLowerCase()], ...overrides };
  }
  return { ...DEFAULT_LINK_CHECKER_OPTIONS, ...defined, hosts, retries: Math.min(3, Math.max(0, partial.retries ?? DEFAULT_LINK_CHECKER_OPTIONS.retries)) };
}

async function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await delay(ms, undefined, signal ? { signal } : {});
  } catch {
    // Aborted: the caller sees the signal and stops.
  }
}
