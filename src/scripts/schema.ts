// Writes schema/lint-lists.schema.json from the config schema, the rule registry and the link rules (`npm run schema`).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderConfigJsonSchema } from '../config/json-schema.js';
import { linkRules } from '../links/rules/index.js';
import { rules } from '../rules/index.js';

const schemaFile = fileURLToPath(new URL('../../schema/lint-lists.schema.json', import.meta.url));
await writeFile(schemaFile, renderConfigJsonSchema([...rules, ...linkRules]));
