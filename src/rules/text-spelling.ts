// text-spelling: ordinary English words misspelt in headings, link texts and descriptions.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { rangeOf } from '../markdown/positions.js';
import type { ListDocument, Span } from '../markdown/types.js';
import { spellingDictionary, type SpellingDictionary } from '../spelling/dictionary.js';
import { ListVocabulary } from '../spelling/list-vocabulary.js';
import { isAffixedWord, isCompound, isEndingVariant, isInflected, matchCasing, nearWords } from '../spelling/near-words.js';
import { checkableWords, countWords, trimPunctuation, type WordInContext } from '../spelling/words.js';
import type { Word } from '../spelling/word.js';

const optionsSchema = z.object({}).strict();
type Options = z.infer<typeof optionsSchema>;

// Other places of one misspelling attached to its report; a word misspelt everywhere is still one finding.
const MAX_RELATED = 10;
// More near words than this and the word is ambiguous (a rare word or a name), not a clear slip.
const MAX_NEAR_WORDS = 3;

/** Where a text read as prose comes from; `anchor-link` is an in-page link (a table of contents repeating a heading). */
type ProseKind = 'heading' | 'link' | 'anchor-link' | 'description';

/** A text read as prose, and where it comes from. */
interface ProseSpan extends Span {
  kind: ProseKind;
  /** The link's destination, for link texts. */
  url?: string;
}

/** The texts read as prose: headings, link texts (not images, bare URLs or autolinks) and entry descriptions. */
function proseSpans(doc: ListDocument): ProseSpan[] {
  const spans: ProseSpan[] = [];
  for (const section of doc.sections) if (section.titleSpan) spans.push({ ...section.titleSpan, kind: 'heading' });
  for (const link of doc.links) {
    if (link.isImage || !link.textRange || link.syntax === 'bare' || link.syntax === 'autolink') continue;
    const range = link.textRange;
    spans.push({ text: doc.text.slice(range.start.offset, range.end.offset), range, kind: link.url.startsWith('#') ? 'anchor-link' : 'link', url: link.url });
  }
  for (const entry of doc.entries) if (entry.description) spans.push({ ...entry.description, kind: 'description' });
  return spans;
}

/**
 * True for a plain word of three or more letters, without inner capitals, that the dictionaries do not know and
 * that is not itself one edit from a word (two slips side by side must not excuse each other).
 */
function isUnknownName(text: string, dictionary: SpellingDictionary): boolean {
  return /^[A-Za-z][a-z]{2,}$/.test(text) && !dictionary.has(text) && nearWords(text, dictionary).length === 0;
}

/**
 * True when a word stands where names stand: beside another word the dictionaries do not know (`for illumos bhyve`,
 * `Alex Smola`) or an initial (`Emden R. Gansner`); and for a capitalised word, also alone as a whole link text or
 * link text, with a possessive `'s`, or anywhere in a description, where ordinary words are capitalised only to
 * start a sentence and a sentence so often starts with the project's own name.
 */
function isInNamePosition(word: WordInContext, kind: ProseKind, dictionary: SpellingDictionary): boolean {
  if (word.neighbours.some((neighbour) => /^[A-Z]\.$/.test(neighbour) || isUnknownName(trimPunctuation(neighbour), dictionary))) return true;
  const first = word.text[0]!;
  if (first === first.toLowerCase()) return false;
  if ((word.isWholeText && kind !== 'heading') || word.isPossessive || kind === 'description') return true;
  return word.neighbours.map(trimPunctuation).some((neighbour) => /^[A-Z]/.test(neighbour) && !dictionary.hasCommonWord(neighbour.toLowerCase()));
}

/**
 * True when a capitalised word inside a link text (not its first word) can be taken for a slip: title-case link
 * texts are full of people, companies and products, so only when the link's own URL spells the word it should be.
 */
function isConfirmedByUrl(word: WordInContext, span: ProseSpan, near: string[]): boolean {
  const first = word.text[0]!;
  if (span.kind !== 'link' || first === first.toLowerCase() || word.isSentenceStart) return true;
  const url = (span.url ?? '').toLowerCase();
  return near.some((candidate) => url.includes(candidate));
}

/** An unknown word near a dictionary word, with its other places in the list. */
interface Suspect {
  word: Word;
  near: string[];
  others: Word[];
  /** Places that are copies of another (table-of-contents links repeating a heading). */
  copies: number;
}

/** Reports ordinary words the dictionaries do not know but know a word one edit away from, as warnings. */
export const textSpelling = defineRule({
  id: 'text-spelling',
  description: 'Ordinary English words in headings, link texts and descriptions are spelt correctly.',
  rationale:
    'A typo such as "Continous" or "Piplines" looks careless and hides the entry from search. Only a word one edit from an American or British English or software-terms dictionary word, used once, is reported; names the list vouches for (in its URLs, repeated link texts or `style.names`), code, identifiers and acronyms are left alone.',
  fixable: false,
  defaultSeverity: 'warn',
  options: optionsSchema,
  messages: {
    misspelt: 'Unexpected `{actual}`, expected `{expected}`',
    ambiguous: 'Unexpected `{actual}`, expected a word such as `{expected}`',
  },
  examples: {
    valid: [
      {
        name: 'names the URLs spell, code spans, identifiers and British spellings',
        markdown: '# Tools\n\n- [Streamlit](https://github.com/streamlit/streamlit) - Builds colourful `dataframs` apps in Streamlit with useEffect hooks.\n',
      },
      { name: 'configured names', style: { names: ['Kedro'] }, markdown: '# Kedro Pipelines\n\n- [Alpha](https://alpha.dev) - Pipelines for Kedro.\n' },
    ],
    invalid: [
      {
        name: 'a misspelt word in a heading',
        markdown: '# Piplines\n\n- [Alpha](https://alpha.dev) - Runs tasks.\n',
        errors: [{ messageId: 'misspelt', line: 1, column: 3 }],
      },
      {
        name: 'a misspelt word in a description',
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Improves software archtitecture.\n',
        errors: [{ messageId: 'misspelt', line: 3, column: 50 }],
      },
    ],
  },
  check(ctx) {
    const dictionary = spellingDictionary();
    let vocabulary: ListVocabulary | undefined;
    const suspects = new Map<string, Suspect>();
    const cleared = new Set<string>();
    const isKnown = (word: string): boolean => dictionary.has(word);
    for (const span of proseSpans(ctx.doc)) {
      for (const word of checkableWords(span.text, span.range.start.offset, isKnown)) {
        const key = word.text.toLowerCase();
        if (cleared.has(key)) continue;
        const earlier = suspects.get(key);
        if (earlier) {
          earlier.others.push(word);
          if (span.kind === 'anchor-link') earlier.copies++;
          continue;
        }
        // Where a word stands decides for this place only: the same word may be a slip elsewhere.
        if (isInNamePosition(word, span.kind, dictionary)) continue;
        // Built only once an unknown word turns up.
        vocabulary ??= new ListVocabulary(ctx.doc, ctx.style.names);
        const isCoined = vocabulary.has(word.text) || isAffixedWord(word.text, dictionary) || isInflected(word.text, dictionary);
        let near = isCoined ? [] : nearWords(word.text, dictionary);
        if (near.length > 0 && isCompound(word.text, near, dictionary)) near = [];
        if (near.length === 0 || near.length > MAX_NEAR_WORDS || near.some((candidate) => isEndingVariant(word.text, candidate)) || !isConfirmedByUrl(word, span, near)) {
          cleared.add(key);
          continue;
        }
        suspects.set(key, { word, near, others: [], copies: span.kind === 'anchor-link' ? 1 : 0 });
      }
    }
    if (suspects.size === 0) return;
    // A word the list writes more than once (outside table-of-contents copies) is a name it uses, not a slip.
    // In-page link targets (`#continous-integration`) repeat a heading's words without being a use of them.
    const uses = countWords(ctx.doc.text.replace(/\]\(#[^)]*\)/g, ']'), new Set(suspects.keys()));
    const ordered = [...suspects.entries()]
      .filter(([key, suspect]) => (uses.get(key) ?? 0) - suspect.copies <= 1)
      .map(([, suspect]) => suspect)
      .sort((a, b) => a.word.offset - b.word.offset);
    for (const { word, near, others } of ordered) {
      const expected = near.map((candidate) => matchCasing(candidate, word.text));
      ctx.report({
        messageId: expected.length === 1 ? 'misspelt' : 'ambiguous',
        at: rangeOf(ctx.doc, word.offset, word.offset + word.text.length),
        data: { actual: word.text, expected: expected.join('` or `') },
        actual: word.text,
        expected,
        related: others.slice(0, MAX_RELATED).map((other) => ({
          at: rangeOf(ctx.doc, other.offset, other.offset + other.text.length),
          message: `\`${other.text}\` also here`,
        })),
      });
    }
  },
});
