// Generates realistic curated lists for the benchmarks: sections, a ToC, varied entries and a few defects.

const WORDS = ['fast', 'simple', 'modern', 'typed', 'small', 'reactive', 'distributed', 'secure', 'embedded', 'visual', 'open', 'portable'];
const NOUNS = ['parser', 'framework', 'toolkit', 'database', 'scheduler', 'renderer', 'client', 'compiler', 'editor', 'runtime', 'proxy', 'library'];

/** A deterministic pseudo-random source, so every run measures the same document. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** How to generate a list. */
export interface GenerateOptions {
  seed?: number;
  title?: string;
  perSection?: number;
  /**
   * Lists of different seeds share only a few popular projects (~0.5 % of entries, also repeated within a list), as
   * the files of one repository do. Off by default: the frozen parse corpus (tests/markdown/parse-corpus) depends on
   * the default output never changing; there, lists of different seeds share most of their URLs.
   */
  isSharingPopularOnly?: boolean;
}

/** A list of `entries` entries in sections of ~`perSection`, with a ToC, prose sections and ~2 % defects. */
export function generateList(entries: number, options: GenerateOptions = {}): string {
  const seed = options.seed ?? 1;
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const perSection = options.perSection ?? 50;
  const sections = Math.max(1, Math.ceil(entries / perSection));
  const names = Array.from({ length: sections }, (_, i) => {
    const word = pick(WORDS);
    return `${word[0]!.toUpperCase()}${word.slice(1)} ${pick(NOUNS)} tools ${i + 1}`;
  });
  const slug = (name: string) => name.toLowerCase().replace(/ /g, '-');
  const lines: string[] = [`# ${options.title ?? 'Awesome Benchmark'}`, '', '> A curated list of benchmark entries.', '', '## Contents', ''];
  for (const name of names) lines.push(`- [${name}](#${slug(name)})`);
  lines.push('- [Contributing](#contributing)', '');
  let made = 0;
  for (const name of names) {
    lines.push(`## ${name}`, '');
    const count = Math.min(perSection, entries - made);
    const items: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = made + i;
      const project = `${pick(NOUNS)}-${id}`;
      const owner = `org${((options.isSharingPopularOnly ? seed * 1000 : 0) + id) % 997}`;
      let entry = `- [${project}](https://github.com/${owner}/${project}) - A ${pick(WORDS)} ${pick(NOUNS)} for ${pick(WORDS)} ${pick(NOUNS)} work.`;
      const defect = next();
      if (defect < 0.005) entry = entry.replace(' - ', ' – ');
      else if (defect < 0.01) entry = entry.replace(/\.$/, '');
      else if (defect < 0.015) entry = entry.replace('https://', 'http://');
      else if (defect < 0.02) entry += '  ';
      else if (defect < 0.03) entry += ` ![stars](https://img.shields.io/github/stars/example/${project})`;
      // A popular project listed again, in another section or another file.
      else if (options.isSharingPopularOnly && defect < 0.035) entry = entry.replace(`https://github.com/${owner}/${project}`, `https://github.com/popular/${pick(NOUNS)}`);
      items.push(entry);
    }
    // Mostly sorted, as real lists are, with the odd entry out of place.
    items.sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    if (items.length > 3 && next() < 0.2) [items[0], items[2]] = [items[2]!, items[0]!];
    lines.push(...items, '');
    made += count;
  }
  lines.push('## Contributing', '', 'Contributions welcome! Read the [contribution guidelines](contributing.md) first.', '');
  return lines.join('\n');
}
