import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledDictionaryFiles, locateDictionaryFile, spellingDictionary } from '../../src/spelling/dictionary.js';
import { isAffixedWord, isCompound, isInflected, nearWords } from '../../src/spelling/near-words.js';

describe('spelling dictionary', () => {
  it('finds every file it needs in the installed packages', () => {
    for (const file of bundledDictionaryFiles()) expect(existsSync(locateDictionaryFile(file)), file.bundledName).toBe(true);
  });

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
