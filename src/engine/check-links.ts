// The link stage of a run: hands the linted files' links and the resolved config to the link-check pipeline.
import type { Diagnostic } from '../diagnostics.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { linksSchema } from '../config/links-schema.js';
import type { LinkIo, LinkProgressEvent } from '../links/index.js';
import type { LinkRef } from '../markdown/types.js';
import type { LinkResult } from '../links/types.js';

/** What a run hands the link check: the parsed files' links, the resolved config, the link flags and where messages go. */
export interface LinkCheckInput {
  /**
   * The files' links. The real pipeline takes them file by file and empties each file's `links` once they are out,
   * so the link references can be collected while the URLs are checked.
   */
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
  /** Working directory, environment (token) and the warning channel. */
  io: LinkIo;
  /** Progress as results come in; absent: none. */
  onProgress?: (event: LinkProgressEvent) => void;
}

/** What the link check found; `networkDown` becomes exit code 3, `diagnostic.fix` goes into the fix loop. */
export interface LinkCheckOutput {
  diagnostics: Diagnostic[];
  results: LinkResult[];
  networkDown: boolean;
}

/** A link checker as a run calls it; tests pass a scripted one. */
export type LinkCheckerRun = (input: LinkCheckInput) => Promise<LinkCheckOutput>;

/**
 * Runs the link-check pipeline (loaded on first use, so a plain lint never loads undici), fed file by file: a file's
 * URLs are being checked while the next file's links are extracted, and only compact occurrences stay behind.
 */
export async function runLinkChecks(input: LinkCheckInput): Promise<LinkCheckOutput> {
  const { startLinkRun } = await import('../links/index.js');
  const { argv } = input;
  const run = await startLinkRun({
    // A config resolved without a `links` block still gets every default.
    config: input.config.links ?? linksSchema.parse({}),
    linkSeverity: input.config.linkRules,
    changedSince: argv.changedSince,
    shard: argv.shard,
    cache: argv.cache,
    allowPrivate: argv.allowPrivate,
    quiet: argv.quiet,
    io: input.io,
    onProgress: input.onProgress,
  });
  for (const file of input.files) {
    // A copy: with `changedSince` the run holds the file until the diff is known.
    run.addFile({ file: file.file, links: file.links });
    file.links = [];
    // Let the first requests go out (and their answers in) before the next file is extracted.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return run.finish();
}
