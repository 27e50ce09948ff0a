// The `links` block of the config file: how links are checked; every default is DEFAULT_LINKS (config/defaults.ts).
import * as z from 'zod';
import { DEFAULT_LINKS } from './defaults.js';

export { DEFAULT_LINKS };

const statusCode = z.number().int().min(100).max(599);

/** A `/regex/flags` pattern must compile; a plain pattern is a `*` wildcard and always valid. */
function isValidPattern(pattern: string): boolean {
  const regex = parseRegexPattern(pattern);
  if (regex === undefined) return true;
  try {
    new RegExp(regex.source, regex.flags);
    return true;
  } catch {
    return false;
  }
}

/** Splits `/source/flags` into its parts; `undefined` for a wildcard pattern. */
export function parseRegexPattern(pattern: string): { source: string; flags: string } | undefined {
  if (pattern.length < 2 || !pattern.startsWith('/')) return undefined;
  const close = pattern.lastIndexOf('/');
  if (close <= 0) return undefined;
  const flags = pattern.slice(close + 1);
  for (const flag of flags) if (!'imsu'.includes(flag)) return undefined;
  return { source: pattern.slice(1, close), flags };
}

/** Per-host overrides, keyed by hostname. */
export const linkHostSchema = z
  .object({
    perHostConcurrency: z.number().int().min(1).max(64).optional().describe('In-flight requests to this host.'),
    perHostIntervalMs: z.number().int().min(0).optional().describe('Minimum gap in ms between requests to this host.'),
    acceptedStatus: z.array(statusCode).optional().describe('Extra HTTP statuses counted as alive for this host, e.g. [403].'),
    headers: z.record(z.string(), z.string()).optional().describe('Extra request headers for this host.'),
  })
  .strict();

/** The whole `links` block. */
export const linksSchema = z
  .object({
    exclude: z
      .array(
        z
          .string()
          .min(1)
          .refine(isValidPattern, { message: 'invalid regular expression' }),
      )
      .default(DEFAULT_LINKS.exclude)
      .describe('URLs not checked: whole-URL patterns with `*` wildcards (`https://example.com/*`) or `/regex/flags`.'),
    acceptedStatus: z
      .array(statusCode)
      .default(DEFAULT_LINKS.acceptedStatus)
      .describe('Extra HTTP statuses counted as alive everywhere (2xx always are).'),
    timeoutMs: z.number().int().min(100).default(DEFAULT_LINKS.timeoutMs).describe('Deadline of one request attempt in ms.'),
    connectTimeoutMs: z.number().int().min(100).default(DEFAULT_LINKS.connectTimeoutMs).describe('Deadline for opening a connection in ms.'),
    retries: z.number().int().min(0).max(3).default(DEFAULT_LINKS.retries).describe('Retries after the first attempt for transient failures (at most 3; timeouts are not retried).'),
    urlDeadlineMs: z
      .number()
      .int()
      .min(0)
      .default(DEFAULT_LINKS.urlDeadlineMs)
      .describe("Total time in ms one URL may take from its first request, across redirects, retries and waits (0: no limit)."),
    breakerFailures: z
      .number()
      .int()
      .min(0)
      .default(DEFAULT_LINKS.breakerFailures)
      .describe('Consecutive timeouts or connect failures after which a host gets no more requests in the run (0: never).'),
    concurrency: z
      .number()
      .int()
      .min(1)
      .max(4_096)
      .default(DEFAULT_LINKS.concurrency)
      .describe('Most requests in flight at once, all hosts together; a run uses at most its distinct hosts × `perHostConcurrency`.'),
    perHostConcurrency: z.number().int().min(1).max(64).default(DEFAULT_LINKS.perHostConcurrency).describe('Requests in flight to one host.'),
    perHostIntervalMs: z.number().int().min(0).default(DEFAULT_LINKS.perHostIntervalMs).describe('Minimum gap in ms between requests to one host.'),
    hosts: z
      .record(z.string().min(1), linkHostSchema)
      .default({})
      .describe('Per-host overrides keyed by hostname, e.g. `{ "github.com": { "perHostConcurrency": 1 } }`.'),
    cache: z
      .object({
        path: z.string().min(1).default(DEFAULT_LINKS.cache.path).describe('Cache file, relative to the working directory.'),
        ttlHours: z.number().min(0).default(DEFAULT_LINKS.cache.ttlHours).describe('How long a success is reused without re-checking.'),
        confirmAfterRuns: z
          .number()
          .int()
          .min(1)
          .max(100)
          .default(DEFAULT_LINKS.cache.confirmAfterRuns)
          .describe('Separate runs a link must fail on before it is reported at full severity.'),
      })
      .strict()
      .default({ ...DEFAULT_LINKS.cache })
      .describe('The link cache: reused successes and consecutive failure counts.'),
    allowPrivate: z
      .array(z.string().min(1))
      .default(DEFAULT_LINKS.allowPrivate)
      .describe('Hostnames, IPs or CIDRs allowed to resolve to private or loopback addresses.'),
    github: z
      .object({
        tokenEnv: z.string().min(1).default(DEFAULT_LINKS.github.tokenEnv).describe('Environment variable holding a GitHub token.'),
        apiUrl: z.url().default(DEFAULT_LINKS.github.apiUrl).describe('GitHub API base URL (GitHub Enterprise: `https://host/api`).'),
      })
      .strict()
      .default({ ...DEFAULT_LINKS.github })
      .describe('GitHub repository links are checked through the API when the token variable is set.'),
  })
  .strict();

/** Link settings as written in a config file (every key optional). */
export type LinksInput = z.input<typeof linksSchema>;
/** Link settings as resolved. */
export type LinksConfig = z.output<typeof linksSchema>;
