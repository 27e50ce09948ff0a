// entry-description-case: a description's first letter follows `style.entry.description.case`.
import * as z from 'zod';
import { defineRule, type ReportDescriptor } from './define-rule.js';
import { CANONICAL_NAMES } from './utils/canonical-names.js';
import { ATTRIBUTION_WORDS, isCasedLetter, isLower, isSpace, isUpper, normalizeName, resourceEntries, startsWithUrl } from './utils/entries.js';
import { rangeOf } from '../markdown/positions.js';
import type { Entry, ListDocument } from '../markdown/types.js';

// Below this many descriptions a list is too small to speak of its own convention.
const CONVENTION_MIN_ENTRIES = 10;

// Skipped before the first word: brackets, quotes and emphasis markers.
// Not `~`: a word after a symbol (`~tilde`, a path or an operator) is written as it is meant.
const OPENERS = new Set(['(', '"', "'", '“', '‘', '«', '*', '_', '¿', '¡']);
// A Markdown construct rather than a word: code span, link, image, HTML, escape.
const CONSTRUCTS = new Set(['`', '[', '!', '<', '\\']);
// Words that often open a description and are safe to lower-case when the style asks for it.
const COMMON_STARTERS = new Set(
  [
    'a an the this these another simple small fast lightweight minimal modern tiny powerful open free easy',
    'library tool tools framework collection set list curated guide tutorial command plugin extension client',
    'server wrapper implementation bindings utility utilities module package api interface generator platform',
    'service app application',
  ]
    .join(' ')
    .split(' '),
);

/** Lower-cased names that are deliberately written in lower case (npm, pandas, the list's own lower-case link texts). */
function lowerCaseNames(doc: ListDocument, extra: string[]): Set<string> {
  const names = new Set<string>();
  for (const name of [...CANONICAL_NAMES, ...extra]) if (isLower(name[0] ?? '')) names.add(firstWord(name).toLowerCase());
  for (const link of doc.links) {
    const word = firstWord(link.text.trim());
    if (!link.isImage && isLower(word[0] ?? '')) names.add(word.toLowerCase());
  }
  return names;
}

/** Every known name, lower-cased: canonical names and the first word of every link text. */
function anyCaseNames(doc: ListDocument, extra: string[]): Set<string> {
  const names = new Set<string>();
  for (const name of [...CANONICAL_NAMES, ...extra]) names.add(firstWord(name).toLowerCase());
  for (const link of doc.links) if (!link.isImage) names.add(firstWord(link.text.trim()).toLowerCase());
  return names;
}

// Longer runs without a space are not words (hashes, minified text); looking further only costs time.
const MAX_WORD_LENGTH = 64;

/** The text up to the first whitespace, without trailing punctuation; '' when that is no word but a long run. */
function firstWord(text: string): string {
  let end = 0;
  while (end < text.length && !isSpace(text[end])) {
    if (++end > MAX_WORD_LENGTH) return '';
  }
  let word = text.slice(0, end);
  while (word.length > 0 && /[.,;:!?)\]"'”’*_~…]/.test(word[word.length - 1]!)) word = word.slice(0, -1);
  return word;
}

/** True when `word` is the entry's own name (the first word of its link text), however it is cased or hyphenated. */
function isOwnName(entry: Entry, word: string): boolean {
  const ownName = entry.link ? normalizeName(firstWord(entry.link.text.trim())) : '';
  if (ownName !== '' && normalizeName(word) === ownName) return true;
  // A word the entry's own links spell exactly this way (`alibi-detect` in the URL, `sklearn` in a link text) is a name.
  return entry.links.some((link) => link.url.includes(word) || link.text.includes(word));
}

/** True for a plain lower-case word ("fast", "open-source", "don't") whose first letter can be safely capitalised. */
function isPlainLowerWord(word: string): boolean {
  return [...word].every((char) => isLower(char) || char === '-' || char === "'" || char === '’') && isLower(word[0] ?? '');
}

/** The first words of descriptions that start with a capital, lower-cased: the words a list itself capitalises. */
function capitalisedFirstWords(entries: readonly Entry[]): Set<string> {
  const words = new Set<string>();
  for (const entry of entries) {
    const match = entry.description ? /^[\s"'“‘(*_]*(\p{Lu}\p{Ll}*)\b/u.exec(entry.description.text) : null;
    if (match) words.add(match[1]!.toLowerCase());
  }
  return words;
}

/** Reports descriptions whose first letter has the wrong case; fixes plain words. */
export const entryDescriptionCase = defineRule({
  id: 'entry-description-case',
  description: "A description's first letter is upper- or lower-case as the style says.",
  rationale: 'Descriptions read as one voice when they start the same way; names that are written in lower case are left alone.',
  fixable: true,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    upper: 'Unexpected lower-case `{actual}`, expected `{expected}`{evidence}',
    lower: 'Unexpected upper-case `{actual}`, expected `{expected}`{evidence}',
  },
  examples: {
    valid: [
      { name: 'capitalised', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n' },
      { name: 'a name written in lower case', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - npm scripts, iOS apps.\n' },
      { name: 'starts with code', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - `alpha build` in one step.\n' },
    ],
    invalid: [
      {
        name: 'lower-case first letter',
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - fast builds.\n',
        errors: [{ messageId: 'upper', line: 3, column: 32 }],
        output: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n',
      },
      {
        name: 'lower-case style',
        style: { entry: { description: { case: 'lower' } } },
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Simple builds.\n',
        errors: [{ messageId: 'lower', line: 3, column: 32 }],
        output: '# Tools\n\n- [Alpha](https://alpha.dev) - simple builds.\n',
      },
    ],
  },
  check(ctx) {
    const mode = ctx.style.entry.description.case;
    if (mode === 'any') return;
    const evidence = ctx.evidence('entry.description.case');
    // Built on first need: in a list whose descriptions are all cased as asked, it never is.
    let knownNames: Set<string> | undefined;
    const known = (): Set<string> =>
      (knownNames ??= mode === 'upper' ? lowerCaseNames(ctx.doc, ctx.style.names) : anyCaseNames(ctx.doc, ctx.style.names));
    let starters: Set<string> | undefined;
    const capitalStarters = (): Set<string> => (starters ??= capitalisedFirstWords(resourceEntries(ctx.doc)));
    let cased = 0;
    const found: ReportDescriptor[] = [];
    for (const entry of resourceEntries(ctx.doc)) {
      const description = entry.description;
      if (!description || entry.descriptionPlacement === 'code') continue;
      // Without a separator the description continues the name as one sentence ("[X](url) is a…", "[X](url) by Y").
      if (entry.descriptionPlacement === 'inline' && !entry.separator && entry.link) continue;
      const text = description.text;
      let i = 0;
      while (i < text.length && (isSpace(text[i]) || OPENERS.has(text[i]!))) i++;
      if (i >= text.length || CONSTRUCTS.has(text[i]!) || startsWithUrl(text.slice(i))) continue;
      const first = String.fromCodePoint(text.codePointAt(i)!);
      if (!isCasedLetter(first)) continue;
      cased++;
      const word = firstWord(text.slice(i, i + MAX_WORD_LENGTH + 1));
      if (word === '') continue;
      // Only a word whose case is wrong for the mode can be reported; the checks below cost more than this one.
      if (mode === 'upper' ? !isLower(first) : !isUpper(first)) continue;
      const lower = word.toLowerCase();
      // Own name, known names, inner capitals (iOS, eBay), digits or identifier punctuation: a name, not a word.
      if (known().has(lower) || isOwnName(entry, word)) continue;
      if (/[\d./_@:#+=]/.test(word)) continue;
      const rest = [...word].slice(1);
      const offset = description.range.start.offset + i;
      if (mode === 'upper') {
        if (rest.some(isUpper)) continue;
        const expected = first.toUpperCase() + word.slice(first.length);
        // "by Author", "on Site", "in Persian": an attribution or note, which reads wrong with a capital.
        // "(part of Django) The ORM": a bracketed aside keeps its own case.
        const isAside = text.slice(0, i).includes('(');
        // Only a word the list itself capitalises elsewhere (or a common opener) is certainly a word and not a name
        // written in lower case on purpose (`gnuplot`, `sklearn`).
        const isKnownWord = COMMON_STARTERS.has(lower) || capitalStarters().has(lower);
        const fix = isPlainLowerWord(word) && !word.includes('-') && !ATTRIBUTION_WORDS.has(lower) && !entry.inHtml && !isAside && isKnownWord ? [{ start: offset, end: offset + first.length, text: first.toUpperCase() }] : undefined;
        found.push({ messageId: 'upper', at: rangeOf(ctx.doc, offset, offset + word.length), data: { actual: word, expected, evidence }, fix, actual: word, expected: [expected] });
      } else {
        if (rest.some((char) => !isLower(char) && char !== '-' && char !== "'")) continue;
        const expected = first.toLowerCase() + word.slice(first.length);
        const fix = COMMON_STARTERS.has(lower) && !entry.inHtml ? [{ start: offset, end: offset + first.length, text: first.toLowerCase() }] : undefined;
        found.push({ messageId: 'lower', at: rangeOf(ctx.doc, offset, offset + word.length), data: { actual: word, expected, evidence }, fix, actual: word, expected: [expected] });
      }
    }
    // When most of a sizeable list starts its descriptions the other way, that is the list's own convention: the
    // findings stay, but re-casing every description is not a certain fix.
    const isListConvention = cased >= CONVENTION_MIN_ENTRIES && found.length * 2 > cased;
    for (const descriptor of found) ctx.report(isListConvention ? { ...descriptor, fix: undefined } : descriptor);
  },
});
