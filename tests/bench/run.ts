// `npm run bench`: the lint benchmark, then the link benchmark when it exists.
import { existsSync } from 'node:fs';
import { formatBenchTable, runLintBench } from './lint.js';

try {
  const rows = runLintBench();
  process.stdout.write(`Lint (median of 3 runs, each in its own process; wall time includes Node start-up)\n\n${formatBenchTable(rows)}\n\n`);
  const linksBench = new URL('./links.ts', import.meta.url);
  if (existsSync(linksBench)) {
    const { runLinkBench } = (await import(linksBench.href)) as { runLinkBench?: () => Promise<unknown> };
    if (typeof runLinkBench === 'function') await runLinkBench();
  }
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
