// Growth, not speed: time on 2n entries against n. Linear work roughly doubles; quadratic work quadruples.
import { describe, expect, it } from 'vitest';
import { fixDiff } from '../../src/lint/fix.js';
import { linkDuplicate } from '../../src/rules/link-duplicate.js';
import { lintWith } from '../helpers/rule-tester.js';

function listOf(entries: number): string {
  const lines = Array.from({ length: entries }, (_, i) => `- [Tool ${i}](https://example.com/tools/${i}) - Tool number ${i}.`);
  return `${lines.join('\n')}\n- [Again](https://example.com/tools/7/) - Again.\n`;
}

/** The fastest of `runs` timings: the least disturbed by other work on a shared machine. */
function fastestMs(run: () => void, runs = 2): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('link-duplicate', () => {
  it('grows linearly: 2n entries take well under 4× the time of n', () => {
    const small = listOf(2_500);
    const large = listOf(5_000);
    expect(lintWith(linkDuplicate, large).map((d) => d.start.line)).toEqual([5_001]);
    const ratio = fastestMs(() => lintWith(linkDuplicate, large)) / fastestMs(() => lintWith(linkDuplicate, small));
    expect(ratio).toBeLessThan(3.2);
  }, 120_000);
});

/** A list of `entries` entries, each with one fixable problem (a tab separator), as `--fix` would fix it. */
function fixedPair(entries: number): { before: string; after: string } {
  const lines = Array.from({ length: entries }, (_, i) => `- [Tool ${i}](https://example.com/tools/${i})\tDoes job number ${i} well.`);
  const before = `# Tools\n\n${lines.join('\n')}\n`;
  return { before, after: before.replaceAll('\t', ' - ') };
}

// The --fix-dry-run diff was quadratic (808 s on a 3 MB file).
describe('--fix-dry-run diff', () => {
  it('grows linearly: twice the lines take well under 4× the time', () => {
    const small = fixedPair(20_000);
    const large = fixedPair(40_000);
    fixDiff('warm-up.md', small.before, small.after);
    const ratio = fastestMs(() => fixDiff('a.md', large.before, large.after), 5) / fastestMs(() => fixDiff('a.md', small.before, small.after), 5);
    // Linear gives ~2, quadratic ~4.
    expect(ratio).toBeLessThan(3);
  }, 120_000);
});
