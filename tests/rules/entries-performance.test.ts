// The entry and name rules stay linear: a 5,000-entry list and hostile 1 MB lines lint in a fraction of their parse time.
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

/** Parses `markdown`, then lints it with every rule of this area; returns both durations in ms. */
function time(markdown: string): { parseMs: number; lintMs: number; count: number } {
  const style = styleSchema.parse({ entry: { description: { maxLength: 200 } } });
  const active: ActiveRule[] = RULES.map((rule) => ({ rule, severity: 'error', options: rule.options.parse({}) }));
  let started = performance.now();
  const doc = buildListModel('big.md', markdown, style);
  const parseMs = performance.now() - started;
  started = performance.now();
  const { diagnostics } = lintDocument(doc, active, style);
  const lintMs = performance.now() - started;
  expect(diagnostics.filter((d) => d.messageId === 'rule-crashed')).toEqual([]);
  return { parseMs, lintMs, count: diagnostics.length };
}

describe('entry and name rules performance', () => {
  it('lint a 5,000-entry list in a fraction of its parse time', { timeout: 60_000 }, () => {
    const lines = ['# Big list', ''];
    for (let i = 0; i < 5_000; i++) {
      const sep = i % 7 === 0 ? ' – ' : ' - ';
      const bullet = i % 11 === 0 ? '*' : '-';
      lines.push(`${bullet} [Project ${i} Kuberentes](https://github.com/owner${i}/project-${i})${sep}tool number ${i} for Github users`);
    }
    const { parseMs, lintMs, count } = time(lines.join('\n') + '\n');
    expect(count).toBeGreaterThan(5_000);
    expect(lintMs).toBeLessThan(Math.max(parseMs * 0.5, 300));
  });

  it('stay linear on hostile 1 MB lines', { timeout: 60_000 }, () => {
    const hostile = [
      `- [A](https://a.dev) - ${'a'.repeat(1_000_000)}`,
      `- [B](https://b.dev) - ${'ab. '.repeat(250_000)}`,
      `- [C](https://c.dev) - ${'.'.repeat(500_000)}x ${')'.repeat(500_000)}`,
      `- [D](https://d.dev) - ${'[x'.repeat(250_000)}`,
      `# ${'Githb '.repeat(160_000)}`,
    ];
    for (const line of hostile) {
      const { parseMs, lintMs } = time(`# List\n\n${line}\n`);
      expect(lintMs).toBeLessThan(Math.max(parseMs, 1500));
    }
  });
});
