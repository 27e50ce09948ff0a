import { describe, expect, it } from 'vitest';
import { buildConfigJsonSchema, renderConfigJsonSchema } from '../../src/config/json-schema.js';
import { fakeRules } from './fake-rules.js';

describe('published JSON Schema', () => {
  it('describes the config file with an $id, titles and each rule with its options', () => {
    const schema = buildConfigJsonSchema(fakeRules) as {
      $id: string;
      title: string;
      additionalProperties: boolean;
      properties: Record<string, { description?: string; properties?: Record<string, { description: string; anyOf: unknown[] }>; additionalProperties?: unknown }>;
    };
    expect(schema.$id).toMatch(/^https:\/\/.+lint-lists\.schema\.json$/);
    expect(schema.title).toBe('lint-lists configuration');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'extends', 'style', 'rules', 'files', 'ignore', 'links']);
    expect(schema.properties.files?.description).toContain('README.md');
    const ruleSchemas = schema.properties.rules!;
    expect(ruleSchemas.additionalProperties).toBe(false);
    expect(Object.keys(ruleSchemas.properties!)).toEqual(['entry-separator', 'heading-case']);
    expect(ruleSchemas.properties!['heading-case']!.description).toBe('Headings use the configured casing. Default: `error`.');
    expect(JSON.stringify(ruleSchemas.properties!['heading-case']!.anyOf)).toContain('"minWords"');
  });

  it('renders as two-space JSON ending in a newline', () => {
    const text = renderConfigJsonSchema(fakeRules);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(buildConfigJsonSchema(fakeRules));
    expect(text).toContain('\n  "$id": ');
  });

  it('carries the style schema descriptions and defaults for editors', () => {
    const text = JSON.stringify(buildConfigJsonSchema(fakeRules));
    expect(text).toContain('Bullet marker for entries');
    expect(text).toContain('"default":"consistent"');
  });
});
