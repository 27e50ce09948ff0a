// Hostile and very large inputs: megabyte lines and headings, deep nesting. Slow by nature, so they run in the stress project.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { styleSchema } from '../../src/config/style-schema.js';
import { lintFiles } from '../../src/lint/engine.js';
import { expandInputs } from '../../src/lint/files.js';
import { lintDocument } from '../../src/lint/run.js';
import { buildListModel } from '../../src/markdown/list-model.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { headingCase } from '../../src/rules/heading-case.js';
import { headingPunctuation } from '../../src/rules/heading-punctuation.js';
import { textBalanced } from '../../src/rules/text-balanced.js';
import { whitespaceTrailing } from '../../src/rules/whitespace-trailing.js';
import { FAKE_SETUP_MODULE } from '../lint/fixtures/fake-setup.js';
import { tempFolder } from '../lint/fixtures/temp.js';

function lintOne(rule: AnyRule, markdown: string, styleInput: Record<string, unknown> = {}, options: Record<string, unknown> = {}) {
  const style = styleSchema.parse(styleInput);
  const doc = buildListModel('perf.md', markdown, style);
  return lintDocument(doc, [{ rule, severity: 'warning', options }], style).diagnostics;
}

describe('rules on megabyte inputs', () => {
  it('whitespace-trailing: a 1 MB line of spaces and 50,000 short lines', () => {
    const markdown = `# List\n\nText${' '.repeat(1_000_000)}x\n${'Line. \n'.repeat(50_000)}`;
    expect(lintOne(whitespaceTrailing, markdown)).toHaveLength(50_000);
  }, 60_000);

  it('text-balanced: a 1 MB paragraph of openers', () => {
    const markdown = `# List\n\n${'(a '.repeat(330_000)}\n`;
    expect(lintOne(textBalanced, markdown).map((d) => d.messageId)).toEqual(['unclosed']);
  }, 60_000);

  it('heading-case: a 1 MB heading', () => {
    const markdown = `# List\n\n## Tools${' And'.repeat(150_000)} ${'('.repeat(200_000)}x\n`;
    expect(lintOne(headingCase, markdown, { headings: { case: 'sentence' } }, { ignoreTitle: true })).toEqual([]);
  }, 60_000);

  it('heading-punctuation: a heading ending in 1 MB of punctuation', () => {
    const markdown = `# List\n\n## Tools ${':'.repeat(500_000)}\n\n## Tools ${'a:'.repeat(250_000)};\n`;
    expect(lintOne(headingPunctuation, markdown).map((d) => d.messageId)).toEqual(['unexpected', 'unexpected']);
  }, 60_000);
});

describe('the model and the engine on hostile files', () => {
  it('builds the model of a 1 MB single line', () => {
    const line = `- [Start](https://start.dev) - ${'lorem ipsum - dolor: sit (amet) '.repeat(32_000)}`;
    expect(line.length).toBeGreaterThan(1_000_000);
    const doc = buildListModel('wide.md', line, styleSchema.parse({}));
    expect(doc.entries).toHaveLength(1);
    expect(doc.entries[0]?.separator?.text).toBe(' - ');
    expect(doc.entries[0]?.description?.text.length).toBe(line.length - 31 - 1);
  }, 60_000);

  it("turns a list nested 10,000 deep into that file's failure, and lints a 1 MB line", async () => {
    const cwd = tempFolder();
    // `- - - x` nests a list in a list on one line: 10,000 levels in 20 kB.
    writeFileSync(path.join(cwd, 'deep.md'), `${'- '.repeat(10_000)}x\n`);
    writeFileSync(path.join(cwd, 'long.md'), `# Long\n\n- [a](https://example.com) - ${'word '.repeat(200_000)}\t\n`);
    const { files } = await expandInputs(['.'], { cwd });
    const outcomes = await lintFiles({ tasks: files, setup: { module: FAKE_SETUP_MODULE, data: {} }, cwd, workers: 0 });
    expect(outcomes[0]!.failure).toMatch(/^deep\.md:/);
    expect(outcomes[0]!.diagnostics.map((d) => d.ruleId)).toEqual(['file-unparsable']);
    expect(outcomes[1]!.failure).toBeUndefined();
    expect(outcomes[1]!.diagnostics.map((d) => d.ruleId)).toEqual(['fake-tab']);
  }, 60_000);
});
