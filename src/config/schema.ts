// The config file schema: one zod schema checks a whole config file; its TS types and the published JSON Schema derive from it.
import * as z from 'zod';
import { styleSchema } from './style-schema.js';
import { linksSchema } from './links-schema.js';

/** A severity as written in config. */
export const severitySettingSchema = z
  .enum(['off', 'warn', 'error'])
  .describe('`off` switches the rule off; `warn` reports warnings (exit code 0); `error` reports errors (exit code 1).');

/** A rule's setting: a severity, or `[severity, options]`. */
export const ruleSettingSchema = z
  .union([
    severitySettingSchema,
    z
      .tuple([severitySettingSchema, z.record(z.string(), z.unknown()).optional()])
      .describe('`[severity, options]`: the options are checked against the rule\'s own options schema.'),
  ])
  .describe('A severity (`"off"`, `"warn"`, `"error"`) or `[severity, options]`.');

/** `extends`: one or more presets or config file paths, applied in order before this file. */
export const extendsSchema = z
  .union([z.string().min(1), z.array(z.string().min(1))])
  .describe(
    'Built-in presets (`lint-lists:recommended`, `awesome`) or paths to other config files (JSON or YAML, relative to this file), applied in order; this file\'s values win.',
  );

/** The whole config file, strict: unknown keys are errors. */
export const configSchema = z
  .object({
    $schema: z.string().optional().describe('URL or path of this JSON Schema, for editor completion.'),
    extends: extendsSchema.optional(),
    style: styleSchema
      .optional()
      .describe('The house style every rule reads: bullet, entry layout, headings, sections, table of contents.'),
    rules: z
      .record(z.string(), ruleSettingSchema)
      .optional()
      .describe('Rule id → severity or `[severity, options]`. Rules not listed keep their preset (or default) setting.'),
    files: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        'Files, folders and globs (`docs/**/*.md`, `!drafts/**`) to lint when no paths are given on the command line, relative to this file. Default: the readme (`README.md`, any case, or `.markdown`) of the working directory.',
      ),
    ignore: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Glob patterns of files and folders to skip, relative to this file: a pattern without `/` matches a name at any depth, `!pattern` re-includes. `.gitignore` is honoured too.',
      ),
    links: linksSchema.optional().describe('How links are checked.'),
  })
  .strict()
  .meta({ title: 'lint-lists configuration', description: 'Configuration of lint-lists, the linter and link checker for curated Markdown lists.' });

/** A config file as written (every key optional). */
export type ConfigInput = z.input<typeof configSchema>;
/** A config file after validation. */
export type ConfigFile = z.output<typeof configSchema>;
/** One rule's setting as written. */
export type RuleSetting = z.output<typeof ruleSettingSchema>;
