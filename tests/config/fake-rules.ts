// Two stand-in rules so config tests don't depend on the real registry.
import * as z from 'zod';
import { defineRule, type AnyRule } from '../../src/rules/define-rule.js';

const noExamples = { valid: [], invalid: [] };

/** A rule with options, on by default as an error. */
export const headingCase = defineRule({
  id: 'heading-case',
  description: 'Headings use the configured casing.',
  rationale: 'Consistency.',
  fixable: false,
  defaultSeverity: 'error',
  options: z.object({ ignoreTitle: z.boolean().default(true), minWords: z.number().int().min(1).default(1) }).strict(),
  messages: { title: 'Unexpected `{actual}`' },
  examples: noExamples,
  check() {},
});

/** A rule without options, off by default. */
export const entrySeparator = defineRule({
  id: 'entry-separator',
  description: 'Entries use the configured separator.',
  rationale: 'Consistency.',
  fixable: true,
  defaultSeverity: 'off',
  options: z.object({}).strict(),
  messages: { unexpected: 'Unexpected `{actual}`' },
  examples: noExamples,
  check() {},
});

/** The fake registry, sorted by id like the real one. */
export const fakeRules: AnyRule[] = [entrySeparator, headingCase];
