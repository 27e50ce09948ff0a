import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleById, rules } from '../../src/rules/index.js';
import { testRule } from '../helpers/rule-tester.js';

const rulesDir = fileURLToPath(new URL('../../src/rules/', import.meta.url));
const ruleFiles = readdirSync(rulesDir)
  .filter((name) => name.endsWith('.ts') && name !== 'define-rule.ts' && name !== 'index.ts')
  .map((name) => name.slice(0, -'.ts'.length));

const camelCase = (id: string): string => id.replace(/-([a-z0-9])/g, (_, char: string) => char.toUpperCase());

describe('rule registry', () => {
  it.each(ruleFiles)('registers %s under its own name', async (id) => {
    // A plain path keeps the import visible to vite, which cannot resolve a templated relative `.js` specifier.
    const module = (await import(join(rulesDir, `${id}.ts`))) as Record<string, unknown>;
    const exported = module[camelCase(id)];
    expect(exported, `src/rules/${id}.ts exports ${camelCase(id)}`).toBeDefined();
    expect(ruleById.get(id)).toBe(exported);
  });

  it('holds only rules that have a file, with unique kebab-case ids', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
    expect([...ids].sort()).toEqual([...ruleFiles].sort());
    expect(ruleById.size).toBe(rules.length);
  });

  it('is sorted by id', () => {
    const ids = rules.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s documents itself with examples', (_id, rule) => {
    expect(rule.description.length).toBeGreaterThan(0);
    expect(rule.rationale.length).toBeGreaterThan(0);
    expect(rule.examples.valid.length).toBeGreaterThanOrEqual(1);
    expect(rule.examples.invalid.length).toBeGreaterThanOrEqual(1);
    if (rule.fixable) expect(rule.examples.invalid.some((example) => example.output !== undefined)).toBe(true);
    for (const example of rule.examples.invalid) {
      expect(example.errors.length).toBeGreaterThan(0);
      for (const error of example.errors) expect(rule.messages).toHaveProperty(error.messageId);
    }
    expect(() => rule.options.parse({})).not.toThrow();
  });
});

// Every rule's own examples run here too, so a rule without a test file of its own is still exercised.
describe('every registered rule\'s examples', () => {
  for (const rule of rules) testRule(rule);
});
