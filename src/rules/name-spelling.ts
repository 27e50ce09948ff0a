// name-spelling: likely typos and wrong casing of names in link texts and headings.
import * as z from 'zod';
import { defineRule, type RuleContext } from './define-rule.js';
import { CANONICAL_NAMES, NOT_TYPOS } from './utils/canonical-names.js';
import { isLower, isUpper, normalizeName } from './utils/entries.js';
import { rangeOf } from '../markdown/positions.js';
import { NameIndex, allowedEdits, editDistance, nameFromUrl, wordsOf, type Word } from './utils/names.js';
import type { LinkRef } from '../markdown/types.js';
import { spellingDictionary, type SpellingDictionary } from '../spelling/dictionary.js';

const optionsSchema = z.object({}).strict();
type Options = z.infer<typeof optionsSchema>;

// Built-in names shorter than this are only checked for casing: short brand names sit one edit from everyday words.
const MIN_BUILT_IN_TYPO_LENGTH = 6;
// Built-in names get a second edit only from this length: "Electric" is two edits from "Electron".
const BUILT_IN_TWO_EDIT_LENGTH = 10;
const notTypos = new Set(NOT_TYPOS);

/** Canonical single-word spellings by lower-case form, for the casing check. */
function casingTable(extra: string[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const name of [...CANONICAL_NAMES, ...extra]) if (!/\s/.test(name)) table.set(name.toLowerCase(), name);
  return table;
}

/** True for a word written in a casing that could be a mistake: mixed, not all lower (package names) nor all upper (shouting). */
function isMixedCase(word: string): boolean {
  const letters = [...word].filter((char) => isLower(char) || isUpper(char));
  return letters.some(isLower) && letters.some(isUpper);
}

/** The canonical spelling `word` gets wrong by casing only, if any. */
function wrongCasing(word: string, table: Map<string, string>): string | undefined {
  const canonical = table.get(word.toLowerCase());
  if (canonical === undefined || canonical === word || !isMixedCase(word)) return undefined;
  // "Webpack" at the start of a heading is capitalisation, not a misspelling of "webpack".
  if (canonical === canonical.toLowerCase() && word === canonical[0]!.toUpperCase() + canonical.slice(1)) return undefined;
  return canonical;
}

/** Links whose text names something: not images, anchors, or URLs typed as text. */
function namedLinks(links: LinkRef[]): LinkRef[] {
  return links.filter(
    (link) =>
      !link.isImage &&
      link.textRange &&
      link.text.trim() !== '' &&
      !link.url.startsWith('#') &&
      link.syntax !== 'bare' &&
      link.syntax !== 'autolink',
  );
}

/**
 * Adds the names the list itself spells consistently (link texts matching their URL, other texts used twice)
 * to `index`; returns each unconfirmed link with the name its URL gives, if any.
 */
function listNames(links: LinkRef[], index: NameIndex): Map<LinkRef, string | undefined> {
  const unconfirmed = new Map<LinkRef, string | undefined>();
  const uses = new Map<string, number>();
  for (const link of links) {
    const text = link.text.trim();
    const urlName = nameFromUrl(link.url);
    const normalized = normalizeName(text);
    if (urlName !== undefined && normalizeName(urlName) === normalized) {
      if (normalized.length >= MIN_BUILT_IN_TYPO_LENGTH) index.add(text, undefined, normalized);
    } else {
      unconfirmed.set(link, urlName);
      // Only unconfirmed texts are counted: a text confirmed once is already a name (or too short to become one).
      uses.set(text, (uses.get(text) ?? 0) + 1);
    }
  }
  for (const [text, count] of uses) if (count >= 2 && normalizeName(text).length >= MIN_BUILT_IN_TYPO_LENGTH) index.add(text);
  return unconfirmed;
}

/** What `checkWords` compares words with. */
interface NameTables {
  index: NameIndex;
  casing: Map<string, string>;
  dictionary: SpellingDictionary;
}

/**
 * Reports wrong casing or a near miss for each word; returns nothing, reports through `ctx`. `url` is the link's
 * destination when the words are its text: a word the URL itself spells (`lingua-go`, `sklearn`) is the project's own
 * spelling and is never reported.
 */
function checkWords(
  ctx: RuleContext<Options>,
  words: Word[],
  spanRange: { start: number; end: number },
  { index, casing: table, dictionary }: NameTables,
  link?: { url: string; hasOwnName: boolean },
): void {
  const url = link?.url;
  const urlText = url?.toLowerCase();
  // One report per distinct word of a heading or link text: a word repeated many times (a generated or hostile
  // heading) is one mistake, not thousands.
  const seen = new Set<string>();
  for (const word of words) {
    if (seen.has(word.text)) continue;
    seen.add(word.text);
    if (urlText !== undefined && url!.includes(word.text)) continue;
    const casing = wrongCasing(word.text, table);
    if (casing !== undefined) {
      ctx.report({
        messageId: 'casing',
        at: rangeOf(ctx.doc, word.offset, word.offset + word.text.length),
        data: { actual: word.text, expected: casing },
        actual: word.text,
        expected: [casing],
      });
      continue;
    }
    if (table.has(word.text.toLowerCase()) || notTypos.has(word.text.toLowerCase())) continue;
    // A link whose URL names its project (a repository, a package, a home page) names that project: comparing its
    // text with the list's other names would take one project for a typo of another (`Nuxt.js`, `Next.js`).
    if (link?.hasOwnName) continue;
    // A word the dictionaries know ("Language", "Graphics", "library") is no typo of a name near it, nor is a
    // lower-case word the link's own URL spells, nor a coined name with inner capitals (`SwiftUI`, `CppChat`).
    if (urlText?.includes(word.text.toLowerCase()) || isDictionaryPhrase(word.text, dictionary) || /.\p{Lu}/u.test(word.text)) continue;
    const near = index.nearMiss(word.text);
    // A spelling the list also uses elsewhere is a name of its own (`Nuxt.js` beside `Next.js`), not a slip.
    if (near === undefined || occursOutside(ctx.doc.text, word.text, spanRange)) continue;
    ctx.report({
      messageId: 'typo',
      at: rangeOf(ctx.doc, word.offset, word.offset + word.text.length),
      data: { actual: word.text, expected: near },
      actual: word.text,
      expected: [near],
    });
  }
}

/**
 * True when `word` occurs in `text` outside the heading or link text it was read from (`span`, document offsets).
 * Rarely asked: only for a word about to be reported.
 */
function occursOutside(text: string, word: string, span: { start: number; end: number }): boolean {
  const before = text.indexOf(word);
  return (before !== -1 && before < span.start - word.length + 1) || text.indexOf(word, span.end) !== -1;
}

/**
 * True when every word of `text` (letter runs of three or more, as in `Object-Oriented`; `js` in `Node.js` is a
 * suffix, not a word) is a dictionary word.
 */
function isDictionaryPhrase(text: string, dictionary: SpellingDictionary): boolean {
  const words = (text.match(/[\p{L}']+/gu) ?? []).filter((word) => word.length >= 3);
  return words.length > 0 && words.every((word) => dictionary.has(word));
}

/**
 * True when `text` misspells `urlName` by a few edits (and is not merely a longer or shorter form of it). Text made
 * only of dictionary words is a title, not a misspelt name (`Mastering Object-Orientated PHP` for `mastering-object-oriented-php`).
 */
function misspellsUrlName(text: string, urlName: string, dictionary: SpellingDictionary): boolean {
  // Other scripts, accents and symbols (`µTask`, `Tufão`, `Plotly++`, `plf::list`) are spelt in URLs by
  // transliteration, which differs by more than a typo would.
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/.test(text) || isDictionaryPhrase(text, dictionary)) return false;
  const a = normalizeName(text);
  const b = normalizeName(urlName);
  if (a === b || a.length < 4 || /\d/.test(a + b) || a.startsWith(b) || b.startsWith(a) || a.endsWith(b) || b.endsWith(a)) return false;
  const limit = allowedEdits(b.length);
  return limit > 0 && editDistance(a, b, limit) <= limit;
}

/** Reports likely typos and wrong casing of names, as suggestions. */
export const nameSpelling = defineRule({
  id: 'name-spelling',
  description: 'Names in link texts and headings are spelt as their URL, the rest of the list or their owners spell them.',
  rationale:
    'A misspelt name looks careless and defeats search; the correct spelling is usually one click away in the URL. A link text is compared with the name in its own URL, other words with the names the list spells consistently; a word an English or software-terms dictionary knows, or that the link\'s own URL spells, is never taken for a typo of a name. Ordinary misspelt words are `text-spelling`\'s.',
  fixable: false,
  defaultSeverity: 'warn',
  options: optionsSchema,
  messages: {
    typo: '`{actual}` looks like a typo of `{expected}`',
    casing: 'Unexpected `{actual}`, expected `{expected}`',
  },
  examples: {
    valid: [
      {
        name: 'names spelt as their owners do',
        markdown: '# GitHub Tools\n\n- [MLflow](https://github.com/mlflow/mlflow) - Tracks JavaScript and Python experiments.\n',
      },
      { name: 'names inside code spans and URLs are left alone', markdown: '# Tools\n\n- [`github` CLI](https://cli.github.com/manual) - Tool.\n' },
    ],
    invalid: [
      {
        name: 'a typo of the name in the URL',
        markdown: '# Tools\n\n- [Mlfow](https://github.com/mlflow/mlflow) - Tracks experiments.\n',
        errors: [{ messageId: 'typo', line: 3, column: 4 }],
      },
      {
        name: 'wrong casing of a well-known name',
        markdown: '# Github Tools\n\n- [Tools](https://tools.dev) - Tools.\n',
        errors: [{ messageId: 'casing', line: 1, column: 3 }],
      },
    ],
  },
  check(ctx) {
    const dictionary = spellingDictionary();
    const table = casingTable(ctx.style.names);
    const index = new NameIndex();
    for (const name of CANONICAL_NAMES) {
      const length = normalizeName(name).length;
      if (length >= MIN_BUILT_IN_TYPO_LENGTH) index.add(name, length >= BUILT_IN_TWO_EDIT_LENGTH ? 2 : 1);
    }
    for (const name of ctx.style.names) index.add(name);
    const links = namedLinks(ctx.doc.links);
    const unconfirmed = listNames(links, index);
    const tables: NameTables = { index, casing: table, dictionary };
    for (const section of ctx.doc.sections) {
      const span = section.titleSpan;
      if (span) checkWords(ctx, wordsOf(span.text, span.range.start.offset), { start: span.range.start.offset, end: span.range.end.offset }, tables);
    }
    for (const [link, urlName] of unconfirmed) {
      const range = link.textRange!;
      const source = ctx.doc.text.slice(range.start.offset, range.end.offset);
      if (urlName !== undefined && misspellsUrlName(link.text.trim(), urlName, dictionary)) {
        const expected = table.get(urlName.toLowerCase()) ?? urlName;
        ctx.report({
          messageId: 'typo',
          at: range,
          data: { actual: link.text.trim(), expected },
          actual: link.text.trim(),
          expected: [expected],
          url: link.url,
        });
        continue;
      }
      checkWords(ctx, wordsOf(source, range.start.offset), { start: range.start.offset, end: range.end.offset }, tables, {
        url: link.url,
        hasOwnName: urlName !== undefined,
      });
    }
  },
});
