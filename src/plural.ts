// Counted words for messages: "1 file", "2 files", "1 entry", "3 entries".

/** The word for `count` of it: `word` for exactly one, else `pluralWord` (default: `word` + "s"). */
export function pluralWord(count: number, word: string, pluralWord = `${word}s`): string {
  return count === 1 ? word : pluralWord;
}

/** `1 error`, `2 errors`; pass `pluralForm` for irregular words (`entry` → `entries`). */
export function plural(count: number, word: string, pluralForm?: string): string {
  return `${count} ${pluralWord(count, word, pluralForm)}`;
}
