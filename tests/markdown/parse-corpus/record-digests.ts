// Records the corpus tree digests under the installed micromark (run once, before a micromark version change).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { digestTree, installedMicromarkVersion, loadFrozenCorpus } from './corpus.js';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();
const micromarkVersion = installedMicromarkVersion();
const digests: Record<string, string> = {};
for (const { name, text } of loadFrozenCorpus()) digests[name] = digestTree(processor.parse(text));
writeFileSync(join(import.meta.dirname, 'tree-digests.json'), `${JSON.stringify({ micromark: micromarkVersion, digests }, null, 2)}\n`);
console.log(`recorded ${Object.keys(digests).length} digests under micromark ${micromarkVersion}`);
