// Link checking's plain data: what the checker returns for each distinct URL.
import type { Position } from '../diagnostics.js';

/** What became of one URL. */
export type Verdict =
  | 'ok'
  | 'redirect' //      the URL answers through one or more redirects
  | 'dead' //          404, 410 and other definitive client errors
  | 'error' //         DNS, TLS, refused connection, reset, malformed response, redirect loop
  | 'timeout'
  | 'refused' //       not checked: the host is (or resolves to) a private address the guard refuses
  | 'unverifiable' //  bot walls, rate limits that never lift, 999: not evidence of death
  | 'excluded' //      matched links.exclude
  | 'skipped'; //      mailto:, tel:, in-page anchors, relative paths (the linter checks those)

/** Coarse class of a failed check: where in the exchange it failed. */
export type FailureClass =
  | 'dns' //             the resolver answered: no such name (proof the network is up)
  | 'resolver' //        the resolver itself could not be reached or did not answer
  | 'route' //           no route to the network or host (the machine may be offline)
  | 'connect' //         the connection was refused or timed out
  | 'tls'
  | 'http'
  | 'timeout'
  | 'refused-address'
  | 'protocol';

/** One hop of a redirect chain. */
export interface RedirectHop {
  url: string;
  /** HTTP status that sent us on (301, 302, 303, 307, 308). */
  status: number;
}

/** Where a URL occurs. */
export interface LinkOccurrence {
  file: string;
  start: Position;
  end: Position;
  /** The URL exactly as written in the file (what a fix replaces). */
  written: string;
  /** Range of the written URL in the file, when known (fixes need it). */
  urlStart?: number;
  urlEnd?: number;
}

/** The checker's verdict on one distinct URL, with the evidence. */
export interface LinkResult {
  url: string;
  verdict: Verdict;
  /** Final HTTP status seen, when there was one. */
  status?: number;
  /** For `redirect`: every hop, in order, and where it ended. */
  redirects?: RedirectHop[];
  finalUrl?: string;
  /** True when every hop was permanent (301/308): a fix may rewrite the URL. */
  permanent?: boolean;
  /** Human-readable cause for error/timeout/unverifiable/dead (e.g. `ECONNREFUSED`, `cf-mitigated: challenge`). */
  reason?: string;
  /** Coarse class of a failure, so callers can tell e.g. "network down" (dns/connect) from a dead link. */
  failureClass?: FailureClass;
  /** For GitHub repositories found archived. */
  archived?: boolean;
  attempts: number;
  /** True when no request was made because the host's circuit breaker had opened (the reason says why). */
  isHostClosed?: boolean;
  durationMs: number;
  fromCache: boolean;
  /** How many separate runs this URL has failed on in a row (from the cache). */
  failedRuns?: number;
  occurrences: LinkOccurrence[];
}
