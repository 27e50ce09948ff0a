// The Markdown inputs whose parse trees are compared: our lists and style fixtures, generated lists and hand-written tricky cases.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Root } from 'mdast';
import { generateList } from '../../bench/generate.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Hand-written documents exercising the tokenizer paths a micromark change is most likely to touch. */
export const TRICKY_CASES: Record<string, string> = {
  'emphasis-and-code': '# Title\n\n*a **b** c* _d_ `e` ``f ` g`` ***h*** __i__ ~~j~~\n',
  'nested-lists': '- a\n  - b\n    1. c\n    2) d\n- e\n\n  para in item\n\n* other marker\n+ third\n',
  'tables': '| a | b |\n| :-- | --: |\n| `x \\| y` | [l](https://e.x) |\n| c |\n',
  'footnotes-and-refs': 'Text[^1] and [ref][r] and [collapsed][] and [shortcut].\n\n[^1]: Note.\n[r]: https://r.example "T"\n[collapsed]: /c\n[shortcut]: <https://s.example>\n',
  'html-blocks': '<details>\n<summary>More</summary>\n\n- [a](https://a.example) - A.\n\n</details>\n\n<!-- comment -->\n<div align="center">x</div>\n',
  'fences-and-indented': '```js\n# not a heading\n```\n\n~~~~\n```\n~~~~\n\n    indented code\n',
  'setext-and-thematic': 'Title\n=====\n\nSub\n---\n\n***\n- - -\n',
  'autolinks': 'See https://a.example/path?x=1, www.b.example and <https://c.example> or x@y.example.\n',
  'quotes-and-lazy': '> quote\nlazy line\n> - item\n>   more\n\n> > nested\n',
  'entities-and-escapes': '&amp; &copy; &#35; \\* \\_ \\[not link\\] [a\\]b](u)\n',
  'task-lists': '- [ ] todo\n- [x] done\n',
  'crlf-and-bom-free': '# T\r\n\r\n- [a](https://a.example) - A.\r\n- [b](https://b.example) - B.\r\n',
  'links-with-parens': '[a](https://e.x/a_(b)) [b](<https://e.x/with space>) ![img](i.png "t")\n',
};

/**
 * Documents that never change unless this corpus does (generated lists and the tricky cases), so digests
 * recorded once stay valid while our lists and fixtures evolve.
 */
export function loadFrozenCorpus(): Array<{ name: string; text: string }> {
  const documents: Array<{ name: string; text: string }> = [];
  for (const [entries, seed, perSection] of [[200, 1, 50], [2000, 2, 50], [5000, 3, 400], [300, 4, 3]] as const) {
    documents.push({ name: `generated-${entries}-seed-${seed}-per-${perSection}`, text: generateList(entries, { seed, perSection }) });
  }
  for (const [name, text] of Object.entries(TRICKY_CASES)) documents.push({ name: `tricky/${name}`, text });
  return documents;
}

/** Our lists and style fixtures as they are now. */
export function loadRepositoryDocuments(): Array<{ name: string; text: string }> {
  const documents: Array<{ name: string; text: string }> = [];
  for (const folder of ['lists', 'tests/fixtures/styles']) {
    for (const name of readdirSync(join(ROOT, folder)).filter((n) => n.endsWith('.md')).sort()) {
      documents.push({ name: `${folder}/${name}`, text: readFileSync(join(ROOT, folder, name), 'utf8') });
    }
  }
  return documents;
}

/** SHA-256 of a tree's JSON: equal digests mean equal trees, positions included. */
export function digestTree(tree: Root): string {
  return createHash('sha256').update(JSON.stringify(tree)).digest('hex');
}

/** The micromark version remark-parse's tokenizer resolves to (read from disk: its package.json is not exported). */
export function installedMicromarkVersion(): string {
  const fromMarkdown = fileURLToPath(import.meta.resolve('mdast-util-from-markdown'));
  const micromarkEntry = fileURLToPath(import.meta.resolve('micromark', pathToFileURL(fromMarkdown).href));
  let folder = dirname(micromarkEntry);
  while (!existsSync(join(folder, 'package.json'))) folder = dirname(folder);
  return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
}
