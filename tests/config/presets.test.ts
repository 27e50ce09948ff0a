import { describe, expect, it } from 'vitest';
import { isConfigPath, presets } from '../../src/config/presets.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { configSchema } from '../../src/config/schema.js';
import { styleSchema } from '../../src/config/style-schema.js';
import { fakeRules } from './fake-rules.js';

describe('presets', () => {
  it('are valid configs', () => {
    for (const [name, preset] of Object.entries(presets)) {
      expect(configSchema.safeParse(preset).success, name).toBe(true);
    }
  });

  it('lint-lists:recommended is every rule at its default severity with the default style', () => {
    const config = resolveConfig(presets['lint-lists:recommended'], { rules: fakeRules });
    expect(config.style).toEqual(styleSchema.parse({}));
    const expected = fakeRules.filter((rule) => rule.defaultSeverity !== 'off').map((rule) => rule.id);
    expect(config.rules.map((r) => r.rule.id)).toEqual(expected);
  });

  it('awesome follows the manifesto', () => {
    const { style } = resolveConfig(presets.awesome, { rules: fakeRules });
    expect(style.bullet).toBe('-');
    expect(style.entry.description).toMatchObject({ required: true, separator: ' - ', case: 'upper', end: ['.'] });
    expect(style.toc.required).toBe(true);
    expect(style.sections.required).toEqual(['Contents']);
    expect(style.sections.entriesStart).toBe('after-toc');
    expect(style.sections.prose).toContain('Contributing');
    expect(style.headings.case).toBeUndefined();
  });

  it('tells file paths from preset names', () => {
    expect(['./base.json', '../x.yaml', 'configs/base.yml', 'base.json', '/abs/c.yaml'].every(isConfigPath)).toBe(true);
    expect(['awesome', 'lint-lists:recommended', 'awsome'].some(isConfigPath)).toBe(false);
  });
});
