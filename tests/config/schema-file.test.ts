import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { renderConfigJsonSchema } from '../../src/config/json-schema.js';
import { linkRules } from '../../src/links/rules/index.js';
import { rules } from '../../src/rules/index.js';

it('schema/lint-lists.schema.json is current: equal to what `npm run schema` writes', async () => {
  const committed = await readFile(new URL('../../schema/lint-lists.schema.json', import.meta.url), 'utf8');
  expect(committed).toBe(renderConfigJsonSchema([...rules, ...linkRules]));
});
