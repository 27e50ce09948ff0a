import { describe, expect, it } from 'vitest';
import { defaultParseBudgetMs, RISKY_INLINE_CHARS, scanInlineRisk, timedOutMessage } from '../../src/lint/risk.js';

/** A plain curated list: `count` entries under a few headings, nested now and then. */
function plainList(count: number): string {
  const lines = ['# Awesome Things', '', 'A curated list of things.', ''];
  for (let i = 0; i < count; i++) {
    if (i % 1000 === 0) lines.push('', `## Section ${i / 1000}`, '');
    const indent = i % 7 === 6 ? '  ' : '';
    lines.push(`${indent}- [Project ${i}](https://example.com/projects/${i}/home) - A tool that does thing ${i} well, with a longer description for realism.`);
  }
  return `${lines.join('\n')}\n`;
}

describe('scanInlineRisk', () => {
  it('passes a 2 MB list of 20,000 entries', () => {
    const text = plainList(20_000);
    expect(text.length).toBeGreaterThan(2_000_000);
    const risk = scanInlineRisk(text);
    expect(risk.isRisky).toBe(false);
    expect(risk.chars).toBeLessThan(200);
  });

  it('flags a 20 KB single paragraph over many lines, and a single long line', () => {
    const paragraph = scanInlineRisk(`# Title\n\n${'some words ]( here\n'.repeat(1100)}\n- item\n`);
    expect(paragraph).toMatchObject({ isRisky: true, kind: 'paragraph', line: 3 });
    expect(paragraph.chars).toBeGreaterThan(20_000);
    expect(scanInlineRisk(']('.repeat(30_000))).toMatchObject({ isRisky: true, line: 1, chars: 60_000 });
  });

  it('ends paragraphs at blank lines and block starts, not at lines that only look like them', () => {
    const chunk = 'x'.repeat(1000);
    expect(scanInlineRisk(`${chunk}\n\n`.repeat(100)).isRisky).toBe(false);
    expect(scanInlineRisk(`- ${chunk}\n# h\n> ${chunk}\n1. ${chunk}\n---\n`.repeat(100)).isRisky).toBe(false);
    // An indented item (code-level relative to the paragraph), `2.` and an empty item cannot interrupt a paragraph.
    expect(scanInlineRisk(`para\n${`${chunk}\n      - x\n`.repeat(20)}`).isRisky).toBe(true);
    expect(scanInlineRisk(`para\n${`${chunk}\n2. x\n*\n`.repeat(20)}`).isRisky).toBe(true);
    // Lazy lines and `>` lines of the same quote are one paragraph.
    expect(scanInlineRisk(`> a\n${`> ${chunk}\n${chunk}\n`.repeat(10)}`).isRisky).toBe(true);
  });

  it('treats table rows as runs of their own, but not pipes in a paragraph', () => {
    const rows = '| x | y |\n'.repeat(2000);
    expect(scanInlineRisk(`| a | b |\n|---|---|\n${rows}`).isRisky).toBe(false);
    const long = scanInlineRisk(`| a | b |\n|---|---|\n| x | ${'y'.repeat(20_000)} |\n`);
    expect(long).toMatchObject({ isRisky: true, line: 3 });
    // No delimiter row (or a cell count that does not match): a paragraph, however many pipes.
    expect(scanInlineRisk(`a | b\n${rows}`).isRisky).toBe(true);
    expect(scanInlineRisk(`| a |\n|---|---|\n${rows}`).isRisky).toBe(true);
  });

  it('flags a very large table', () => {
    expect(scanInlineRisk(`| a | b |\n|---|---|\n${'| x | y |\n'.repeat(30_000)}`)).toMatchObject({ isRisky: true, kind: 'table', line: 1 });
  });

  it('has a threshold, a default budget and a message', () => {
    expect(scanInlineRisk('x'.repeat(RISKY_INLINE_CHARS)).isRisky).toBe(false);
    expect(scanInlineRisk('x'.repeat(RISKY_INLINE_CHARS + 1)).isRisky).toBe(true);
    expect(defaultParseBudgetMs(1024 * 1024)).toBe(30_000);
    const risk = scanInlineRisk(']('.repeat(512 * 1024));
    expect(timedOutMessage('lists/x.md', 30_000, risk)).toBe(
      'lists/x.md: took longer than 30 s to parse (longest paragraph 1.0 MB at line 1); is it generated or hostile? Split it or exclude it with `ignore`',
    );
  });
});
