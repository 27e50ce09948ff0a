// The `links` command's core: runs the link-check pipeline for files the CLI has already parsed.
import type { Diagnostic } from '../../diagnostics.js';
import type { ResolvedConfig } from '../../config/resolve.js';
import { linksSchema } from '../../config/links-schema.js';
import { checkLinks } from '../../links/index.js';
import type { LinkRef } from '../../markdown/types.js';
import type { LinkResult } from '../../links/types.js';
import type { Io } from '../io.js';

/** What the CLI hands the link check: parsed files' links, the resolved config, the relevant flags and the Io. */
export interface LinksCommandInput {
  files: Array<{ file: string; links: LinkRef[] }>;
  config: ResolvedConfig;
  argv: {
    fix: boolean;
    changedSince?: string;
    shard?: string;
    /** A cache file, `false` for `--no-cache`, absent for the configured one. */
    cache?: string | false;
    quiet: boolean;
    allowPrivate?: string[];
  };
  io: Io;
}

/** What the link check found; the CLI maps `networkDown` to exit code 3 and applies `diagnostic.fix` with `--fix`. */
export interface LinksCommandOutput {
  diagnostics: Diagnostic[];
  results: LinkResult[];
  networkDown: boolean;
}

/** Runs the link checks for the `links` command and `--links`. */
export async function runLinkChecks(input: LinksCommandInput): Promise<LinksCommandOutput> {
  const { argv } = input;
  const outcome = await checkLinks({
    files: input.files,
    // A config resolved without a `links` block still gets every default.
    config: input.config.links ?? linksSchema.parse({}),
    changedSince: argv.changedSince,
    shard: argv.shard,
    cache: argv.cache,
    allowPrivate: argv.allowPrivate,
    quiet: argv.quiet,
    io: input.io,
  });
  return outcome;
}
