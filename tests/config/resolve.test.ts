import { describe, expect, it } from 'vitest';
import { applyOverrides, deepMerge, mergeConfigs, resolveConfig } from '../../src/config/resolve.js';
import { styleSchema } from '../../src/config/style-schema.js';
import { LintListsError } from '../../src/errors.js';
import { fakeRules } from './fake-rules.js';

function errorOf(fn: () => unknown): LintListsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(LintListsError);
    return error as LintListsError;
  }
  throw new Error('expected a LintListsError');
}

describe('resolveConfig', () => {
  it('gives the recommended defaults for an empty config', () => {
    const config = resolveConfig({}, { rules: fakeRules, root: '/project' });
    expect(config.style).toEqual(styleSchema.parse({}));
    expect(config.rules.map((r) => [r.rule.id, r.severity, r.options])).toEqual([['heading-case', 'error', { ignoreTitle: true, minWords: 1 }]]);
    expect(config.files).toEqual([]);
    expect(config.ignore).toEqual([]);
    expect(config.root).toBe('/project');
    expect(config.file).toBeUndefined();
  });

  it('switches rules on and off and validates their options with defaults filled in', () => {
    const config = resolveConfig(
      { rules: { 'heading-case': ['warn', { minWords: 2 }], 'entry-separator': 'error' } },
      { rules: fakeRules, file: 'lint-lists.config.json' },
    );
    expect(config.rules.map((r) => [r.rule.id, r.severity, r.options])).toEqual([
      ['entry-separator', 'error', {}],
      ['heading-case', 'warning', { ignoreTitle: true, minWords: 2 }],
    ]);
    expect(config.file).toBe('lint-lists.config.json');
    expect(resolveConfig({ rules: { 'heading-case': 'off' } }, { rules: fakeRules }).rules).toEqual([]);
  });

  it('names the file, key, value and allowed severities for a bad severity', () => {
    const error = errorOf(() => resolveConfig({ rules: { 'heading-case': 'loud' } }, { rules: fakeRules, file: 'lint-lists.config.json' }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe('lint-lists.config.json: rules.heading-case: got "loud", expected "off", "warn" or "error"');
  });

  it('reports bad rule options at their place inside the rule setting', () => {
    const error = errorOf(() => resolveConfig({ rules: { 'heading-case': ['warn', { minWords: 0, colour: 1 }] } }, { rules: fakeRules, file: 'c.json' }));
    expect(error.code).toBe('CONFIG_INVALID');
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toContain('c.json: rules.heading-case[1].colour: unknown key, expected one of "ignoreTitle" or "minWords"');
    expect(lines).toContain('c.json: rules.heading-case[1].minWords: got 0, expected a number >= 1');
  });

  it('rejects an unknown rule id, suggesting the closest one', () => {
    const error = errorOf(() => resolveConfig({ rules: { 'heading-cases': 'warn' } }, { rules: fakeRules, file: 'c.yaml' }));
    expect(error.code).toBe('RULE_UNKNOWN');
    expect(error.message).toBe('c.yaml: rules: unknown rule "heading-cases" (did you mean "heading-case"?)');
  });

  it('lists every problem, one line each, for a config with several', () => {
    const error = errorOf(() =>
      resolveConfig(
        { bogus: true, files: [], style: { bulet: '-', toc: { required: 'yes' }, entry: { description: { end: 5, placement: [] } } } },
        { rules: fakeRules, file: 'c.json' },
      ),
    );
    const lines = error.message.split('\n');
    expect(lines).toContain('c.json: bogus: unknown key, expected one of "$schema", "extends", "style", "rules", "files", "ignore" or "links"');
    expect(lines).toContain('c.json: files: got [], expected at least 1 item');
    expect(lines.find((l) => l.startsWith('c.json: style.bulet: unknown key'))).toMatch(/\(did you mean "bullet"\?\)$/);
    expect(lines).toContain('c.json: style.toc.required: got "yes", expected true or false');
    expect(lines).toContain('c.json: style.entry.description.end: got 5, expected "none", "any" or an array');
    expect(lines).toContain('c.json: style.entry.description.placement: got [], expected at least 1 item');
    expect(lines).toHaveLength(6);
  });

  it('rejects a misspelt enum value with the allowed values', () => {
    const error = errorOf(() => resolveConfig({ style: { headings: { case: 'Title' } } }, { rules: fakeRules, file: 'c.json' }));
    expect(error.message).toBe('c.json: style.headings.case: got "Title", expected "title" or "sentence"');
  });
});

describe('merging', () => {
  it('merges style deeply, replaces arrays and keeps rule options when only the severity changes', () => {
    const merged = mergeConfigs(
      { style: { bullet: '-', sections: { required: ['Contents'], sort: 'alphabetical' } }, rules: { 'heading-case': ['error', { minWords: 3 }] }, files: ['a'] },
      { style: { sections: { required: ['Contributing'] } }, rules: { 'heading-case': 'warn' }, files: ['b'] },
    );
    expect(merged).toEqual({
      style: { bullet: '-', sections: { required: ['Contributing'], sort: 'alphabetical' } },
      rules: { 'heading-case': ['warn', { minWords: 3 }] },
      files: ['b'],
    });
  });

  it('drops undefined CLI overrides before merging', () => {
    const merged = applyOverrides({ files: ['lists'], style: { bullet: '*' } }, { files: undefined, style: { bullet: '-', toc: undefined } });
    expect(merged).toEqual({ files: ['lists'], style: { bullet: '-' } });
  });

  it('never copies __proto__ from parsed input', () => {
    const hostile = JSON.parse('{"links": {"__proto__": {"polluted": true}}}') as unknown;
    const merged = deepMerge({}, hostile) as { links: object };
    expect(Object.getPrototypeOf(merged.links)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
