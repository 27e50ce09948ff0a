// entry-description-repeats-name: a description that opens with (or is) the entry's own name.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { isSpace, resourceEntries } from './utils/entries.js';

// After the name, these make "Name is a …" a sentence about the name rather than a description.
const VERBS = new Set(
  'is are was has can will provides helps lets allows enables offers makes gives brings supports uses adds implements generates converts creates turns aims'.split(' '),
);
// Directly after the name these end it ("Airflow, a…", "Airflow: a…"); after a space also brackets and dashes.
const ATTACHED_ENDERS = new Set([',', ':', ';']);
const SPACED_ENDERS = new Set([',', ':', ';', '(', '–', '—', '-']);
// Apostrophes stay: "Airflow's" must still read as a possessive.
const DECORATION = new Set(['*', '_', '"', '“', '”', '`']);

/** Lower-cases and collapses whitespace, dropping emphasis and quote marks, for comparing a name with a description. */
function comparable(text: string): string {
  let out = '';
  let wasSpace = false;
  for (const char of text.toLowerCase()) {
    if (DECORATION.has(char)) continue;
    if (isSpace(char)) {
      if (!wasSpace && out !== '') out += ' ';
      wasSpace = true;
      continue;
    }
    out += char;
    wasSpace = false;
  }
  return out.trimEnd();
}

/**
 * True when `name` and `description` visibly start with different ASCII letters or digits, so the description
 * cannot open with the name: a cheap test that spares building comparable strings for nearly every entry.
 */
function opensDifferently(name: string, description: string): boolean {
  const a = firstComparableCode(name);
  const b = firstComparableCode(description);
  return a !== -1 && b !== -1 && a !== b;
}

/** The lower-cased code of the first character `comparable` keeps, or -1 when that is not an ASCII letter or digit. */
function firstComparableCode(text: string): number {
  let i = 0;
  while (i < text.length && (isSpace(text[i]) || DECORATION.has(text[i]!))) i++;
  const code = text.charCodeAt(i);
  if (code >= 65 && code <= 90) return code + 32;
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? code : -1;
}

/** True when `rest`, the description after the name, makes it a sentence about the name. */
function continuesAboutName(rest: string): boolean {
  if (rest === '') return true;
  const first = rest[0]!;
  if (first === "'" || first === '’') return rest.startsWith("'s ") || rest.startsWith('’s ');
  if (ATTACHED_ENDERS.has(first)) return true;
  // "Name." or "Name!" closes a sentence; "Chart.js" is another name.
  if (first === '.' || first === '!' || first === '?') return rest.length === 1 || rest[1] === ' ';
  if (first !== ' ') return false;
  const trimmed = rest.trimStart();
  if (SPACED_ENDERS.has(trimmed[0] ?? '')) return true;
  let end = 0;
  while (end < trimmed.length && !isSpace(trimmed[end])) end++;
  return VERBS.has(trimmed.slice(0, end));
}

/** `text` without its final sentence punctuation (a scan, linear on any input). */
function withoutFinalPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && '.!?…'.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** Reports descriptions that repeat the entry's name instead of describing it. */
export const entryDescriptionRepeatsName = defineRule<{ opening: boolean }>({
  id: 'entry-description-repeats-name',
  description: "A description does not open with, or consist of, the entry's own name.",
  rationale:
    'The name is right there in the link: a description that only repeats it tells the reader nothing. Opening with the name ("Airflow is a…") is a style of its own, reported only when the `opening` option asks for it.',
  fixable: false,
  defaultSeverity: 'warn',
  options: z
    .object({
      opening: z
        .boolean()
        .default(false)
        .describe('Also report descriptions that open with the name ("Airflow is a platform…"), a style many lists use on purpose.'),
    })
    .strict(),
  messages: {
    repeats: 'Unexpected `{name}` at the start of the description, expected it without the name',
    equal: 'Unexpected description `{name}`, expected more than the name',
  },
  examples: {
    valid: [
      { name: 'describes the project', markdown: '# Tools\n\n- [Airflow](https://airflow.apache.org) - Platform to author and schedule workflows.\n' },
      { name: 'opens with the name (a style of its own)', markdown: '# Tools\n\n- [Airflow](https://airflow.apache.org) - Airflow is a platform to schedule workflows.\n' },
      { name: 'the name used as an adjective', markdown: '# Tools\n\n- [Docker](https://www.docker.com) - Docker images for every release.\n' },
    ],
    invalid: [
      {
        name: 'opens with the name, when the `opening` option asks',
        markdown: '# Tools\n\n- [Airflow](https://airflow.apache.org) - Airflow is a platform to schedule workflows.\n',
        options: { opening: true },
        errors: [{ messageId: 'repeats', line: 3, column: 43 }],
      },
      {
        name: 'only the name',
        markdown: '# Tools\n\n- [Airflow](https://airflow.apache.org) - Airflow.\n',
        errors: [{ messageId: 'equal', line: 3, column: 43 }],
      },
    ],
  },
  check(ctx) {
    for (const entry of resourceEntries(ctx.doc)) {
      const description = entry.description;
      if (!entry.link || !description || entry.descriptionPlacement === 'code') continue;
      if (opensDifferently(entry.link.text, description.text)) continue;
      const name = comparable(entry.link.text);
      if (name.length < 2) continue;
      // Only the opening matters: compare a prefix a little longer than the name (keeps long descriptions cheap).
      const text = comparable(description.text.slice(0, entry.link.text.length * 2 + 16));
      const isWhole = description.text.length <= entry.link.text.length * 2 + 16;
      const bare = withoutFinalPunctuation(text);
      if (isWhole && bare === name) {
        ctx.report({ messageId: 'equal', at: description.range, data: { name: entry.link.text.trim() }, actual: description.text });
        continue;
      }
      if (!ctx.options.opening) continue;
      if (!text.startsWith(name) || !continuesAboutName(text.slice(name.length))) continue;
      ctx.report({ messageId: 'repeats', at: description.range, data: { name: entry.link.text.trim() }, actual: description.text });
    }
  },
});
