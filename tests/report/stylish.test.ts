import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/report/stylish.js';
import { cleanReport, fixtureReport } from './fixture.js';

describe('stylish reporter', () => {
  it('groups problems by file in position order with a count line and a link summary', async () => {
    const out = stylish(fixtureReport(), { color: false });
    await expect(out).toMatchFileSnapshot('./__snapshots__/stylish.txt');
    const lines = out.split('\n');
    expect(lines[0]).toBe('lists/awesome-tools.md');
    expect(lines[1]).toBe('  5:28   error    Unexpected en dash separator, expected ` - `                      entry-separator');
    expect(lines[2]).toMatch(/^ {2}12:10 {2}warning {2}Unexpected `serving`.* {2}heading-case$/);
    expect(out).toContain('✖ 3 problems (2 errors, 1 warning)\n  1 fixable with --fix');
    expect(out).toContain('Links: 3 URLs checked: 1 ok, 1 redirect, 1 dead');
    expect(out).not.toContain('\u001b[');
    expect(out).not.toContain('lists/clean.md');
  });

  it('keeps each diagnostic on one line', () => {
    const out = stylish(fixtureReport(), { color: false });
    expect(out).toContain('a|b second line, 100% sure  link-dead');
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
