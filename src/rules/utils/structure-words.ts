// Splits a heading into words with their source offsets and classifies their casing, for heading-case.
import type { Heading, Node, Parent, Text } from 'mdast';
import type { ListDocument } from '../../markdown/types.js';
import { trimNonWord } from './structure.js';

/** How a word is cased: `lower` ("tools"), `capital` ("Tools"), or `other` (acronyms, camelCase, numbers, code, names in links). */
export type WordCase = 'lower' | 'capital' | 'other';

/** One word of a heading. */
export interface HeadingWord {
  /** The word without surrounding punctuation (empty for code spans, links and images). */
  core: string;
  case: WordCase;
  /** Source offset of the word (or of its text node when the source differs from the text, e.g. escapes). */
  offset: number;
  /** True for the first word and words after `:`, ` - `, `|` and the like, which start a new phrase. */
  isStart: boolean;
  /** True inside parentheses, where lower case is common even in title case ("Tools (deprecated)"). */
  isInParens: boolean;
}

/** Words that title case leaves in lower case (English articles, conjunctions, short prepositions, name particles). */
export const SMALL_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per',
  'to', 'up', 'via', 'vs', 'with', 'from', 'into', 'onto', 'over', 'than', 'upon', 'out', 'if', 'de', 'la', 'le',
  'von', 'van', 'der', 'du', 'da', 'del', 'et', 'und', 'für', 'des', 'en', 'el', 'los', 'las', 'con', 'para', 'por',
  'ou', 'y', 'e', 'o',
]);

/** Splits a heading into words; code spans, links, images and inline HTML count as one uncheckable word each. */
export function headingWords(doc: ListDocument, heading: Heading): HeadingWord[] {
  const words: HeadingWord[] = [];
  const state = { isStart: true, parens: 0 };
  const opaque = (node: Node): void => {
    words.push({ core: '', case: 'other', offset: node.position?.start.offset ?? 0, isStart: state.isStart, isInParens: state.parens > 0 });
    state.isStart = false;
  };
  const visit = (node: Node): void => {
    if (node.type === 'text') {
      splitText(doc, node as Text, words, state);
    } else if (node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete') {
      for (const child of (node as Parent).children) visit(child);
    } else if (node.type !== 'break') {
      // Link text is usually a project name and code is code: their case is not the heading's to choose.
      opaque(node);
    }
  };
  for (const child of heading.children) visit(child);
  return words;
}

/** Adds the words of one text node, updating whether the next word starts a phrase and the parenthesis depth. */
function splitText(doc: ListDocument, node: Text, words: HeadingWord[], state: { isStart: boolean; parens: number }): void {
  const value = node.value;
  const nodeStart = node.position?.start.offset ?? 0;
  const isExact = node.position !== undefined && doc.text.slice(nodeStart, node.position.end.offset) === value;
  let index = 0;
  while (index < value.length) {
    while (index < value.length && isSpace(value.charCodeAt(index))) index++;
    const start = index;
    while (index < value.length && !isSpace(value.charCodeAt(index))) index++;
    if (start === index) break;
    const token = value.slice(start, index);
    const core = trimNonWord(token);
    if (token.startsWith('(')) state.parens++;
    if (core !== '') {
      const offset = isExact ? nodeStart + start + token.indexOf(core) : nodeStart;
      words.push({ core, case: classify(core), offset, isStart: state.isStart, isInParens: state.parens > 0 });
      state.isStart = false;
    }
    if (token.endsWith(')') && state.parens > 0) state.parens--;
    // A phrase starts again after a colon, a dash or a bar ("Tools: the basics", "CLI - tools").
    const last = token[token.length - 1]!;
    if (':.?!|–—'.includes(last) || token === '-' || token === '/') state.isStart = true;
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

const hasDigit = /\p{N}/u;
const isUpper = /\p{Lu}/u;
const isLower = /\p{Ll}/u;

/** Classifies a word's casing, looking at its first hyphen-separated part ("Real-time" is capital). */
export function classify(core: string): WordCase {
  if (hasDigit.test(core)) return 'other';
  // Dotted, slashed and symbol-laden words are names or code: Node.js, C#, and/or, foo_bar.
  for (const char of '._/@+#&=\\') if (core.includes(char)) return 'other';
  const hyphen = core.indexOf('-');
  const part = Array.from(hyphen > 0 ? core.slice(0, hyphen) : core);
  if (part.length < 2) return 'other';
  const rest = part.slice(1);
  // An upper-case letter after the first marks an acronym or a brand: API, MLOps, iOS, eBPF.
  if (rest.some((char) => isUpper.test(char))) return 'other';
  if (!rest.every((char) => isLower.test(char) || char === "'" || char === '’')) return 'other';
  if (isUpper.test(part[0]!)) return 'capital';
  if (isLower.test(part[0]!)) return 'lower';
  return 'other';
}

/** Words a list evidently treats as names: the configured canonical names and every word of every entry's link text. */
export function knownNames(doc: ListDocument, names: readonly string[]): Set<string> {
  const known = new Set<string>();
  const add = (text: string): void => {
    for (const token of text.split(/\s+/)) {
      const core = trimNonWord(token);
      if (core !== '') known.add(core);
    }
  };
  for (const name of names) add(name);
  for (const entry of doc.entries) if (entry.link) add(entry.link.text);
  return known;
}
