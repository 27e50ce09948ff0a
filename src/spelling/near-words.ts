// Dictionary words one edit away from a word: the check that tells a slip of the keyboard from an unknown name.
import type { SpellingDictionary } from './dictionary.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one deletion, transposition, substitution or insertion (a–z) away from `word`. */
function oneEditAway(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail !== '') out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail !== '' && letter !== tail[0]) out.add(head + letter + tail.slice(1));
      out.add(head + letter + tail);
    }
  }
  out.delete(word);
  return out;
}

/**
 * The ordinary dictionary words exactly one edit (Damerau–Levenshtein) from `word` that keep its first letter, sorted.
 * A few hundred look-ups per word: far cheaper than a general suggestion search, and one edit is what a typo almost
 * always is. Writers see the first letter they type, so a word one edit from another only there is a name
 * (`Vercel`, `Zocial`) or a prefixed form (`pretrained`, `ecommerce`), not a slip.
 */
export function nearWords(word: string, dictionary: SpellingDictionary): string[] {
  const lower = word.toLowerCase();
  return [...oneEditAway(lower)].filter((candidate) => candidate[0] === lower[0] && candidate.length > 1 && dictionary.hasCommonWord(candidate)).sort();
}

/**
 * True when `word` is another form of `near` that differs only by its last letter (`webhooks`/`webhook`,
 * `Dockerized`/`Dockerize`, `rebalance`/`rebalanced`): an inflection the word lists lack, not a misspelling.
 */
export function isEndingVariant(word: string, near: string): boolean {
  const lower = word.toLowerCase();
  return (lower.length === near.length + 1 && lower.startsWith(near)) || (near.length === lower.length + 1 && near.startsWith(lower));
}

/** `suggestion` written in the casing of `word` (`Piplines` → `Pipelines`, `PIPLINES` → `PIPELINES`). */
export function matchCasing(suggestion: string, word: string): string {
  if (word.length > 1 && word === word.toUpperCase()) return suggestion.toUpperCase();
  if (word[0] !== undefined && word[0] !== word[0].toLowerCase()) return suggestion[0]!.toUpperCase() + suggestion.slice(1);
  return suggestion;
}

// The shortest left and right parts of a compound (`filelock`, `stepless`, `socketio`).
const MIN_COMPOUND_PART = 3;

/**
 * True when `word` is two ordinary words run together (`filelock`, `multimap`, `secretless`): software names are
 * coined that way, and a word so made is deliberate rather than a slip. Not when one of `near` keeps both parts
 * and only mends the joint (`pip|lines` → `pipelines`, `com|and` → `command`): that is a slip that happens to split.
 */
export function isCompound(word: string, near: readonly string[], dictionary: SpellingDictionary): boolean {
  // Capitalised words are not taken apart: in headings and link texts they are title-case prose (`Introducting`).
  if (word !== word.toLowerCase()) return false;
  const lower = word;
  for (let split = MIN_COMPOUND_PART; split <= lower.length - MIN_COMPOUND_PART; split++) {
    const head = lower.slice(0, split);
    const tail = lower.slice(split);
    if (!dictionary.hasCommonWord(head) || !dictionary.hasCommonWord(tail)) continue;
    if (!near.some((candidate) => candidate.startsWith(head) && candidate.endsWith(tail))) return true;
  }
  return false;
}

// The shortest word an affix may be added to for the result to count as a coined name.
const MIN_AFFIXED_STEM = 4;

// The longest abbreviation a coined name may start with (`pg` in `pglite`, `gl` in `glmatrix`).
const MAX_ABBREVIATION = 3;

/**
 * True when `word` is a dictionary word with one letter before it (`cmark`, `rvalues`), two after it (`jointjs`) or
 * a vowel-less abbreviation before it (`pglite`): the way tools are named after what
 * they build on.
 */
export function isAffixedWord(word: string, dictionary: SpellingDictionary): boolean {
  const lower = word.toLowerCase();
  const isStem = (stem: string) => stem.length >= MIN_AFFIXED_STEM && dictionary.hasCommonWord(stem);
  // A two-letter tail only after a longer word, and without vowels or a known abbreviation (`socket` + `io`):
  // `coma` + `nd` is a slip, `joint` + `js` a name.
  const head = lower.slice(0, -2);
  const tail = lower.slice(-2);
  if (isStem(lower.slice(1)) || (head.length > MIN_AFFIXED_STEM && isStem(head) && (!/[aeiouy]/.test(tail) || dictionary.has(tail)))) return true;
  for (let split = 2; split <= MAX_ABBREVIATION; split++) {
    // Only vowel-less heads: a head with vowels is as likely the start of a misspelt word (`lighweight`).
    if (isStem(lower.slice(split)) && !/[aeiouy]/.test(lower.slice(0, split))) return true;
  }
  return false;
}

// Endings the dictionaries' word lists do not always spell out for technical words.
const INFLECTIONS = ['s', 'es', 'd', 'ed', 'ing', 'er', 'ers', 'ly', 'ness'];

/**
 * True when `word` is a dictionary word plus a regular ending (`parameterizing`), allowing for a dropped silent `e`
 * and a doubled final consonant (`unmarshallers`, as British spelling doubles it).
 */
export function isInflected(word: string, dictionary: SpellingDictionary): boolean {
  const lower = word.toLowerCase();
  for (const ending of INFLECTIONS) {
    if (!lower.endsWith(ending)) continue;
    const stem = lower.slice(0, -ending.length);
    if (stem.length < MIN_AFFIXED_STEM) continue;
    const stems = [stem, `${stem}e`];
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) stems.push(stem.slice(0, -1));
    if (stems.some((candidate) => dictionary.hasCommonWord(candidate))) return true;
  }
  return false;
}
