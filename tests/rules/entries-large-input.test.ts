// The entry and name rules on large and hostile input: they finish and still report what they should.
import { describe, expect, it } from 'vitest';
import { styleSchema } from '../../src/config/style-schema.js';
import { buildListModel } from '../../src/markdown/list-model.js';
import { lintDocument, type ActiveRule } from '../../src/lint/run.js';
import { entryBullet } from '../../src/rules/entry-bullet.js';
import { entryDescription } from '../../src/rules/entry-description.js';
import { entryDescriptionCase } from '../../src/rules/entry-description-case.js';
import { entryDescriptionEnd } from '../../src/rules/entry-description-end.js';
import { entryDescriptionLength } from '../../src/rules/entry-description-length.js';
import { entryDescriptionRepeatsName } from '../../src/rules/entry-description-repeats-name.js';
import { entryLostBullet } from '../../src/rules/entry-lost-bullet.js';
import { entrySeparator } from '../../src/rules/entry-separator.js';
import { entryShape } from '../../src/rules/entry-shape.js';
import { nameSpelling } from '../../src/rules/name-spelling.js';
import type { AnyRule } from '../../src/rules/define-rule.js';

const RULES: AnyRule[] = [
  entryBullet,
  entryDescription,
  entryDescriptionCase,
  entryDescriptionEnd,
  entryDescriptionLength,
  entryDescriptionRepeatsName,
  entryLostBullet,
  entrySeparator,
  entryShape,
  nameSpelling,
];

/** Parses `markdown` and lints it with every rule of this area; returns the diagnostics. */
function lint(markdown: string) {
  const style = styleSchema.parse({ entry: { description: { maxLength: 200 } } });
  const active: ActiveRule[] = RULES.map((rule) => ({ rule, severity: 'error', options: rule.options.parse({}) }));
  const { diagnostics } = lintDocument(buildListModel('big.md', markdown, style), active, style);
  expect(diagnostics.filter((d) => d.messageId === 'rule-crashed')).toEqual([]);
  return diagnostics;
}

// Speed is measured by `npm run bench`; these cases check the rules finish (the timeout is the hang guard) and
// still report correctly on large and hostile input.
describe('entry and name rules on large and hostile input', () => {
  it('lint a 5,000-entry list, finding the planted defects', { timeout: 60_000 }, () => {
    const lines = ['# Big list', ''];
    for (let i = 0; i < 5_000; i++) {
      const sep = i % 7 === 0 ? ' – ' : ' - ';
      const bullet = i % 11 === 0 ? '*' : '-';
      lines.push(`${bullet} [Project ${i} Kuberentes](https://github.com/owner${i}/project-${i})${sep}tool number ${i} for Github users`);
    }
    const diagnostics = lint(lines.join('\n') + '\n');
    const byRule = (id: string) => diagnostics.filter((d) => d.ruleId === id).length;
    expect(byRule('entry-separator')).toBe(Math.ceil(5_000 / 7));
    expect(byRule('entry-bullet')).toBe(1);
    expect(byRule('entry-description-case')).toBe(5_000);
  });

  it('finish on hostile 1 MB lines', { timeout: 60_000 }, () => {
    const hostile = [
      `- [A](https://a.dev) - ${'a'.repeat(1_000_000)}`,
      `- [B](https://b.dev) - ${'ab. '.repeat(250_000)}`,
      `- [C](https://c.dev) - ${'.'.repeat(500_000)}x ${')'.repeat(500_000)}`,
      `- [D](https://d.dev) - ${'[x'.repeat(250_000)}`,
      `# ${'Githb '.repeat(160_000)}`,
    ];
    for (const line of hostile.slice(0, 4)) {
      const found = lint(`# List\n\n${line}\n`).map((d) => `${d.ruleId}:${d.messageId}`);
      expect(found).toContain('entry-description-length:tooLong');
    }
    // 160,000 copies of one misspelt word in a heading: one report, not a flood.
    expect(lint(`${hostile[4]}\n`).map((d) => `${d.ruleId}:${d.messageId}:${d.actual}`)).toEqual(['name-spelling:typo:Githb']);
  });
});
