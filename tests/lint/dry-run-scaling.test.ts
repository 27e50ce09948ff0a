// Stress test: the --fix-dry-run diff grows linearly with the file (it was quadratic: 808 s on a 3 MB file).
import { describe, expect, it } from 'vitest';
import { fixDiff } from '../../src/lint/fix.js';

/** A list of `entries` entries, each with one fixable problem (a tab separator), as `--fix` would fix it. */
function fixedPair(entries: number): { before: string; after: string } {
  const lines = Array.from({ length: entries }, (_, i) => `- [Tool ${i}](https://example.com/tools/${i})\tDoes job number ${i} well.`);
  const before = `# Tools\n\n${lines.join('\n')}\n`;
  return { before, after: before.replaceAll('\t', ' - ') };
}

/** The fastest of a few runs: the least disturbed by other work on the machine. */
function fastestMs(run: () => void, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('--fix-dry-run diff', () => {
  it('takes about twice as long for twice the lines, not four times', () => {
    const small = fixedPair(20_000);
    const large = fixedPair(40_000);
    fixDiff('warm-up.md', small.before, small.after);
    const smallMs = fastestMs(() => fixDiff('a.md', small.before, small.after));
    const largeMs = fastestMs(() => fixDiff('a.md', large.before, large.after));
    // Linear gives ~2, quadratic ~4; 3 leaves room for noise on a shared machine.
    expect(largeMs / smallMs).toBeLessThan(3);
  });
});
