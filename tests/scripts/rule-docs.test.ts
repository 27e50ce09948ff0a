// docs/rules/ holds one current page per rule, generated from the rule metadata.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleDocsUrl } from '../../src/docs-url.js';
import { documentedRules as rules, fenced, renderRuleDocs, renderRulePage, RULE_DOCS_DIR } from '../../src/scripts/rule-docs.js';

const folder = path.resolve(import.meta.dirname, '../..', RULE_DOCS_DIR);

describe('rule docs', () => {
  const pages = renderRuleDocs(rules);

  it('has exactly one page per rule plus the index (run `npm run docs`)', () => {
    expect(readdirSync(folder).filter((name) => name.endsWith('.md')).sort()).toEqual([...pages.keys()].sort());
  });

  it.each([...pages.keys()])('%s is current (run `npm run docs`)', (name) => {
    expect(readFileSync(path.join(folder, name), 'utf8')).toBe(pages.get(name));
  });

  it('links every rule from the index and says whether it fixes', () => {
    const index = pages.get('README.md')!;
    for (const rule of rules) expect(index).toContain(`| [\`${rule.id}\`](${rule.id}.md) |`);
    const fixable = rules.find((rule) => rule.fixable)!;
    expect(renderRulePage(fixable)).toContain('- Fixable: yes');
    expect(renderRulePage(fixable)).toContain('After `--fix`:');
  });

  it('fences an example that holds a code block with a longer fence', () => {
    expect(fenced('# List\n\n```sh\necho hi\n```\n')).toEqual(['````md', '# List', '', '```sh', 'echo hi', '```', '````']);
  });

  it('documents link rules too', () => {
    expect(pages.has('link-dead.md')).toBe(true);
    expect(pages.get('link-dead.md')).toContain('404 Not Found');
  });

  it('gives each rule a page URL under docs/rules', () => {
    expect(ruleDocsUrl('entry-separator')).toMatch(/\/docs\/rules\/entry-separator\.md$/);
  });
});
