// Builds the published JSON Schema of the config file from the zod schema and the rules' own option schemas.
import * as z from 'zod';
import { CONFIG_SCHEMA_ID } from './defaults.js';
import type { ConfigurableRule } from './resolve.js';
import { configSchema, severitySettingSchema } from './schema.js';

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema describing its input (what users write), without the draft marker. */
function toJson(schema: z.ZodType): JsonSchema {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** One rule's entry: a severity, or `[severity, options]` checked against the rule's options schema. */
function ruleJsonSchema(rule: ConfigurableRule): JsonSchema {
  const severity = toJson(severitySettingSchema);
  return {
    description: `${rule.description} Default: \`${rule.defaultSeverity}\`.`,
    anyOf: [
      severity,
      { type: 'array', prefixItems: [severity, toJson(rule.options)], items: false, minItems: 1, maxItems: 2 },
    ],
  };
}

/**
 * The JSON Schema editors use to complete and check config files: the config schema, with `rules`
 * narrowed to the registered rule ids and each rule's options.
 */
export function buildConfigJsonSchema(rules: readonly ConfigurableRule[]): JsonSchema {
  const base = toJson(configSchema);
  const properties = { ...(base.properties as Record<string, JsonSchema>) };
  const rulesBase = properties.rules ?? {};
  properties.rules = {
    description: rulesBase.description,
    type: 'object',
    properties: Object.fromEntries(rules.map((rule) => [rule.id, ruleJsonSchema(rule)])),
    additionalProperties: false,
  };
  const { title, description, ...rest } = base;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: CONFIG_SCHEMA_ID,
    title,
    description,
    ...rest,
    properties,
  };
}

/** The schema file's text: two-space JSON with a final newline. */
export function renderConfigJsonSchema(rules: readonly ConfigurableRule[]): string {
  return `${JSON.stringify(buildConfigJsonSchema(rules), null, 2)}\n`;
}
