// The words of a piece of Markdown worth spell-checking: plain English-looking words outside code, URLs and markup.
import type { Word } from './word.js';

/** A word to check, with what surrounds it: what tells a person's or product's name from a slip. */
export interface WordInContext extends Word {
  /** True for the first word of the text or of a sentence in it. */
  isSentenceStart: boolean;
  /** The whitespace-separated chunks just before and after the word's chunk, as written, when there are any. */
  neighbours: string[];
  /** True when the word's chunk is the whole text (a link text or heading that is one word: a name). */
  isWholeText: boolean;
  /** True when the word was written with a possessive `'s` (`Bartek's`): people and products own things, words rarely. */
  isPossessive: boolean;
}

/** Words shorter than this are not checked: short words sit one edit from many others, and short names abound. */
export const MIN_CHECKED_LENGTH = 6;
/** Words longer than this are not English (the longest dictionary words have about 30 letters) and are not checked. */
export const MAX_CHECKED_LENGTH = 40;

// Markup whose text is not prose, blanked out (same length, so offsets still hold) before words are split. Each
// pattern has a bounded length: an unbounded `<[^>]*>` rescans to the end of the text from every `<` of a hostile
// line that never closes one, which is quadratic.
const NOT_PROSE = [
  /(`{1,10})[^`]{0,2000}?\1/g, // code spans
  /<[^<>]{0,2000}>/g, // HTML tags
  /\]\([^()]{0,4000}\)/g, // link and image destinations
  /\]\[[^[\]]{0,1000}\]/g, // reference labels
  /\b[a-z][a-z+.-]{0,30}:\/\/\S*/gi, // URLs typed as text
  /\bwww\.\S*/gi,
  /:[\w+-]{1,60}:/g, // emoji shortcodes
  /&#?\w{1,10};/g, // HTML entities
];

// An ASCII word, possibly hyphenated or with an apostrophe: anything else (digits, dots, underscores, other scripts) is an identifier or not English.
const PLAIN_WORD = /^[A-Za-z]+(?:['’-][A-Za-z]+)*$/;
const LEADING_PUNCTUATION = new Set('("\'“‘«*_~[{¿¡');
const TRAILING_PUNCTUATION = new Set(')"\'”’»*_~.,;:!?…]}');

/** `chunk` without the brackets, quotes, emphasis and punctuation around it. */
export function trimPunctuation(chunk: string): string {
  // Loops, not a regular expression: `[.]+$` backtracks quadratically on a long run of dots before a letter.
  let start = 0;
  let end = chunk.length;
  while (start < end && LEADING_PUNCTUATION.has(chunk[start]!)) start++;
  while (end > start && TRAILING_PUNCTUATION.has(chunk[end - 1]!)) end--;
  return chunk.slice(start, end);
}

/** `text` with code spans, markup, URLs and shortcodes replaced by spaces of the same length. */
export function maskNonProse(text: string): string {
  // Most descriptions are plain sentences: one cheap test spares them eight replacements.
  if (!/[`<\]:&]|www\./i.test(text)) return text;
  let masked = text;
  for (const pattern of NOT_PROSE) masked = masked.replace(pattern, (match) => ' '.repeat(match.length));
  return masked;
}

/** True for camelCase, PascalCase with inner capitals and ALLCAPS words: identifiers and acronyms, not misspellings. */
function hasInnerCapital(word: string): boolean {
  return /.[A-Z]/.test(word);
}

/**
 * The words of `text` (which starts at document offset `baseOffset`) to spell-check: whole plain words and the parts
 * of hyphenated ones, at least `MIN_CHECKED_LENGTH` letters, without inner capitals, outside code, URLs and markup.
 * Words `isKnown` accepts are skipped before anything is built for them: on a big list almost every word is known,
 * and objects made for each would cost more than the check.
 */
export function checkableWords(text: string, baseOffset: number, isKnown: (word: string) => boolean = () => false): WordInContext[] {
  const masked = maskNonProse(text);
  const words: WordInContext[] = [];
  const chunkPattern = /\S+/g;
  let previous: string | undefined;
  let chunkCount = 0;
  for (let chunk = chunkPattern.exec(masked); chunk !== null; previous = chunk[0], chunk = chunkPattern.exec(masked)) {
    chunkCount++;
    const trimmed = trimPunctuation(chunk[0]);
    if (trimmed.length < MIN_CHECKED_LENGTH || !PLAIN_WORD.test(trimmed)) continue;
    // Long chunks are tested part by part below; a chunk of a million letters must not reach the dictionary.
    const chunkOffset = chunk.index + chunk[0].indexOf(trimmed);
    for (const part of trimmed.matchAll(/[A-Za-z]+(?:['’][A-Za-z]+)*/g)) {
      const word = part[0].replace(/['’]s$/, '');
      if (word.length < MIN_CHECKED_LENGTH || word.length > MAX_CHECKED_LENGTH || hasInnerCapital(word) || /['’]/.test(word) || isKnown(word)) continue;
      const next = /\S+/.exec(masked.slice(chunkPattern.lastIndex))?.[0];
      words.push({
        text: word,
        offset: baseOffset + chunkOffset + part.index!,
        // An initial (`Frank B. Brokken`) ends with a dot without ending a sentence.
        isSentenceStart: previous === undefined || (/[.!?:]$/.test(previous) && !/^[A-Z]\.$/.test(previous)),
        neighbours: [previous, next].filter((neighbour): neighbour is string => neighbour !== undefined),
        isWholeText: chunkCount === 1 && next === undefined,
        isPossessive: word.length < part[0].length,
      });
    }
  }
  return words;
}

/** How often each of `words` (lower case) occurs in `text` as a whole word, in any casing. */
export function countWords(text: string, words: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/[A-Za-z]+/g)) {
    const lower = match[0].toLowerCase();
    if (words.has(lower)) counts.set(lower, (counts.get(lower) ?? 0) + 1);
  }
  return counts;
}
