import { describe, expect, it } from 'vitest';
import { isConfigPath, presets } from '../../src/config/presets.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { configSchema } from '../../src/config/schema.js';
import { styleSchema } from '../../src/config/style-schema.js';
import { fakeRules } from './fake-rules.js';
import { rules } from '../../src/rules/index.js';
import { buildListModel } from '../../src/markdown/list-model.js';
import { lintDocument } from '../../src/lint/run.js';

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
    const { style, rules: active } = resolveConfig(presets.awesome, { rules });
    expect(style.bullet).toBe('-');
    expect(style.entry.description).toMatchObject({ required: true, separator: ' - ', case: 'upper', end: ['.'] });
    expect(style.toc.required).toBe(true);
    expect(style.sections.required).toEqual(['Contents']);
    expect(style.sections.entriesStart).toBe('after-toc');
    expect(style.sections.prose).toContain('Contributing');
    expect(style.headings.case).toBe('title');
    expect(style.sections.forbidden).toEqual(['License', 'Licence']);
    expect([style.toc.minDepth, style.toc.maxDepth]).toEqual([2, 3]);
    const headingCase = active.find((entry) => entry.rule.id === 'heading-case');
    expect(headingCase?.options).toMatchObject({ ignoreTitle: false, titleOnly: true });
  });

  it('awesome reports a lower-case title, a License section and a ToC three levels deep', () => {
    const config = resolveConfig(presets.awesome, { rules });
    const markdown = [
      '# Awesome harbour tools',
      '',
      '## Contents',
      '',
      '- [Boats](#boats)',
      '  - [Sail](#sail)',
      '    - [Rigging](#rigging)',
      '',
      '## Boats',
      '',
      '### Sail',
      '',
      '#### Rigging',
      '',
      '- [Jib](https://jib.example) - Raises a small sail.',
      '',
      '## Harbour Basics',
      '',
      '## License',
      '',
      'MIT',
      '',
    ].join('\n');
    const doc = buildListModel('readme.md', markdown, config.style);
    const found = lintDocument(doc, config.rules, config.style).diagnostics.map((d) => `${d.start.line} ${d.ruleId} ${d.messageId}`);
    expect(found).toContain('1 heading-case title');
    expect(found).toContain('19 section-forbidden forbidden');
    expect(found).toContain('7 toc-sections tooDeep');
    // Section headings are free under the manifesto: only the title is held to title case.
    expect(found.some((line) => line.startsWith('17 heading-case'))).toBe(false);
  });

  it('tells file paths from preset names', () => {
    expect(['./base.json', '../x.yaml', 'configs/base.yml', 'base.json', '/abs/c.yaml'].every(isConfigPath)).toBe(true);
    expect(['awesome', 'lint-lists:recommended', 'awsome'].some(isConfigPath)).toBe(false);
  });
});
