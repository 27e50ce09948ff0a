import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleById, rules } from '../../src/rules/index.js';
import { testRule } from '../helpers/rule-tester.js';
import { extractRuleDocs, renderRuleDocs, RULES_END, RULES_START, updateReadme } from '../../src/scripts/readme.js';

const rulesDir = fileURLToPath(new URL('../../src/rules/', import.meta.url));
const readmeFile = fileURLToPath(new URL('../../README.md', import.meta.url));
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

  it('README rule docs are current (run `npx tsx src/scripts/readme.ts`)', () => {
    expect(extractRuleDocs(readFileSync(readmeFile, 'utf8'))).toBe(renderRuleDocs(rules));
  });
});

// Every rule's own examples run here too, so a rule without a test file of its own is still exercised.
describe('every registered rule\'s examples', () => {
  for (const rule of rules) testRule(rule);
});

describe('renderRuleDocs', () => {
  const docs = renderRuleDocs(rules);

  it('has a table row and an anchored subsection per rule', () => {
    for (const rule of rules) {
      expect(docs).toContain(`| [\`${rule.id}\`](#rule-${rule.id}) |`);
      expect(docs).toContain(`<a id="rule-${rule.id}"></a>\n\n#### ${rule.id}\n`);
    }
  });

  it('fences examples holding code blocks with a longer fence', () => {
    const trailing = ruleById.get('whitespace-trailing');
    expect(trailing).toBeDefined();
    const withCode = renderRuleDocs([{ ...trailing!, examples: { valid: [trailing!.examples.valid[2]!], invalid: trailing!.examples.invalid } }]);
    expect(withCode).toContain('````md\n# List\n\n```sh\necho hi   \n```\n````');
  });

  it('marks fixable rules and lists option defaults', () => {
    expect(docs).toMatch(/\| \[`whitespace-trailing`\]\(#rule-whitespace-trailing\) \| [^\n]+ \| ✓ \| `warn` \|/);
    expect(docs).toContain('- `ignoreTitle` (default `true`)');
  });
});

describe('updateReadme', () => {
  it('finds no rule docs in a README without markers', () => {
    expect(extractRuleDocs('# Project\n\n## Rules\n\nNone yet.\n')).toBeUndefined();
  });

  it('adds a Rules section with markers when absent', () => {
    const updated = updateReadme('# Project\n\nIntro.\n\n', rules);
    expect(updated.startsWith('# Project\n\nIntro.\n\n## Rules\n\n<!-- rules:start -->\n\n| Rule |')).toBe(true);
    expect(updated.endsWith(`${RULES_END}\n`)).toBe(true);
    expect(extractRuleDocs(updated)).toBe(renderRuleDocs(rules));
  });

  it('replaces only the text between the markers', () => {
    const readme = `# Project\n\n## Rules\n\n${RULES_START}\nOUTDATED-TABLE\n${RULES_END}\n\n## License\n\nMIT\n`;
    const updated = updateReadme(readme, rules);
    expect(updated).not.toContain('OUTDATED-TABLE');
    expect(updated.endsWith(`${RULES_END}\n\n## License\n\nMIT\n`)).toBe(true);
    expect(updateReadme(updated, rules)).toBe(updated);
  });
});
