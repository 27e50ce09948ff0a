// Runs a rule's examples (and ad-hoc cases) through the real model and fix loop; shared by every rule test.
import { expect, it, describe } from 'vitest';
import { styleSchema } from '../../src/config/style-schema.js';
import { buildListModel } from '../../src/markdown/list-model.js';
import { lintDocument, toDiagnostic, type ActiveRule } from '../../src/lint/run.js';
import { fixText } from '../../src/lint/fix.js';
import { inferFileStyle } from '../../src/lint/infer-style.js';
import { styleOrigins } from '../../src/config/style-origins.js';
import type { ConfigInput } from '../../src/config/schema.js';
import type { AnyRule, InvalidExample, ValidExample } from '../../src/rules/define-rule.js';
import type { Diagnostic } from '../../src/diagnostics.js';

/** What `style` sets, as a config layer would: those values are not inferred from the test's entries. */
function originsOf(style: Record<string, unknown>): Record<string, string> {
  return styleOrigins([{ config: { style } as ConfigInput, origin: 'test' }]);
}

/**
 * Lints `markdown` with only `rule` on, under the default style merged with `style`; values `style` leaves open are
 * inferred from the entries as in a real run (which needs 10 or more entries showing a feature).
 */
export function lintWith(rule: AnyRule, markdown: string, style: Record<string, unknown> = {}, options: Record<string, unknown> = {}): Diagnostic[] {
  const active: ActiveRule = { rule, severity: 'error', options: rule.options.parse(options) };
  const doc = buildListModel('test.md', markdown, styleSchema.parse(style));
  const { style: resolvedStyle, basis } = inferFileStyle(doc, styleSchema.parse(style), originsOf(style));
  const { diagnostics, summaries } = lintDocument(doc, [active], resolvedStyle, basis);
  if (rule.checkRun && rule.id in summaries) {
    rule.checkRun({
      files: [{ file: 'test.md', summary: summaries[rule.id] }],
      style: resolvedStyle,
      options: active.options,
      report: (file, descriptor) => diagnostics.push(toDiagnostic(active, file, descriptor)),
    });
  }
  return diagnostics.sort((a, b) => a.start.offset - b.start.offset);
}

/** Fixes `markdown` with only `rule` on, through the real `--fix` loop (`fixText`: passes, overlaps, line endings). */
export function fixWith(rule: AnyRule, markdown: string, style: Record<string, unknown> = {}, options: Record<string, unknown> = {}): string {
  const active: ActiveRule = { rule, severity: 'error', options: rule.options.parse(options) };
  return fixText('test.md', markdown, { style: styleSchema.parse(style), styleOrigins: originsOf(style), rules: [active], isKnownRuleId: () => true }).text;
}

/** Declares vitest cases for a rule's own examples plus any extra cases. */
export function testRule(rule: AnyRule, extra: { valid?: ValidExample[]; invalid?: InvalidExample[] } = {}): void {
  const valid = [...rule.examples.valid, ...(extra.valid ?? [])];
  const invalid = [...rule.examples.invalid, ...(extra.invalid ?? [])];
  describe(rule.id, () => {
    it('declares every messageId it reports and a fixed output when fixable', () => {
      for (const example of invalid) for (const error of example.errors) expect(rule.messages).toHaveProperty(error.messageId);
      if (rule.fixable) expect(invalid.some((example) => example.output !== undefined)).toBe(true);
      expect(invalid.length).toBeGreaterThan(0);
      expect(valid.length).toBeGreaterThan(0);
    });
    valid.forEach((example, index) => {
      it(`valid: ${example.name ?? `#${index + 1}`}`, () => {
        const found = lintWith(rule, example.markdown, example.style, example.options);
        expect(found.map((d) => `${d.start.line}:${d.start.column} ${d.messageId}: ${d.message}`)).toEqual([]);
      });
    });
    invalid.forEach((example, index) => {
      it(`invalid: ${example.name ?? `#${index + 1}`}`, () => {
        const found = lintWith(rule, example.markdown, example.style, example.options);
        expect(found.map((d) => ({ messageId: d.messageId, line: d.start.line, column: d.start.column }))).toEqual(example.errors);
        if (example.output !== undefined) {
          const fixed = fixWith(rule, example.markdown, example.style, example.options);
          expect(fixed).toBe(example.output);
          // Idempotent: fixing the fixed text changes nothing.
          expect(fixWith(rule, fixed, example.style, example.options)).toBe(fixed);
        }
      });
    });
  });
}
