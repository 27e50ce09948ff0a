// Shared helpers for the entry rules: which entries are resources, description text scanning.
import type { Entry, LinkRef, ListDocument } from '../../markdown/types.js';

/**
 * True for resource entries of a resource section: not a link line, definition or prose bullet, not in the
 * table of contents nor in a prose section, and not an in-page navigation item (`[Tools](#tools)`) of a
 * contents list the model did not recognise.
 */
export function isResourceEntry(entry: Entry): boolean {
  return entry.role === 'resource' && !entry.section.isToc && !entry.section.isProse && !entry.link?.url.startsWith('#');
}

/** Resource entries by document: eight rules ask for them, and the model never changes once built. */
const resourceEntriesByDoc = new WeakMap<ListDocument, readonly Entry[]>();

/** The resource entries of `doc`, in document order (shared between rules, so read-only). */
export function resourceEntries(doc: ListDocument): readonly Entry[] {
  let entries = resourceEntriesByDoc.get(doc);
  if (entries === undefined) {
    entries = doc.entries.filter(isResourceEntry);
    resourceEntriesByDoc.set(doc, entries);
  }
  return entries;
}

/** Entries that have nested entries (category labels, projects with sub-projects), found in one pass. */
export function parentEntries(doc: ListDocument): Set<Entry> {
  const parents = new Set<Entry>();
  for (const entry of doc.entries) if (entry.parent) parents.add(entry.parent);
  return parents;
}

/** The inline description of `entry`, when it has one on its own line. */
export function inlineDescription(entry: Entry): Entry['description'] {
  return entry.descriptionPlacement === 'inline' ? entry.description : undefined;
}

/** True for spaces and tabs (not line breaks); defined with the model's other character classes. */
export { isBlank } from '../../markdown/chars.js';

/** True for any whitespace, line breaks included (ASCII answered without a regex: this runs per character). */
export function isSpace(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(char);
}

/** True when `char` is a letter with distinct cases (so it can be upper- or lower-case). */
export function isCasedLetter(char: string): boolean {
  // Georgian has capital forms (Mtavruli) in Unicode, but its sentences never start with one.
  const code = char.codePointAt(0) ?? 0;
  if ((code >= 0x10a0 && code <= 0x10ff) || (code >= 0x1c90 && code <= 0x1cbf) || (code >= 0x2d00 && code <= 0x2d2f)) return false;
  return char.toLowerCase() !== char.toUpperCase();
}

/** True for a lower-case letter. */
export function isLower(char: string): boolean {
  return isCasedLetter(char) && char === char.toLowerCase();
}

/** True for an upper-case letter. */
export function isUpper(char: string): boolean {
  return isCasedLetter(char) && char === char.toUpperCase();
}

/** True for emoji and other pictographs, which end or start descriptions without being words. */
export function isPictograph(char: string): boolean {
  return /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(char);
}

/** True when `text` starts like a URL (scheme or `www.`). */
export function startsWithUrl(text: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]{0,20}:\/\/|www\.|mailto:)/i.test(text);
}

/** The first link (or image) of `links` that starts exactly at `offset`. */
export function linkStartingAt(links: LinkRef[], offset: number): LinkRef | undefined {
  return links.find((link) => link.range.start.offset === offset);
}

/** The first link (or image) of `links` that ends exactly at `offset`. */
export function linkEndingAt(links: LinkRef[], offset: number): LinkRef | undefined {
  return links.find((link) => link.range.end.offset === offset);
}

/** Normalises a name for comparison: lower-case, without `-`, `_`, `.` and whitespace. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  // Copies the runs between dropped characters rather than one character at a time (this runs for every link).
  let out = '';
  let runStart = 0;
  for (let i = 0; i < lower.length; i++) {
    const char = lower[i]!;
    if (char === '-' || char === '_' || char === '.' || isSpace(char)) {
      out += lower.slice(runStart, i);
      runStart = i + 1;
    }
  }
  return runStart === 0 ? lower : out + lower.slice(runStart);
}

/** The end offset of `text` without trailing whitespace, counted from `start`. */
export function trimmedEnd(text: string, start: number): number {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1])) end--;
  return start + end;
}

/** Index where the last whitespace-separated word of `text` starts (a scan, not a regex, to stay linear on long lines). */
export function lastWordStart(text: string): number {
  let index = text.length;
  while (index > 0 && !isSpace(text[index - 1])) index--;
  return index;
}

/** The visible length of a description in characters (code points): link destinations do not count. */
export function visibleLength(entry: Entry): number {
  const description = entry.description!;
  const start = description.range.start.offset;
  const end = description.range.end.offset;
  let hidden = 0;
  for (const link of entry.links) {
    if (link.range.start.offset < start || link.range.end.offset > end) continue;
    const shown = link.textRange ? link.textRange.end.offset - link.textRange.start.offset : 0;
    hidden += link.range.end.offset - link.range.start.offset - shown;
  }
  let length = 0;
  for (const _char of description.text.trim()) length++;
  return Math.max(0, length - hidden);
}

/** Offset where the entry's link (or link group) ends, badges allowed right after it. */
export function linkEnd(entry: Entry): number | undefined {
  if (entry.group && entry.group.length > 0) return entry.group[entry.group.length - 1]!.range.end.offset;
  return entry.link?.range.end.offset;
}

/** True when only blanks (and a group's closing `]`) sit between `from` and `to`. */
export function isAdjacent(text: string, from: number, to: number): boolean {
  if (to < from) return false;
  for (let i = from; i < to; i++) if (!isSpace(text[i]) && text[i] !== ']') return false;
  return true;
}

/**
 * Words that make the text after a link go on with the name as one phrase: "[X](url) by Ada", "… on ExampleTube",
 * "… for maps" (and "par", "von", "de" in lists written in other languages).
 */
export const ATTRIBUTION_WORDS: ReadonlySet<string> = new Set(['by', 'from', 'on', 'at', 'via', 'with', 'in', 'for', 'of', 'to', 'and', 'or', 'as', 'par', 'von', 'de']);

/**
 * True when an inline description with no separator is an attribution or a phrase that goes on with the name
 * ("[X](url) by Ada", "[X](url) for maps"): the entry has no separator, and no sentence, by design.
 */
export function isAttribution(entry: Entry): boolean {
  if (entry.descriptionPlacement !== 'inline' || entry.separator || !entry.link || !entry.description) return false;
  const word = /^\s*([a-z]+)\b/.exec(entry.description.text)?.[1];
  return word !== undefined && ATTRIBUTION_WORDS.has(word);
}
