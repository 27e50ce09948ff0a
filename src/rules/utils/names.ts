// Name helpers: words in link texts and headings, a project's name from its URL, and a fast near-miss index.
import { isSpace, normalizeName } from './entries.js';
import { parseUrl } from '../../url/url.js';
import { editDistance } from '../../edit-distance.js';
import type { Word } from '../../spelling/word.js';

export { editDistance };

export type { Word } from '../../spelling/word.js';

// Stripped from either end of a word: brackets, quotes and emphasis markers.
const LEADING = new Set(['(', '[', '{', '"', "'", '“', '‘', '«', '*', '_', '~', '¿', '¡']);
const TRAILING = new Set([')', ']', '}', '"', "'", '”', '’', '»', '*', '_', '~', '.', ',', ';', ':', '!', '?', '…']);

/** True when `char` may sit inside a name: letters, digits and the `.`, `-`, `+`, `#`, `'` of Node.js, C++, C#. */
function isNameChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) || ".-+#'".includes(char);
  return /[\p{L}\p{N}\p{M}’]/u.test(char);
}

/**
 * Splits source text into the words worth spell-checking. Whitespace-separated chunks holding a code
 * span, a URL, Markdown link syntax or identifier punctuation (`/`, `_`, `:`, `@`…) are skipped whole,
 * so `owner/github`, `node_modules` and `` `tensorflow` `` are never taken for misspelt names.
 */
export function wordsOf(text: string, baseOffset: number): Word[] {
  const words: Word[] = [];
  let index = 0;
  while (index < text.length) {
    while (index < text.length && isSpace(text[index])) index++;
    const chunkStart = index;
    while (index < text.length && !isSpace(text[index])) index++;
    if (index === chunkStart) break;
    const chunk = text.slice(chunkStart, index);
    if (chunk.includes('`') || chunk.includes('://') || chunk.includes('](') || /^www\./i.test(chunk)) continue;
    let start = 0;
    let end = chunk.length;
    while (start < end && LEADING.has(chunk[start]!)) start++;
    while (end > start && TRAILING.has(chunk[end - 1]!)) end--;
    let word = chunk.slice(start, end);
    if (word.endsWith("'s") || word.endsWith('’s')) word = word.slice(0, -2);
    if (word === '' || ![...word].every(isNameChar)) continue;
    words.push({ text: word, offset: baseOffset + chunkStart + start });
  }
  return words;
}

// Hosts whose first path segments name a project rather than the site.
const FORGES = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'sr.ht', 'git.sr.ht']);
const REGISTRIES: Record<string, string> = { 'pypi.org': 'project', 'www.npmjs.com': 'package', 'npmjs.com': 'package', 'crates.io': 'crates' };
// Second-level labels under which the registrable name sits one label further left (example.co.uk).
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu']);

/**
 * The name a URL gives its project: the repository of a forge URL (`github.com/mlflow/mlflow` → `mlflow`),
 * the package of a registry URL, or the main domain label of a site's home page (`mlflow.org` → `mlflow`).
 * Deep links into a site name a page, not a project, and give nothing.
 */
export function nameFromUrl(url: string): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const host = parsed.hostname.toLowerCase();
  const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
  if (FORGES.has(host)) {
    if (segments.length < 2 || segments.length > 2) return undefined;
    return segments[1]!.replace(/\.git$/i, '');
  }
  if (host.endsWith('.github.io')) return segments.length === 1 ? segments[0] : undefined;
  const registryPrefix = REGISTRIES[host];
  if (registryPrefix !== undefined) {
    return segments[0] === registryPrefix && segments.length === 2 ? segments[1] : undefined;
  }
  if (segments.length > 0 && !(segments.length === 1 && /^index\.html?$/i.test(segments[0]!))) return undefined;
  const labels = host.replace(/^www\./, '').split('.');
  if (labels.length < 2) return undefined;
  const secondLast = labels[labels.length - 2]!;
  if (labels.length >= 3 && SECOND_LEVEL.has(secondLast) && labels[labels.length - 1]!.length === 2) return labels[labels.length - 3];
  return secondLast;
}


/** Edits a near miss of a name of this (normalised) length may have: 1 for 4–6 characters, 2 from 7, none below 4. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length < 7 ? 1 : 2;
}

/** A 32-bit set of the letters in `text`: each edit changes at most two bits, a cheap filter before the real distance. */
function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) % 32);
  return mask;
}

function popCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A bucket's key: the first UTF-16 unit of a normalised name and a length (a number, so no key string per name). */
function bucketKey(normalized: string, length: number): number {
  return length * 0x10000 + normalized.charCodeAt(0);
}

interface IndexedName {
  spelling: string;
  normalized: string;
  mask: number;
  /** Most edits a near miss of this name may have. */
  limit: number;
}

/**
 * Names indexed by first letter and length, so a word is compared only with names it could be a near
 * miss of rather than with every name of the list.
 */
export class NameIndex {
  private readonly buckets = new Map<number, IndexedName[]>();
  private readonly known = new Map<string, string>();
  // Lists repeat the same words thousands of times; each is looked up once.
  private readonly answers = new Map<string, string | undefined>();

  /**
   * Adds a correctly spelt name; the first spelling added for a normalised form wins. `limit` caps the
   * edits of a near miss below the length-scaled default (built-in names sit close to everyday words).
   * `normalized` is `normalizeName(spelling)`, passed by callers that already have it.
   */
  add(spelling: string, limit = Number.POSITIVE_INFINITY, normalized = normalizeName(spelling)): void {
    if (normalized.length < 4 || this.known.has(normalized)) return;
    this.known.set(normalized, spelling);
    // Words with digits are never looked up (see findNearMiss), so a name with digits (`parser-12`, generated or
    // versioned) can only be matched exactly: keeping it out of the buckets keeps look-ups linear on big lists.
    if (/\d/.test(normalized)) return;
    this.answers.clear();
    const key = bucketKey(normalized, normalized.length);
    const name = { spelling, normalized, mask: letterMask(normalized), limit: Math.min(limit, allowedEdits(normalized.length)) };
    const bucket = this.buckets.get(key);
    if (bucket) bucket.push(name);
    else this.buckets.set(key, [name]);
  }

  /** True when `normalized` is itself one of the names. */
  has(normalized: string): boolean {
    return this.known.has(normalized);
  }

  /** The name `word` most likely misspells, or undefined when it is a name, too short, or nothing is close. */
  nearMiss(word: string): string | undefined {
    if (this.answers.has(word)) return this.answers.get(word);
    const answer = this.findNearMiss(word);
    this.answers.set(word, answer);
    return answer;
  }

  private findNearMiss(word: string): string | undefined {
    const normalized = normalizeName(word);
    if (normalized.length < 4 || this.known.has(normalized) || /\d/.test(normalized)) return undefined;
    const mask = letterMask(normalized);
    for (let delta = 0; delta <= 2; delta++) {
      for (const length of delta === 0 ? [normalized.length] : [normalized.length - delta, normalized.length + delta]) {
        for (const name of this.buckets.get(bucketKey(normalized, length)) ?? []) {
          const limit = name.limit;
          if (delta > limit || popCount(mask ^ name.mask) > 2 * limit) continue;
          // A prefix or suffix is a variant (plural, `-js`, `py-`), not a typo.
          if (name.normalized.startsWith(normalized) || normalized.startsWith(name.normalized)) continue;
          if (name.normalized.endsWith(normalized) || normalized.endsWith(name.normalized)) continue;
          if (editDistance(normalized, name.normalized, limit) <= limit) return name.spelling;
        }
      }
    }
    return undefined;
  }
}
