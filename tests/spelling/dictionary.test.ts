import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeTrie } from 'cspell-trie-lib';
import { describe, expect, it } from 'vitest';
import {
  BRITISH_TRIE,
  bundledDictionaryBytes,
  bundledDictionaryFiles,
  ENGLISH_TRIE,
  locateDictionaryFile,
  locatePackagedFile,
  spellingDictionary,
} from '../../src/spelling/dictionary.js';
import { isAffixedWord, isCompound, isInflected, nearWords } from '../../src/spelling/near-words.js';

describe('spelling dictionary', () => {
  it('finds every file it needs in the installed packages', () => {
    for (const file of bundledDictionaryFiles()) expect(existsSync(locateDictionaryFile(file)), file.bundledName).toBe(true);
  });

  it.each([ENGLISH_TRIE, BRITISH_TRIE])("bundles $bundledName as a binary trie that answers exactly as the package's text trie", (entry) => {
    const text = decodeTrie(gunzipSync(readFileSync(locatePackagedFile(entry))).toString('utf8'));
    const binary = decodeTrie(new Uint8Array(gunzipSync(bundledDictionaryBytes(entry))));
    let words = 0;
    const disagreements: string[] = [];
    for (const word of text.words()) {
      words++;
      // Each word as written, in lower case (how the rules ask), and one letter longer (mostly not a word).
      for (const probe of [word, word.toLowerCase(), `${word}q`]) {
        for (const ignoreCase of [false, true]) {
          if (text.hasWord(probe, !ignoreCase) !== binary.hasWord(probe, !ignoreCase)) disagreements.push(`${probe} (ignore case: ${ignoreCase})`);
        }
      }
    }
    expect(words).toBeGreaterThan(50_000);
    expect(disagreements.slice(0, 10)).toEqual([]);
  }, 60_000);

  it('is read once per process', () => {
    expect(spellingDictionary()).toBe(spellingDictionary());
  });

  it('knows American, British and software words in any casing, and tells common words from proper nouns', () => {
    const dictionary = spellingDictionary();
    for (const word of ['Language', 'colour', 'Kubernetes', 'devops', 'GitHub']) expect(dictionary.has(word), word).toBe(true);
    expect(dictionary.has('Piplines')).toBe(false);
    expect(dictionary.hasCommonWord('pullman')).toBe(false);
    expect(dictionary.hasCommonWord('pipelines')).toBe(true);
  });
});

describe('near words', () => {
  const dictionary = spellingDictionary();

  it('finds the words one edit away that keep the first letter', () => {
    expect(nearWords('Archtitecture', dictionary)).toEqual(['architecture']);
    expect(nearWords('Vercel', dictionary)).not.toContain('tercel');
  });

  it('recognises coined words: compounds, affixed names and inflections', () => {
    expect(isCompound('filelock', nearWords('filelock', dictionary), dictionary)).toBe(true);
    expect(isCompound('piplines', nearWords('piplines', dictionary), dictionary)).toBe(false);
    expect(isCompound('Filelock', nearWords('Filelock', dictionary), dictionary)).toBe(false);
    expect(isAffixedWord('jointjs', dictionary)).toBe(true);
    expect(isAffixedWord('comand', dictionary)).toBe(false);
    expect(isInflected('parameterizing', dictionary)).toBe(true);
    expect(isInflected('modiyfing', dictionary)).toBe(false);
  });
});
