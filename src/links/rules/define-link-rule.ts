// The link-rule API: a link check's verdict reported as a rule, with the same metadata as a lint rule.
import { STATUS_CODES } from 'node:http';
import * as z from 'zod';
import type { RuleMeta } from '../../rules/define-rule.js';
import type { LinkResult } from '../types.js';

/** A documented case: what the server did and what the rule reports (link checks have no inline snippet to run). */
export interface LinkRuleExample {
  /** What the server (or the network) did, e.g. "the server answers `404 Not Found`". */
  name: string;
  markdown: string;
  /** The messageId reported, or undefined when the example is fine. */
  messageId?: string;
}

/** What a link rule reports for one checked URL. */
export interface LinkFinding {
  messageId: string;
  /** Values for the message template. */
  data: Record<string, string | number>;
  /** The URL every occurrence should be rewritten to (a verified https upgrade, a permanent redirect's target). */
  rewriteTo?: string;
}

/** A link rule: documentation, options and the test on one link result. */
export interface LinkRule<Options = Record<string, never>> extends RuleMeta<Options> {
  examples: { valid: LinkRuleExample[]; invalid: LinkRuleExample[] };
  /**
   * True for failures a single run cannot prove: with a cache, they are only warnings until they failed on
   * `links.cache.confirmAfterRuns` separate runs.
   */
  needsConfirmation?: boolean;
  /** What to report for `result`, or undefined when this rule has nothing to say about it. */
  check(result: LinkResult, options: Options): LinkFinding | undefined;
}

/** A link rule with its option type erased, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry is heterogeneous by design
export type AnyLinkRule = LinkRule<any>;

/** Declares a link rule; only gives the literal its type. */
export function defineLinkRule<Options>(rule: LinkRule<Options>): LinkRule<Options> {
  return rule;
}

/** `404 Not Found`, or the reason when there was no response. */
export function describeStatus(result: LinkResult): string {
  if (result.status === undefined) return result.reason ?? 'no response';
  const text = STATUS_CODES[result.status];
  return text ? `${result.status} ${text}` : String(result.status);
}

/** Options of a link rule that has none. */
export const NO_OPTIONS = z.object({}).strict();
