// "Did you mean …?" for misspelt keys, rule ids and preset names.
import { editDistance } from '../edit-distance.js';

/** Longest input worth comparing; longer strings are not typos of a short name. */
const MAX_LENGTH = 64;

/** The candidate closest to `input` by edit distance, when close enough to be a plausible typo. */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length > MAX_LENGTH) return undefined;
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase(), allowedDistance(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined || bestDistance > allowedDistance(best)) return undefined;
  return best;
}

/** A third of the name may differ: catches `heading-cases` and `bulet`, not unrelated words. */
function allowedDistance(name: string): number {
  return Math.max(2, Math.floor(name.length / 3));
}


/** `a, b or c`: words listed the way error messages read. */
export function joinOr(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** `"a", "b" or "c"`: values quoted and listed. */
export function listChoices(values: readonly unknown[]): string {
  return joinOr(values.map((value) => JSON.stringify(value)));
}
