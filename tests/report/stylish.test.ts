import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/report/stylish.js';
import { wrapWords } from '../../src/report/wrap.js';
import { cleanReport, fixtureReport } from './fixture.js';

describe('stylish reporter', () => {
  it('groups problems by file in position order with a count line and a link summary', async () => {
    const out = stylish(fixtureReport(), { color: false });
    await expect(out).toMatchFileSnapshot('./__snapshots__/stylish.txt');
    const lines = out.split('\n');
    expect(lines[0]).toBe('lists/awesome-tools.md');
    // Not padded to the longest message; the fixable problem is marked.
    expect(lines[1]).toBe('  5:28   error    Unexpected en dash separator, expected ` - `  entry-separator (fixable)');
    expect(lines[2]).toBe('  12:10  warning  Unexpected `serving` in a title-case heading, expected `Serving`  heading-case');
    expect(out).toContain('✖ 3 problems (2 errors, 1 warning)\n  1 error potentially fixable with --fix');
    expect(out).toContain('Links: 3 URLs checked: 1 ok, 1 redirect, 1 dead');
    expect(out).not.toContain('\u001b[');
    expect(out).not.toContain('lists/clean.md');
  });

  it('keeps each diagnostic on one line', () => {
    const out = stylish(fixtureReport(), { color: false });
    expect(out).toContain('a|b second line, 100% sure  link-dead');
  });

  it('wraps long messages to the terminal width under themselves, keeping rule ids whole', () => {
    const out = stylish(fixtureReport(), { color: false, width: 60 });
    const lines = out.split('\n');
    expect(lines.slice(1, 6)).toEqual([
      '  5:28   error    Unexpected en dash separator, expected',
      '                  ` - `  entry-separator (fixable)',
      '  12:10  warning  Unexpected `serving` in a title-case',
      '                  heading, expected `Serving`  heading-case',
      '',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    // Wide enough: one line each.
    expect(stylish(fixtureReport(), { color: false, width: 200 })).toBe(stylish(fixtureReport(), { color: false }));
  });

  it('words counts in the singular and says which severities are fixable', () => {
    const report = fixtureReport();
    const first = report.files.find((f) => f.diagnostics.length > 0)!;
    const warning = { ...first.diagnostics.find((d) => d.fix)!, severity: 'warning' as const, start: { line: 99, column: 1, offset: 900 } };
    first.diagnostics.push(warning, { ...warning, start: { line: 100, column: 1, offset: 950 } });
    expect(stylish(report, { color: false })).toContain('  1 error and 2 warnings potentially fixable with --fix');
  });

  it('colours only when asked', () => {
    const out = stylish(fixtureReport(), { color: true });
    expect(out).toContain('\u001b[31merror  \u001b[39m');
    expect(out).toContain('\u001b[33mwarning\u001b[39m');
    expect(out).toContain('\u001b[4mlists/awesome-tools.md\u001b[24m');
  });

  it('prints a short success line for a clean run', () => {
    expect(stylish(cleanReport(), { color: false })).toBe('✔ No problems found in 1 file\n');
  });

  it('says loudly when the network was down', () => {
    const out = stylish({ ...fixtureReport(), networkDown: true }, { color: false });
    expect(out).toMatch(/⚠ The network was unreachable: link verdicts from this run are not trustworthy\n$/);
  });
});

describe('wrapWords', () => {
  it('breaks between words, keeps code spans whole, cuts only words longer than the width', () => {
    expect(wrapWords('Unexpected `a - b` here', 12)).toEqual(['Unexpected', '`a - b` here']);
    expect(wrapWords('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(wrapWords('short', 10)).toEqual(['short']);
  });
});
