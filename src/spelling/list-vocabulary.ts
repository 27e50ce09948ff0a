// The words a list vouches for itself: names in its URLs, link texts it repeats, configured names.
import type { ListDocument } from '../markdown/types.js';

// URL tokens shorter than this are not matched as prefixes: `py`, `go`, `js` would vouch for anything.
const MIN_PREFIX_LENGTH = 5;

/** Lower-case letter runs of `text`. */
function letterRuns(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

/**
 * What a list vouches for: words its URLs spell (`github.com/owner/tailwindcss` vouches for `tailwind`), words of link
 * texts it uses at least twice, and the configured `style.names`. Such words are names, not misspellings.
 */
export class ListVocabulary {
  private readonly words = new Set<string>();
  private readonly urlTokens = new Set<string>();
  // Built on the first prefix question: most lists never ask one.
  private sortedUrlTokens: string[] | undefined;

  constructor(doc: ListDocument, names: readonly string[]) {
    const textUses = new Map<string, number>();
    for (const link of doc.links) {
      // An in-page anchor spells a heading of this list, not a name from elsewhere.
      if (!link.url.startsWith('#')) for (const token of letterRuns(link.url)) this.urlTokens.add(token);
      if (link.isImage || link.text.trim() === '') continue;
      const text = link.text.trim();
      textUses.set(text, (textUses.get(text) ?? 0) + 1);
    }
    for (const [text, uses] of textUses) if (uses >= 2) for (const word of letterRuns(text)) this.words.add(word);
    for (const name of names) for (const word of letterRuns(name)) this.words.add(word);
  }

  /** True when the list vouches for `word` (any casing). */
  has(word: string): boolean {
    const lower = word.toLowerCase();
    return this.words.has(lower) || this.urlTokens.has(lower) || this.isUrlTokenPrefix(lower);
  }

  private isUrlTokenPrefix(lower: string): boolean {
    if (lower.length < MIN_PREFIX_LENGTH) return false;
    this.sortedUrlTokens ??= [...this.urlTokens].sort();
    const tokens = this.sortedUrlTokens;
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (tokens[middle]! < lower) low = middle + 1;
      else high = middle;
    }
    return low < tokens.length && tokens[low]!.startsWith(lower);
  }
}
