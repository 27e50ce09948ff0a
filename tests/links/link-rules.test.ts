// The link-rule registry: one file per rule, registered under its own name, sorted, documented like lint rules.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { linkRuleById, linkRules } from '../../src/links/rules/index.js';
import { rules } from '../../src/rules/index.js';

const dir = fileURLToPath(new URL('../../src/links/rules/', import.meta.url));
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.ts') && name !== 'define-link-rule.ts' && name !== 'index.ts')
  .map((name) => name.slice(0, -'.ts'.length));
const camelCase = (id: string): string => id.replace(/-([a-z0-9])/g, (_, char: string) => char.toUpperCase());

describe('link rule registry', () => {
  it.each(files)('registers %s under its own name', async (id) => {
    const module = (await import(join(dir, `${id}.ts`))) as Record<string, unknown>;
    expect(linkRuleById.get(id)).toBe(module[camelCase(id)]);
  });

  it('holds one rule per file, sorted, with ids that no lint rule uses', () => {
    const ids = linkRules.map((rule) => rule.id);
    expect(ids).toEqual([...files].sort());
    expect(ids).toEqual([...ids].sort());
    const lintIds = new Set(rules.map((rule) => rule.id));
    expect(ids.filter((id) => lintIds.has(id))).toEqual([]);
  });

  it.each(linkRules.map((rule) => [rule.id, rule] as const))('%s documents itself', (_id, rule) => {
    expect(rule.id).toMatch(/^link-[a-z]+(?:-[a-z]+)*$/);
    expect(rule.description.length).toBeGreaterThan(0);
    expect(rule.rationale.length).toBeGreaterThan(0);
    expect(rule.examples.invalid.length).toBeGreaterThan(0);
    for (const example of rule.examples.invalid) expect(rule.messages).toHaveProperty(example.messageId!);
    expect(() => rule.options.parse({})).not.toThrow();
    expect(['off', 'warn', 'error']).toContain(rule.defaultSeverity);
  });
});
