import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapRemarkLintNames, REMARK_LINT_RULES } from '../../src/lint/remark-lint-names.js';
import { ruleById } from '../../src/rules/index.js';

// The link checker's rule ids (they are not in the rule registry).
const LINK_RULE_IDS = new Set(['link-dead', 'link-error', 'link-timeout', 'link-redirect', 'link-unverifiable', 'link-archived']);

describe('remark-lint rule names', () => {
  it('map only onto rule ids that exist', () => {
    for (const [name, ids] of Object.entries(REMARK_LINT_RULES)) {
      for (const id of ids) expect(ruleById.has(id) || LINK_RULE_IDS.has(id), `${name} → ${id}`).toBe(true);
    }
  });

  it('drop names without a counterpart and dedupe', () => {
    expect(mapRemarkLintNames(['awesome-badge', 'no-trailing-spaces', 'hard-break-spaces'])).toEqual(['whitespace-trailing']);
  });

  it('are documented in the migration guide, row for row', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../../docs/migrating-from-awesome-lint.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| (`[a-z-]+`(?:, `[a-z-]+`)*) \|$/gm)].map((m) => [m[1], m[2]!.replaceAll('`', '').split(', ')]);
    expect(Object.fromEntries(rows)).toEqual(REMARK_LINT_RULES);
  });
});
