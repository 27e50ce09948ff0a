// `npm run bench`: the lint benchmark, then the link benchmark when it exists (`LINT_LISTS_BENCH_ONLY=lint|links` runs one).
import { existsSync } from 'node:fs';
import { BENCH_RUNS, formatBenchTable, PEERS_FOLDER, runLintBench } from './lint.js';

const only = process.env.LINT_LISTS_BENCH_ONLY;

try {
  if (only !== 'links') {
    const rows = runLintBench();
    const peers = PEERS_FOLDER ? `peers from ${PEERS_FOLDER}` : 'no peers (set LINT_LISTS_BENCH_PEERS to a folder with markdownlint-cli2 installed)';
    process.stdout.write(`Lint (${BENCH_RUNS} runs each, interleaved, own process, Node start-up included; ${peers})\n\n${formatBenchTable(rows)}\n\n`);
  }
  const linksBench = new URL('./links.ts', import.meta.url);
  if (only !== 'lint' && existsSync(linksBench)) {
    const { runLinkBench } = (await import(linksBench.href)) as { runLinkBench?: () => Promise<unknown> };
    if (typeof runLinkBench === 'function') await runLinkBench();
  }
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
