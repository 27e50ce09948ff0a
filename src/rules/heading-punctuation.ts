// heading-punctuation: headings do not end with the punctuation listed in `style.headings.trailingPunctuation`.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { headedSections, rangeOf } from './utils/structure.js';

/** Flags (and removes) trailing punctuation such as `Tools:` or `Links.` at the end of a heading. */
export const headingPunctuation = defineRule({
  id: 'heading-punctuation',
  description: 'Headings do not end with a character from `style.headings.trailingPunctuation`.',
  rationale:
    'Headings are labels, not sentences; a trailing colon or period also ends up in the anchor-free ToC text and looks inconsistent next to the other sections.',
  fixable: true,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    unexpected: 'Unexpected `{actual}` at the end of a heading, expected no trailing punctuation',
  },
  examples: {
    valid: [
      { name: 'plain headings', markdown: '# List\n\n## Tools\n\n## Tools :rocket:\n\n## Q&amp;A\n' },
      { name: 'a question allowed by the style', markdown: '# List\n\n## Why?\n', style: { headings: { trailingPunctuation: '.:' } } },
      { name: 'questions, exclamations and abbreviations keep their mark', markdown: '# List\n\n## Is this list for me?\n\n## Boats, Ships and Co.\n\n## Go!\n' },
    ],
    invalid: [
      {
        name: 'a trailing colon',
        markdown: '# List\n\n## Tools:\n\n## Guides .\n',
        errors: [
          { messageId: 'unexpected', line: 3, column: 9 },
          { messageId: 'unexpected', line: 5, column: 11 },
        ],
        output: '# List\n\n## Tools\n\n## Guides\n',
      },
    ],
  },
  check(ctx) {
    const punctuation = ctx.style.headings.trailingPunctuation;
    if (punctuation === '') return;
    const isPunctuation = (char: string): boolean => punctuation.includes(char);
    for (const section of headedSections(ctx.doc)) {
      const span = section.titleSpan;
      if (!span) continue;
      const text = span.text;
      let end = text.length;
      while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      let start = end;
      while (start > 0 && isPunctuation(text[start - 1]!)) start--;
      if (start === end || isExempt(text, start, end)) continue;
      let cut = start;
      while (cut > 0 && (text[cut - 1] === ' ' || text[cut - 1] === '\t')) cut--;
      // A heading made only of punctuation would be emptied by the fix.
      if (cut === 0) continue;
      const base = span.range.start.offset;
      const actual = text.slice(start, end);
      ctx.report({
        messageId: 'unexpected',
        at: rangeOf(ctx.doc, base + start, base + end),
        data: { actual },
        actual,
        fix: [{ start: base + cut, end: base + end, text: '' }],
      });
    }
  },
});

/** Trailing characters that render as something else: `:emoji:` shortcodes, `&entities;` and backslash escapes. */
function isExempt(text: string, start: number, end: number): boolean {
  const last = text[end - 1];
  // A heading may ask or exclaim ("Is this list for me?"), and "Co." or "etc." ends with its abbreviation's dot.
  if (last === '?' || last === '!') return true;
  if (last === '.' && end - start === 1 && isAbbreviation(text.slice(0, start))) return true;
  if (text[start - 1] === '\\' || text[end - 2] === '\\') return true;
  if (last === ':' && endsWithToken(text, end - 1, ':', isShortcodeChar)) return true;
  if (last === ';' && endsWithToken(text, end - 1, '&', isEntityChar)) return true;
  return false;
}

/** Abbreviations that end with a dot of their own (compared lower-case). */
const ABBREVIATIONS = new Set(['co', 'inc', 'ltd', 'corp', 'etc', 'vs', 'jr', 'sr', 'st', 'dr', 'no', 'vol', 'al']);

/** True when `before` ends with an abbreviation or an initial ("J."), so its final dot belongs to it. */
function isAbbreviation(before: string): boolean {
  let index = before.length;
  while (index > 0 && /\p{L}/u.test(before[index - 1]!)) index--;
  const word = before.slice(index);
  return ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && word === word.toUpperCase() && word !== word.toLowerCase());
}

/** True when `text[..at)` ends with `open` followed by one or more `isChar` characters. */
function endsWithToken(text: string, at: number, open: string, isChar: (char: string) => boolean): boolean {
  let index = at;
  while (index > 0 && isChar(text[index - 1]!)) index--;
  return index < at && index > 0 && text[index - 1] === open;
}

function isShortcodeChar(char: string): boolean {
  return /[a-z0-9_+-]/.test(char);
}

function isEntityChar(char: string): boolean {
  return /[A-Za-z0-9#]/.test(char);
}
