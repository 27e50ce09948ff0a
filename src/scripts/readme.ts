// Rewrites the rule documentation in README.md (between the rules markers) from rule metadata (`tsx src/scripts/readme.ts`).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { AnyRule, ValidExample } from '../rules/define-rule.js';
import { rules as registeredRules } from '../rules/index.js';

/** The marker opening the generated rule documentation. */
export const RULES_START = '<!-- rules:start -->';
/** The marker closing the generated rule documentation. */
export const RULES_END = '<!-- rules:end -->';

/** Renders the rule table and one subsection per rule (rationale, options, first valid and invalid example). */
export function renderRuleDocs(rules: readonly AnyRule[]): string {
  const lines = ['| Rule | Description | Fixable | Default |', '| --- | --- | :---: | --- |'];
  for (const rule of rules) {
    lines.push(`| [\`${rule.id}\`](#rule-${rule.id}) | ${cell(rule.description)} | ${rule.fixable ? '✓' : ''} | \`${rule.defaultSeverity}\` |`);
  }
  for (const rule of rules) lines.push('', ...renderRule(rule));
  return lines.join('\n') + '\n';
}

/** Replaces the text between the rules markers of `readme` (adding a `## Rules` section with them when absent). */
export function updateReadme(readme: string, rules: readonly AnyRule[]): string {
  const body = `${RULES_START}\n\n${renderRuleDocs(rules)}\n${RULES_END}`;
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start < 0 || end < start) return `${trimTrailingNewlines(readme)}\n\n## Rules\n\n${body}\n`;
  return readme.slice(0, start) + body + readme.slice(end + RULES_END.length);
}

/** The generated text between the markers of `readme`, or undefined when the markers are missing. */
export function extractRuleDocs(readme: string): string | undefined {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start < 0 || end < start) return undefined;
  return `${trimTrailingNewlines(readme.slice(start + RULES_START.length, end).replace(/^\n+/, ''))}\n`;
}

function renderRule(rule: AnyRule): string[] {
  const lines = [`<a id="rule-${rule.id}"></a>`, '', `#### ${rule.id}`, '', rule.description, '', rule.rationale, ''];
  lines.push(...renderOptions(rule), '');
  const valid = rule.examples.valid[0];
  const invalid = rule.examples.invalid[0];
  if (valid) lines.push(...renderExample('Valid', valid));
  if (invalid) lines.push(...renderExample('Invalid', invalid));
  if (invalid?.output !== undefined) lines.push('Fixed:', '', ...fenced(invalid.output), '');
  while (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function renderOptions(rule: AnyRule): string[] {
  const schema = rule.options as z.ZodType;
  if (!(schema instanceof z.ZodObject)) return ['Options: none.'];
  const keys = Object.keys(schema.shape);
  if (keys.length === 0) return ['Options: none.'];
  const defaults = (schema.safeParse({}).data ?? {}) as Record<string, unknown>;
  const lines = ['Options:', ''];
  for (const key of keys) {
    const field = schema.shape[key] as z.ZodType;
    const fallback = key in defaults ? ` (default \`${JSON.stringify(defaults[key])}\`)` : '';
    lines.push(`- \`${key}\`${fallback}${field.description ? `: ${field.description}` : ''}`);
  }
  return lines;
}

function renderExample(label: string, example: ValidExample): string[] {
  const settings: string[] = [];
  if (example.style) settings.push(`style \`${JSON.stringify(example.style)}\``);
  if (example.options) settings.push(`options \`${JSON.stringify(example.options)}\``);
  const title = `${label}${example.name ? ` (${example.name})` : ''}${settings.length > 0 ? `, with ${settings.join(' and ')}` : ''}:`;
  return [title, '', ...fenced(example.markdown), ''];
}

/** A fenced `md` block longer than any backtick run inside, so examples holding code blocks stay intact. */
function fenced(markdown: string): string[] {
  let longest = 0;
  let run = 0;
  for (const char of markdown) {
    run = char === '`' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}md`, ...markdown.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n'), fence];
}

function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return text.slice(0, end);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Rewrites README.md in place. */
async function main(): Promise<void> {
  const readmeFile = fileURLToPath(new URL('../../README.md', import.meta.url));
  const readme = await readFile(readmeFile, 'utf8');
  await writeFile(readmeFile, updateReadme(readme, registeredRules));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
