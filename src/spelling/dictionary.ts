// The English and software-terms dictionaries: found at run time, loaded once per process (or worker) on first use.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeTrie, encodeITrieToBTrie, type ITrie } from 'cspell-trie-lib';

/** One dictionary file: the npm package holding it, its path there, and its flat name beside the bundle. */
export interface DictionaryFile {
  packageName: string;
  /** Path inside the package. */
  file: string;
  /** File name in the bundle folder, where the bundle puts it (the action runs without `npm install`). */
  bundledName: string;
  /**
   * How the bundle stores it: a plain copy, or, for a word trie, cspell's binary trie form (gzipped). The packages
   * ship tries as text, which takes about 200 ms to decode; the binary form of the same trie decodes in under 10 ms,
   * the difference between a 100-entry run starting faster or slower than its peers.
   */
  bundledForm: 'copy' | 'binary-trie';
}

/** The American English word trie (cspell's `en_US`). */
export const ENGLISH_TRIE: DictionaryFile = {
  packageName: '@cspell/dict-en_us',
  file: 'en_US.trie.gz',
  bundledName: 'dict-en_us.btrie.gz',
  bundledForm: 'binary-trie',
};

/** The British English word trie (cspell's MIT-licensed `en_GB`), so `colour` and `organise` are words too. */
export const BRITISH_TRIE: DictionaryFile = {
  packageName: '@cspell/dict-en-gb-mit',
  file: 'en_GB.trie.gz',
  bundledName: 'dict-en-gb-mit.btrie.gz',
  bundledForm: 'binary-trie',
};

/** The word lists cspell's software-terms dictionary enables by default (terms, tools, web services, acronyms). */
export const SOFTWARE_TERM_LISTS: DictionaryFile[] = [
  'softwareTerms.txt.gz',
  'software-tools.txt',
  'webServices.txt',
  'computing-acronyms.txt',
  'coding-compound-terms.txt',
  'networkingTerms.txt',
].map((file) => ({ packageName: '@cspell/dict-software-terms', file: `dict/${file}`, bundledName: `dict-software-terms-${file}`, bundledForm: 'copy' }));

/** Every file the bundle writes beside itself: the dictionaries and their licences. */
export function bundledDictionaryFiles(): DictionaryFile[] {
  return [ENGLISH_TRIE, BRITISH_TRIE, ...SOFTWARE_TERM_LISTS, ...DICTIONARY_LICENSES];
}

/** Licence files shipped beside the bundled dictionaries. */
export const DICTIONARY_LICENSES: DictionaryFile[] = [
  { packageName: '@cspell/dict-en_us', file: 'LICENSE', bundledName: 'dict-en_us.LICENSE.txt', bundledForm: 'copy' },
  { packageName: '@cspell/dict-en-gb-mit', file: 'LICENSE', bundledName: 'dict-en-gb-mit.LICENSE.txt', bundledForm: 'copy' },
  { packageName: '@cspell/dict-software-terms', file: 'LICENSE', bundledName: 'dict-software-terms.LICENSE.txt', bundledForm: 'copy' },
];

/** Words the dictionaries know, looked up ignoring case. */
export interface SpellingDictionary {
  /** True when `word` (letters and apostrophes) is a known word in any casing. */
  has(word: string): boolean;
  /**
   * True when the lower-case `lower` is an ordinary word written in lower case (not only a proper noun such as
   * `Pullman`), without remembering the answer: for the one-off candidates of a suggestion.
   */
  hasCommonWord(lower: string): boolean;
}

const requireFromHere = createRequire(import.meta.url);

/**
 * A dictionary file inside its installed npm package, located through the package's exported `cspell-ext.json`
 * (the one path the dictionaries export).
 */
export function locatePackagedFile(entry: DictionaryFile): string {
  const manifest = requireFromHere.resolve(`${entry.packageName}/cspell-ext.json`);
  return path.join(path.dirname(manifest), entry.file);
}

/** Where a dictionary file is: beside this module, in its bundled form, when the bundle carries it; else in its package. */
export function locateDictionaryFile(entry: DictionaryFile): string {
  const bundled = fileURLToPath(new URL(`./${entry.bundledName}`, import.meta.url));
  return existsSync(bundled) ? bundled : locatePackagedFile(entry);
}

/** The bytes the bundle writes for `entry`: the packaged file itself, or its trie re-encoded in the binary form. */
export function bundledDictionaryBytes(entry: DictionaryFile): Buffer {
  const packaged = locatePackagedFile(entry);
  if (entry.bundledForm === 'copy') return readFileSync(packaged);
  // gzip keeps the bundle near the size of the text tries; unpacking costs about 3 ms.
  return gzipSync(encodeITrieToBTrie(decodeTrie(readText(packaged))), { level: 9 });
}

function readBytes(file: string): Buffer {
  const bytes = readFileSync(file);
  return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

function readText(file: string): string {
  return readBytes(file).toString('utf8');
}

/** A word trie from the bundle's binary form or a package's text form (`decodeTrie` tells them apart by type). */
function readTrie(entry: DictionaryFile): ITrie {
  const file = locateDictionaryFile(entry);
  const isBinary = entry.bundledForm === 'binary-trie' && path.basename(file) === entry.bundledName;
  if (!isBinary) return decodeTrie(readText(file));
  // A copy in a plain ArrayBuffer (a Buffer may sit in a shared pool, which the decoder does not take).
  return decodeTrie(new Uint8Array(readBytes(file)));
}

/** The software terms in lower case: plain word lists, where a Set is faster to build and query than a trie. */
function readTermLists(): Set<string> {
  const terms = new Set<string>();
  for (const entry of SOFTWARE_TERM_LISTS) {
    for (const line of readText(locateDictionaryFile(entry)).split('\n')) {
      const word = line.trim();
      // `#` starts a comment; `!` marks a forbidden word, `~` a case-insensitive copy (cspell's list syntax).
      if (word === '' || word.startsWith('#') || word.startsWith('!')) continue;
      terms.add(word.replace(/^~/, '').toLowerCase());
    }
  }
  return terms;
}

class LoadedDictionary implements SpellingDictionary {
  // Lists repeat their words thousands of times: each distinct word is looked up once.
  private readonly answers = new Map<string, boolean>();

  // British spellings are consulted only for words American English does not know.
  private british: ITrie | undefined;

  constructor(
    private readonly english: ITrie,
    private readonly terms: Set<string>,
  ) {}

  private britishTrie(): ITrie {
    this.british ??= readTrie(BRITISH_TRIE);
    return this.british;
  }

  has(word: string): boolean {
    const lower = word.toLowerCase().replace(/’/g, "'");
    let answer = this.answers.get(lower);
    if (answer === undefined) {
      answer = this.terms.has(lower) || this.english.hasWord(lower, false) || this.britishTrie().hasWord(lower, false);
      this.answers.set(lower, answer);
    }
    return answer;
  }

  hasCommonWord(lower: string): boolean {
    return this.terms.has(lower) || this.english.hasWord(lower, true) || this.britishTrie().hasWord(lower, true);
  }
}

let loaded: SpellingDictionary | undefined;

/** The dictionaries, read on the first call and kept for the life of the process (each worker thread reads its own). */
export function spellingDictionary(): SpellingDictionary {
  loaded ??= new LoadedDictionary(readTrie(ENGLISH_TRIE), readTermLists());
  return loaded;
}
