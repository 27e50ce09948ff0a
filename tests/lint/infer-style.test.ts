// Style inference: values no config sets are learned per file, only a clear majority becomes a rule, configs win.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/index.js';
import { styleSchema } from '../../src/config/style-schema.js';
import { buildListModel } from '../../src/markdown/list-model.js';
import { inferFileStyle, MIN_ENTRIES } from '../../src/lint/infer-style.js';

const houseStyle = readFileSync(new URL('../fixtures/lists/house-style.md', import.meta.url), 'utf8');

/** `count` entries `- [Tool i](url)<separator>description`. */
function entries(count: number, separator: string, description = 'builds things fast', from = 0): string[] {
  return Array.from({ length: count }, (_, i) => `- [Tool ${from + i}](https://tool${from + i}.example.org)${separator}${description}`);
}

const list = (lines: string[]): string => `# Tools\n\n## Build\n\n${lines.join('\n')}\n`;

const styleRules = new Set(['entry-separator', 'entry-description-case', 'entry-description-end', 'entry-description', 'entry-shape']);

async function styleFindings(text: string, config = {}): Promise<string[]> {
  const linter = await createLinter(config);
  return linter
    .lintText(text)
    .filter((d) => styleRules.has(d.ruleId))
    .sort((a, b) => a.start.offset - b.start.offset)
    .map((d) => `${d.start.line} ${d.severity} ${d.ruleId}: ${d.message}`);
}

describe('a list with a house style of its own (zero config)', () => {
  it('reports only the entries that break the convention, as warnings naming the evidence', async () => {
    expect(await styleFindings(houseStyle)).toEqual([
      '10 warning entry-separator: Unexpected hyphen separator ` - `, expected ` – ` as in 13 of 14 entries',
      '12 warning entry-description-case: Unexpected upper-case `Tool`, expected `tool` as in 13 of 14 entries',
      '15 warning entry-description-end: Unexpected final `.`, expected no final punctuation as in 13 of 14 entries',
    ]);
  });

  it('fixes the exceptions towards the convention, and a second fix changes nothing', async () => {
    const linter = await createLinter({});
    const fixed = linter.fixText(houseStyle).text;
    expect(fixed).toContain('- [Dogwood](https://dogwood.example.org) – grafts saplings in rows of 5\n');
    expect(fixed).toContain('- [Fir](https://fir.example.org) – tool that maps saplings in rows of 7\n');
    expect(fixed).toContain('- [Ironwood](https://ironwood.example.org) – feeds saplings in rows of 10\n');
    expect(fixed.split('\n').length).toBe(houseStyle.split('\n').length);
    expect(linter.fixText(fixed).text).toBe(fixed);
  });
});

describe('what wins over inference', () => {
  it('a config value is used as written, with no evidence in the message', async () => {
    const found = await styleFindings(houseStyle, { style: { entry: { description: { separator: ' - ' } } } });
    const separators = found.filter((line) => line.includes('entry-separator'));
    expect(separators).toHaveLength(13);
    expect(separators[0]).toBe('7 warning entry-separator: Unexpected en dash separator ` – `, expected ` - `');
  });

  it('the awesome preset states its separator, case and ending', async () => {
    const found = await styleFindings(houseStyle, { extends: 'awesome' });
    expect(found.filter((line) => line.includes('entry-separator'))).toHaveLength(13);
    expect(found.filter((line) => line.includes('entry-description-end'))).toHaveLength(13);
  });
});

describe('when no convention clearly dominates', () => {
  it('says nothing about a value the entries are split on', async () => {
    // 8 of 14 (57%) use ` - `: below the 90% share.
    const text = list([...entries(8, ' - ', 'Builds things fast.'), ...entries(6, ' – ', 'Builds things fast.', 8)]);
    expect(await styleFindings(text)).toEqual([]);
  });

  it('learns nothing from fewer than 10 entries: the recommended style applies', async () => {
    const text = list(entries(MIN_ENTRIES - 1, ' – ', 'Builds things fast.'));
    const found = await styleFindings(text);
    expect(found).toHaveLength(MIN_ENTRIES - 1);
    expect(found[0]).toBe('5 warning entry-separator: Unexpected en dash separator ` – `, expected ` - `');
  });

  it('a link-only list is valid: no description is asked for', async () => {
    const text = list(Array.from({ length: 12 }, (_, i) => `- [Tool ${i}](https://tool${i}.example.org)`));
    expect(await styleFindings(text)).toEqual([]);
  });
});

describe('inferFileStyle', () => {
  const style = styleSchema.parse({});
  const doc = buildListModel('house-style.md', houseStyle, style);

  it('returns the learned values and how each was settled', () => {
    const inferred = inferFileStyle(doc, style, {});
    expect(inferred.style.entry.description).toMatchObject({ separator: ' – ', case: 'lower', end: 'none', required: true });
    expect(inferred.basis['entry.description.separator']).toEqual({ source: 'inferred', count: 13, total: 14 });
    expect(inferred.style.entry.badges).toBe('forbidden');
  });

  it('leaves values a config set (or set as a whole object) alone', () => {
    const inferred = inferFileStyle(doc, style, { 'entry.description.separator': 'lint-lists.config.json', 'entry.prefix': 'preset "x"' });
    expect(inferred.style.entry.description.separator).toBe(' - ');
    expect(inferred.basis['entry.description.separator']).toBeUndefined();
    expect(inferred.basis['entry.prefix']).toBeUndefined();
  });

  it('does not change the style it was given', () => {
    inferFileStyle(doc, style, {});
    expect(style.entry.description.separator).toBe(' - ');
  });
});

describe('a section with a convention of its own', () => {
  const described = entries(20, ' - ', 'Builds things fast.');
  const books = Array.from({ length: 4 }, (_, i) => `- [Book ${i}](https://books.example.org/${i})`);
  const text = `# Tools\n\n## Build\n\n${[...described, '- [Stray](https://stray.example.org)'].join('\n')}\n\n## Books\n\n${books.join('\n')}\n`;

  it('keeps it (a section of bare links among described tools) while a lone slip elsewhere is reported', async () => {
    expect(await styleFindings(text)).toEqual([
      '25 warning entry-description: Missing description after `Stray`, expected ` - Description` as in 20 of 21 entries',
    ]);
  });

  it('is held to a style a config states', async () => {
    const found = await styleFindings(text, { style: { entry: { description: { required: true } } } });
    expect(found).toHaveLength(5);
  });
});
