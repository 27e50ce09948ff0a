import { applyPatch, createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/lint/fix-diff.js';

/** A small deterministic random source, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Edits a text the way fixes do (change a line, insert or drop a few), sometimes everywhere. */
function edit(text: string, next: () => number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const roll = next();
    if (roll < 0.1) out.push(`${line} changed`);
    else if (roll < 0.13) continue;
    else if (roll < 0.16) out.push(line, 'inserted');
    else out.push(line);
  }
  return out.join('\n');
}

describe('unifiedDiff', () => {
  it('prints what the diff package prints for a few changes', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n';
    for (const after of ['a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nK', 'b\nc\nd\ne\nf\ng\nh\ni\nj\nk\n', 'a\nb\nc\nd\nX\nY\ne\nf\ng\nh\ni\nj\nk\nl\n', '']) {
      expect(unifiedDiff('x.md', before, after)).toBe(createTwoFilesPatch('a/x.md', 'b/x.md', before, after, undefined, undefined, { context: 3 }));
    }
    expect(unifiedDiff('x.md', '', 'y\n')).toBe(createTwoFilesPatch('a/x.md', 'b/x.md', '', 'y\n', undefined, undefined, { context: 3 }));
    expect(unifiedDiff('x.md', 'same', 'same')).toBe('');
  });

  it('produces a patch that turns the old text into the new one, CRLF and missing final newline included', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const count = Math.floor(next() * 40);
      const eol = next() < 0.3 ? '\r\n' : '\n';
      const lines = Array.from({ length: count }, () => ['- item', '', '## Heading', `- entry ${Math.floor(next() * 5)}`][Math.floor(next() * 4)]!);
      const before = lines.join(eol) + (next() < 0.5 ? eol : '');
      const after = next() < 0.1 ? lines.map((line) => `${line}!`).join(eol) : edit(before, next);
      const patch = unifiedDiff('x.md', before, after);
      expect(applyPatch(before, patch), JSON.stringify({ before, after })).toBe(after);
    }
  });

  it('shows a text whose every line changed as blocks, still applicable', () => {
    const before = Array.from({ length: 500 }, (_, i) => `- entry ${i}`).join('\n') + '\n';
    const after = before.replaceAll('- entry', '* entry');
    const patch = unifiedDiff('x.md', before, after);
    expect(applyPatch(before, patch)).toBe(after);
    expect(patch.split('\n').filter((line) => line.startsWith('-- entry'))).toHaveLength(500);
  });
});
