// "Did you mean …?" for misspelt keys, rule ids and preset names.

/** Longest input worth comparing; longer strings are not typos of a short name. */
const MAX_LENGTH = 64;

/** The candidate closest to `input` by edit distance, when close enough to be a plausible typo. */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length > MAX_LENGTH) return undefined;
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A third of the name may differ: catches `heading-cases` and `bulet`, not unrelated words.
  if (best === undefined || bestDistance > Math.max(2, Math.floor(best.length / 3))) return undefined;
  return best;
}

/** Levenshtein distance with one rolling row. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
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
