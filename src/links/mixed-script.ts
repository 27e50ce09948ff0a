// Spotting look-alike hostnames: labels that mix scripts, as an IDN homoglyph (a Cyrillic `а` in `pаypal`) does.
import { domainToASCII, domainToUnicode } from 'node:url';

/** A hostname with a label that mixes scripts. */
export interface MixedScriptHost {
  /** The hostname as people read it (Unicode). */
  unicode: string;
  /** The hostname as DNS sees it (`xn--` punycode labels). */
  punycode: string;
  /** The scripts mixed in the first offending label, in order of appearance (`['Latin', 'Cyrillic']`). */
  scripts: string[];
}

/**
 * Scripts a hostname letter is classified into. Letters of a script not listed here count as `Other`, so
 * a rare script mixed with Latin is still caught; Common (digits, hyphen) and Inherited (combining marks)
 * characters belong to every script and are ignored, as UTS #39 does.
 */
const SCRIPTS = [
  'Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari',
  'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao',
  'Tibetan', 'Myanmar', 'Khmer', 'Mongolian', 'Ethiopic', 'Cherokee', 'Canadian_Aboriginal', 'Han', 'Hiragana',
  'Katakana', 'Bopomofo', 'Hangul', 'Yi', 'Tifinagh', 'Nko', 'Vai', 'Coptic', 'Glagolitic', 'Ogham', 'Runic',
].map((name) => ({ name, pattern: new RegExp(`^\\p{Script=${name}}$`, 'u') }));

const IGNORED = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

/**
 * Script sets that are normal together (UTS #39 "highly restrictive"): Japanese, Chinese and Korean
 * names mix Han with their own scripts and with Latin.
 */
const ALLOWED_SETS: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

/** The scripts of a label's letters, in order of appearance. */
export function scriptsOf(label: string): string[] {
  const found: string[] = [];
  for (const char of label) {
    if (IGNORED.test(char)) continue;
    const script = SCRIPTS.find((s) => s.pattern.test(char))?.name ?? 'Other';
    if (!found.includes(script)) found.push(script);
  }
  return found;
}

function isMixed(scripts: readonly string[]): boolean {
  if (scripts.length < 2) return false;
  return !ALLOWED_SETS.some((allowed) => scripts.every((script) => allowed.has(script)));
}

/**
 * Describes `hostname` (as written or as `URL.hostname` gives it, punycode or Unicode) when one of its
 * labels mixes scripts; undefined for single-script names, IP addresses and names that are not valid IDNs.
 */
export function findMixedScript(hostname: string): MixedScriptHost | undefined {
  const punycode = domainToASCII(hostname);
  // Only names with an internationalised label can mix scripts; plain ASCII is all Latin and Common.
  if (punycode === '' || !/(^|\.)xn--/i.test(punycode)) return undefined;
  const unicode = domainToUnicode(punycode);
  for (const label of unicode.split('.')) {
    const scripts = scriptsOf(label);
    if (isMixed(scripts)) return { unicode, punycode, scripts };
  }
  return undefined;
}
