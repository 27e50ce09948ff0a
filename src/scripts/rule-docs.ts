// Writes one documentation page per rule under docs/rules/ (and their index) from rule metadata: `npm run docs`.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import type { LinkRuleExample } from '../links/rules/define-link-rule.js';
import { linkRules } from '../links/rules/index.js';
import type { RuleMeta, ValidExample } from '../rules/define-rule.js';
import { rules as lintRules } from '../rules/index.js';

/** What a page is made from: a lint rule, or a link rule (whose examples say what the server did). */
export type DocumentedRule = RuleMeta<unknown> & {
  examples: { valid: Array<ValidExample | LinkRuleExample>; invalid: Array<(ValidExample & { output?: string }) | LinkRuleExample> };
};

/** Every rule with a page: lint rules and link rules, sorted by id. */
export const documentedRules: readonly DocumentedRule[] = [...lintRules, ...linkRules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Folder of the generated pages, relative to the repository root. */
export const RULE_DOCS_DIR = 'docs/rules';

const GENERATED_NOTE = '<!-- Generated from the rule\'s metadata by `npm run docs`; edit the rule, not this page. -->';

/** Every generated page: file name → content (one page per rule plus README.md, the index). */
export function renderRuleDocs(rules: readonly DocumentedRule[]): Map<string, string> {
  const pages = new Map<string, string>();
  pages.set('README.md', renderIndex(rules));
  for (const rule of rules) pages.set(`${rule.id}.md`, renderRulePage(rule));
  return pages;
}

/** The index: one row per rule with its description, whether it fixes, and its default severity. */
export function renderIndex(rules: readonly DocumentedRule[]): string {
  const lines = [GENERATED_NOTE, '', '# Rules', '', 'Set any rule under `rules` in the config (`"off"`, `"warn"`, `"error"`, or `[severity, options]`), or for one run with `--rule id:severity`.', ''];
  lines.push('| Rule | What it checks | Fixable | Default |', '| --- | --- | :---: | --- |');
  for (const rule of rules) lines.push(`| [\`${rule.id}\`](${rule.id}.md) | ${cell(rule.description)} | ${rule.fixable ? 'yes' : ''} | \`${rule.defaultSeverity}\` |`);
  return `${lines.join('\n')}\n`;
}

/** One rule's page: what, why, fixable, default, options, and its examples as they run in the test suite. */
export function renderRulePage(rule: DocumentedRule): string {
  const lines = [GENERATED_NOTE, '', `# ${rule.id}`, '', rule.description, '', '## Why', '', rule.rationale, ''];
  lines.push(`- Default: \`${rule.defaultSeverity}\``, `- Fixable: ${rule.fixable ? 'yes, with `--fix` (only when the fix is certain)' : 'no'}`, '');
  lines.push('## Options', '', ...renderOptions(rule), '');
  if (rule.examples.invalid.length > 0) {
    lines.push('## Problems it reports', '');
    for (const example of rule.examples.invalid) {
      lines.push(...renderExample(example));
      if ('output' in example && example.output !== undefined) lines.push('After `--fix`:', '', ...fenced(example.output), '');
    }
  }
  if (rule.examples.valid.length > 0) {
    lines.push('## Accepted', '');
    for (const example of rule.examples.valid) lines.push(...renderExample(example));
  }
  lines.push('## Turning it off', '', 'For the whole list, in the config:', '', '```json', `{ "rules": { "${rule.id}": "off" } }`, '```', '');
  lines.push('For one line, in the Markdown:', '', '```md', `<!-- lint-lists-disable-next-line ${rule.id} -->`, '```', '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function renderOptions(rule: DocumentedRule): string[] {
  const schema = rule.options as z.ZodType;
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  if (!(schema instanceof z.ZodObject) || keys.length === 0) return ['None.'];
  const defaults = (schema.safeParse({}).data ?? {}) as Record<string, unknown>;
  return keys.map((key) => {
    const field = schema.shape[key] as z.ZodType;
    const fallback = key in defaults ? ` (default \`${JSON.stringify(defaults[key])}\`)` : '';
    return `- \`${key}\`${fallback}${field.description ? `: ${field.description}` : ''}`;
  });
}

function renderExample(example: ValidExample | LinkRuleExample): string[] {
  const settings: string[] = [];
  if ('style' in example && example.style) settings.push(`style \`${JSON.stringify(example.style)}\``);
  if ('options' in example && example.options) settings.push(`options \`${JSON.stringify(example.options)}\``);
  const title = [example.name ? capitalise(example.name) : undefined, settings.length > 0 ? `with ${settings.join(' and ')}` : undefined].filter(Boolean).join(', ');
  return [...(title ? [`${title}:`, ''] : []), ...fenced(example.markdown), ''];
}

/** A fenced `md` block longer than any backtick run inside, so examples holding code blocks stay intact. */
export function fenced(markdown: string): string[] {
  const longest = Math.max(0, ...(markdown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}md`, ...markdown.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n'), fence];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Rewrites docs/rules/ in place: every page regenerated, pages of removed rules deleted. */
export async function writeRuleDocs(root: string, rules: readonly DocumentedRule[]): Promise<void> {
  const folder = path.join(root, RULE_DOCS_DIR);
  await mkdir(folder, { recursive: true });
  const pages = renderRuleDocs(rules);
  for (const name of await readdir(folder)) if (name.endsWith('.md') && !pages.has(name)) await rm(path.join(folder, name));
  for (const [name, content] of pages) await writeFile(path.join(folder, name), content);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeRuleDocs(fileURLToPath(new URL('../..', import.meta.url)), documentedRules);
}
