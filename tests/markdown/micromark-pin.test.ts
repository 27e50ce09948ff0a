// micromark is pinned to 4.0.2 (4.0.3's tokenizer slows down superlinearly); this proves the pin changes no tree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { digestTree, installedMicromarkVersion, loadFrozenCorpus } from './parse-corpus/corpus.js';

// Recorded by parse-corpus/record-digests.ts under micromark 4.0.3, before the pin.
const recorded = JSON.parse(readFileSync(join(import.meta.dirname, 'parse-corpus', 'tree-digests.json'), 'utf8')) as {
  micromark: string;
  digests: Record<string, string>;
};

describe('micromark pin', () => {
  it('resolves the pinned micromark, not the version the digests were recorded under', () => {
    expect(recorded.micromark).toBe('4.0.3');
    expect(installedMicromarkVersion()).toBe('4.0.2');
  });

  it('parses every corpus document to the same tree as micromark 4.0.3 did', () => {
    const processor = unified().use(remarkParse).use(remarkGfm).freeze();
    const corpus = loadFrozenCorpus();
    expect(corpus.map((d) => d.name).sort()).toEqual(Object.keys(recorded.digests).sort());
    for (const { name, text } of corpus) expect(digestTree(processor.parse(text)), name).toBe(recorded.digests[name]);
  });
});
