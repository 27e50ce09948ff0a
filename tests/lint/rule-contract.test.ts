// What the engine holds rules to at run time: a fix needs `fixable: true`, and a rule that throws becomes one diagnostic.
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { styleSchema } from '../../src/config/style-schema.js';
import { fixText } from '../../src/lint/fix.js';
import { lintDocument } from '../../src/lint/run.js';
import { buildListModel } from '../../src/markdown/list-model.js';
import { defineRule } from '../../src/rules/define-rule.js';

function ruleFixingTabs(fixable: boolean) {
  return defineRule({
    id: 'tab-fixer',
    description: 'No tabs.',
    rationale: 'Tests.',
    fixable,
    defaultSeverity: 'error',
    options: z.object({}).strict(),
    messages: { tab: 'Unexpected tab' },
    examples: { valid: [], invalid: [] },
    check(ctx) {
      const at = ctx.doc.text.indexOf('\t');
      if (at === -1) return;
      const position = { line: 1, column: at + 1, offset: at };
      ctx.report({ messageId: 'tab', at: { start: position, end: position }, fix: [{ start: at, end: at + 1, text: ' ' }] });
    },
  });
}

const style = styleSchema.parse({});
const lint = (fixable: boolean, text: string) => lintDocument(buildListModel('a.md', text, style), [{ rule: ruleFixingTabs(fixable), severity: 'error', options: {} }], style).diagnostics;

describe('rule contract', () => {
  it('a rule that reports a fix without declaring fixable fails at run time, naming itself', () => {
    expect(lint(false, 'a\tb\n')).toMatchObject([{ ruleId: 'tab-fixer', messageId: 'rule-crashed', message: 'Rule `tab-fixer` failed: rule tab-fixer reported a fix but does not declare `fixable: true`' }]);
    expect(lint(true, 'a\tb\n')).toMatchObject([{ ruleId: 'tab-fixer', messageId: 'tab', fix: [{ start: 1, end: 2, text: ' ' }] }]);
  });

  it('so its fix is never applied', () => {
    const setup = { style, styleOrigins: {}, rules: [{ rule: ruleFixingTabs(false), severity: 'error' as const, options: {} }], isKnownRuleId: () => true };
    expect(fixText('a.md', 'a\tb\n', setup).text).toBe('a\tb\n');
  });
});
