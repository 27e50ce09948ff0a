// The table of findings held to an inferred style value stays in step with the rules' messages.
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { FINDING_PATHS } from '../../src/lint/section-conventions.js';
import { INFERABLE_PATHS } from '../../src/lint/infer-style.js';

describe('FINDING_PATHS', () => {
  const withEvidence = rules.flatMap((rule) =>
    Object.entries(rule.messages)
      .filter(([, template]) => template.includes('{evidence}'))
      .map(([messageId]) => `${rule.id}/${messageId}`),
  );

  it('names every message that reports against an inferred value (those carry the evidence)', () => {
    expect(withEvidence.length).toBeGreaterThan(0);
    expect(Object.keys(FINDING_PATHS).sort()).toEqual(withEvidence.sort());
  });

  it('maps each to a path inference can set', () => {
    for (const path of Object.values(FINDING_PATHS)) expect(INFERABLE_PATHS).toContain(path);
  });
});
