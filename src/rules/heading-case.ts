// heading-case: headings follow the style's title case or sentence case, leaving names, acronyms and code alone.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { headedSections, rangeOf } from './utils/structure.js';
import { SMALL_WORDS, headingWords, knownNames, type HeadingWord } from './utils/structure-words.js';

/** Checks headings against `style.headings.case` (`title` or `sentence`; unset: nothing to check). */
export const headingCase = defineRule({
  id: 'heading-case',
  description: 'Headings use the casing set by `style.headings.case`.',
  rationale:
    'Consistent headings make the outline easy to scan. The check is conservative: acronyms, camelCase names, code, link text, numbers and words used in entry names are never flagged.',
  fixable: false,
  defaultSeverity: 'warn',
  options: z
    .object({
      ignoreTitle: z.boolean().default(true).describe('Skip the level-1 title, which is usually a name ("Awesome Python").'),
      titleOnly: z
        .boolean()
        .default(false)
        .describe('Check only the level-1 title (the awesome manifesto asks for a title-case title and leaves sections free).'),
    })
    .strict(),
  messages: {
    title: 'Unexpected `{actual}` in a title-case heading, expected `{expected}`',
    sentence: 'Unexpected `{actual}` in a sentence-case heading, expected `{expected}`',
  },
  examples: {
    valid: [
      {
        name: 'title case, small words in lower case, acronyms kept',
        markdown: '# awesome-things\n\n## Tools for the Web\n\n## MLOps and API Design\n\n## `npm` Packages\n',
        style: { headings: { case: 'title' } },
      },
      {
        name: 'sentence case with names used by entries',
        markdown: '# List\n\n## Model serving\n\n## Tools for Docker\n\n- [Docker Compose](https://docs.docker.com/compose/) - Runs containers.\n',
        style: { headings: { case: 'sentence' } },
      },
      { name: 'no casing set', markdown: '# List\n\n## model Serving tools\n' },
    ],
    invalid: [
      {
        name: 'a lower-case word in title case',
        markdown: '# List\n\n## Model serving\n',
        style: { headings: { case: 'title' } },
        errors: [{ messageId: 'title', line: 3, column: 10 }],
      },
      {
        name: 'a heading written in title case under sentence case',
        markdown: '# List\n\n## Model Serving Tools\n',
        style: { headings: { case: 'sentence' } },
        errors: [{ messageId: 'sentence', line: 3, column: 10 }],
      },
      {
        name: 'a lower-case first word in sentence case',
        markdown: '# List\n\n## tools\n',
        style: { headings: { case: 'sentence' } },
        errors: [{ messageId: 'sentence', line: 3, column: 4 }],
      },
    ],
  },
  check(ctx) {
    const mode = ctx.style.headings.case;
    if (mode === undefined) return;
    const known = knownNames(ctx.doc, ctx.style.names);
    for (const section of headedSections(ctx.doc)) {
      if (section.depth === 1 ? ctx.options.ignoreTitle && !ctx.options.titleOnly : ctx.options.titleOnly) continue;
      const words = headingWords(ctx.doc, section.heading!);
      const culprit = mode === 'title' ? titleCulprit(words, known) : sentenceCulprit(words, known);
      if (!culprit) continue;
      // Both cases capitalise the first word; only sentence case lowers the others.
      const expected = mode === 'title' || culprit === words[0] ? upperFirst(culprit.core) : lowerFirst(culprit.core);
      ctx.report({
        messageId: mode,
        at: rangeOf(ctx.doc, culprit.offset, culprit.offset + culprit.core.length),
        data: { actual: culprit.core, expected },
        actual: culprit.core,
        expected: [expected],
      });
    }
  },
});

/** The first lower-case word that title case would capitalise. */
function titleCulprit(words: HeadingWord[], known: Set<string>): HeadingWord | undefined {
  // Small words stay lower case anywhere but first; after a colon both habits are common, so both pass.
  return words.find(
    (word, index) =>
      word.case === 'lower' && !word.isInParens && !known.has(word.core) && (index === 0 || !SMALL_WORDS.has(word.core.toLowerCase())),
  );
}

/**
 * A lower-case first word, or the first capitalised word of a heading written in title case: at least two capitalised
 * words besides the first and no lower-case ones. A single capitalised word is most likely a proper noun ("Tools for
 * Kubernetes", "Using Docker"), which no word list can tell apart from a title-cased "Model Serving".
 */
function sentenceCulprit(words: HeadingWord[], known: Set<string>): HeadingWord | undefined {
  const first = words[0];
  if (first && first.case === 'lower' && !known.has(first.core)) return first;
  const inner = words.filter((word) => !word.isStart && !SMALL_WORDS.has(word.core.toLowerCase()));
  if (inner.some((word) => word.case === 'lower')) return undefined;
  const capitalised = inner.filter((word) => word.case === 'capital' && !known.has(word.core));
  return capitalised.length >= 2 ? capitalised[0] : undefined;
}

function upperFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}
