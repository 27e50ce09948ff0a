// Whole documents under the recommended preset: real idioms raise no error and no fix, real defects are errors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { fixText } from '../../src/lint/fix.js';
import { lintText } from '../../src/lint/lint-text.js';
import { rules } from '../../src/rules/index.js';
import { setupFromConfig } from '../../src/lint/config-setup.js';

const setup = setupFromConfig(resolveConfig({}, { rules }), rules);
const read = (name: string): string => readFileSync(new URL(`../fixtures/lists/${name}`, import.meta.url), 'utf8');

describe('entry-idioms.md (real idioms, zero config)', () => {
  const text = read('entry-idioms.md');

  it('has no errors, and only style warnings a house style may settle', () => {
    const found = lintText('entry-idioms.md', text, setup).diagnostics.map((d) => `${d.start.line} ${d.severity} ${d.ruleId}`);
    expect(found.filter((line) => line.includes(' error '))).toEqual([]);
    expect(found.sort()).toEqual(
      [
        // Link-only entries (lines 22 and 23) sit among described ones without a clear majority either way (fewer
        // than 90% of entries have a description), so a missing description is not reported.
        // A lower-case name at the start of a description is reported but never re-cased.
        '26 warning entry-description-case',
        // ` - ` is the list's separator (attributions, "[X](url) by …", go on with the name and do not count): the one
        // full-width `：` is told, without a fix (a CJK description keeps its own punctuation).
        '24 warning entry-separator',
      ].sort(),
    );
  });

  it('is left unchanged by --fix', () => {
    const fixed = fixText('entry-idioms.md', text, setup);
    expect(fixed.text).toBe(text);
  });
});

describe('entry-defects.md (real defects, zero config)', () => {
  const text = read('entry-defects.md');
  const diagnostics = lintText('entry-defects.md', text, setup).diagnostics;
  const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.start.line} ${d.ruleId} ${d.messageId}`);

  it.each([
    ['a ToC link to a missing heading', '6 toc-sections broken'],
    ['a bullet without a space', '11 entry-lost-bullet unspaced'],
    ['a stray parenthesis', '12 link-malformed unbalanced'],
    ['an empty target', '13 link-malformed empty'],
    ['an empty link text', '14 link-malformed emptyText'],
    ['tracking parameters in an entry', '15 link-tracking tracking'],
    ['a link listed three times, once as a bare URL', '16 link-duplicate duplicate'],
    ['a short table row', '24 table-row-cells short'],
    ['a second title', '26 heading-title multiple'],
  ])('finds %s', (_name, expected) => {
    expect(errors).toContain(expected);
  });

  it('reports the duplicate group once, with the other occurrences related', () => {
    const duplicates = diagnostics.filter((d) => d.ruleId === 'link-duplicate');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]?.related?.map((place) => place.start.line)).toEqual([10, 17]);
  });

  it('fixes the lost bullet and the tracking parameters, and nothing it cannot vouch for', () => {
    const fixed = fixText('entry-defects.md', text, setup).text.split('\n');
    expect(fixed[10]).toBe('- [Plane](https://plane.example.org) - Flattens boards.');
    expect(fixed[14]).toBe('- [Mallet](https://mallet.example.org/) - Drives the chisel.');
    expect(fixed[11]).toBe('- [Saw](https://saw.example.org)) - Cuts across the grain.');
  });
});

describe('fixes that are not certain are withheld', () => {
  // Each idiom repeated so that the list is large enough for its conventions to be inferred.
  const described = Array.from({ length: 12 }, (_, i) => `- [Tool ${i}](https://tool${i}.example.org) - Builds project ${i} fast.`);
  const fixOf = (line: string): string => {
    const text = `# Tools\n\n## Build\n\n${[...described, line].join('\n')}\n`;
    return fixText('idioms.md', text, setup).text.split('\n')[4 + described.length]!;
  };

  it('keeps the case of a bracketed aside that opens a description', () => {
    expect(fixOf('- [Orm](https://orm.example.org) - (part of Grove) The object mapper.')).toBe('- [Orm](https://orm.example.org) - (part of Grove) The object mapper.');
  });

  it('adds no ASCII full stop after CJK text', () => {
    expect(fixOf('- [Lanterns](https://lanterns.example.org) - 灯笼系列')).toBe('- [Lanterns](https://lanterns.example.org) - 灯笼系列');
  });

  it('leaves an arrow and a pipe in place of a separator alone', () => {
    expect(fixOf('- [Arrow](https://arrow.example.org) -> Points the way.')).toBe('- [Arrow](https://arrow.example.org) -> Points the way.');
    expect(fixOf('- [Piped](https://piped.example.org) | Second part: notes.')).toBe('- [Piped](https://piped.example.org) | Second part: notes.');
  });
});

describe('final punctuation: only where a sentence ends', () => {
  const described = Array.from({ length: 12 }, (_, i) => `- [Tool ${i}](https://tool${i}.example.org) - Builds project ${i} fast.`);
  const lint = (line: string) => {
    const text = `# Tools\n\n## Build\n\n${[...described, line].join('\n')}\n`;
    return { found: lintText('idioms.md', text, setup).diagnostics.filter((d) => d.ruleId === 'entry-description-end'), fixed: fixText('idioms.md', text, setup).text.split('\n')[4 + described.length]! };
  };

  it('sets aside licence tags and source links after a finished sentence', () => {
    expect(lint('- [Grafter](https://grafter.example.org) - Joins branches. [MIT][Apache-2.0]').found).toEqual([]);
    expect(lint('- [Grafter](https://grafter.example.org) - Joins branches. - [source](https://src.example.org/grafter)').found).toEqual([]);
  });

  it('asks nothing of a description that is only a link, or an attribution', () => {
    expect(lint('- Groves - [awesome-groves](https://groves.example.org)').found).toEqual([]);
    expect(lint('- [Orchard Lore](https://lore.example.org) by Ida Brand').found).toEqual([]);
  });

  it('reports, but does not fix, an ending after a symbol or before a note on the same line', () => {
    const symbol = lint('- [Delta](https://delta.example.org) - Measures change Δ');
    expect(symbol.found).toHaveLength(1);
    expect(symbol.fixed).toBe('- [Delta](https://delta.example.org) - Measures change Δ');
  });
});

describe('entry-lost-bullet and a bare URL on the next line', () => {
  it('leaves an item\'s homepage URL folded under it alone', () => {
    const text = '# Tools\n\n- [Lister](https://lister.example.org) - Sorts lists.\nhttps://lister.example.org/home\n';
    expect(lintText('idioms.md', text, setup).diagnostics.filter((d) => d.ruleId === 'entry-lost-bullet')).toEqual([]);
  });
});

describe('final punctuation: notes joined by a slash, and labels without words', () => {
  const described = Array.from({ length: 12 }, (_, i) => `- [Tool ${i}](https://tool${i}.example.org) - Builds project ${i} fast.`);
  const found = (line: string) =>
    lintText('idioms.md', `# Tools\n\n## Build\n\n${[...described, line].join('\n')}\n`, setup).diagnostics.filter((d) => d.ruleId === 'entry-description-end');

  it('reads "[MIT]/[Apache-2.0]" after a finished sentence as notes', () => {
    expect(found('- [Bench](https://bench.example.org) - Catches slow builds. [MIT]/[Apache-2.0]')).toEqual([]);
  });

  it('asks no full stop of a description without a letter', () => {
    expect(found('- [Awesome Groves](https://groves.example.org) 2')).toEqual([]);
  });
});
