// Fixes are applied only when certain: the entry reads the same after the edit, the problem is gone, nothing new appears.
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { styleSchema } from '../../src/config/style-schema.js';
import { FIX_WITHHELD } from '../../src/lint/fix-safety.js';
import { fixText } from '../../src/lint/fix.js';
import type { LintSetup } from '../../src/lint/setup.js';
import { defineRule, type AnyRule } from '../../src/rules/define-rule.js';
import { entrySeparator } from '../../src/rules/entry-separator.js';

/** A rule whose fix is given by `edit` for each resource entry line holding `needle`. */
function fakeRule(id: string, needle: string, edit: (lineStart: number, at: number) => { start: number; end: number; text: string }): AnyRule {
  return defineRule({
    id,
    description: 'Test rule.',
    rationale: 'Test rule.',
    fixable: true,
    defaultSeverity: 'warn',
    options: z.object({}).strict(),
    messages: { found: 'Found `{needle}`' },
    examples: { valid: [], invalid: [] },
    check(ctx) {
      const { text } = ctx.doc;
      for (let at = text.toLowerCase().indexOf(needle); at !== -1; at = text.toLowerCase().indexOf(needle, at + 1)) {
        const lineStart = text.lastIndexOf('\n', at) + 1;
        ctx.report({ messageId: 'found', at: { start: ctx.doc.entries[0]!.range.start, end: ctx.doc.entries[0]!.range.start }, data: { needle }, fix: [edit(lineStart, at)] });
      }
    },
  });
}

function setupWith(...rules: AnyRule[]): LintSetup {
  return { style: styleSchema.parse({}), styleOrigins: {}, rules: rules.map((rule) => ({ rule, severity: 'warning', options: {} })), isKnownRuleId: () => true };
}

describe('withholding uncertain fixes', () => {
  it('never puts a separator between a link and its bracketed secondary link', () => {
    const text = '- [Vane](https://vane.example) [[vane-rs](https://crates.example/vane)] - Points into the wind.\n';
    const rule = fakeRule('test-separator', '[[vane', (_lineStart, at) => ({ start: at - 1, end: at - 1, text: ' -' }));
    const fixed = fixText('t.md', text, setupWith(rule));
    expect(fixed.text).toBe(text);
    expect(fixed.lint.diagnostics[0]?.fixWithheld).toBe(FIX_WITHHELD.changed);
    expect(fixed.lint.diagnostics[0]?.fix).toBeUndefined();
  });

  it('withholds a fix that leaves its own problem on the line', () => {
    const text = '- [Vane](https://vane.example) - Points into the wind.\n';
    const rule = fakeRule('test-case', 'wind', (_lineStart, at) => ({ start: at, end: at + 4, text: 'WIND' }));
    const fixed = fixText('t.md', text, setupWith(rule));
    expect(fixed.text).toBe(text);
    expect(fixed.lint.diagnostics[0]?.fixWithheld).toBe(FIX_WITHHELD.unresolved);
  });

  it('never edits inside an HTML block', () => {
    const text = '<div align="center">\n<p>Sponsored by windmills</p>\n</div>\n\n- [Vane](https://vane.example) - Points.\n';
    const rule = fakeRule('test-html', 'windmills', (_lineStart, at) => ({ start: at, end: at + 9, text: 'mills' }));
    const fixed = fixText('t.md', text, setupWith(rule));
    expect(fixed.text).toBe(text);
    expect(fixed.lint.diagnostics[0]?.fixWithheld).toBe(FIX_WITHHELD.html);
  });

  it('applies a certain fix', () => {
    const text = '- [Vane](https://vane.example) – Points into the wind.\n';
    const fixed = fixText('t.md', text, setupWith(entrySeparator));
    expect(fixed.text).toBe('- [Vane](https://vane.example) - Points into the wind.\n');
    expect(fixed.lint.diagnostics).toEqual([]);
  });
});
