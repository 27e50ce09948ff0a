import { describe, expect, it } from 'vitest';
import { collectLinks, compileExclude, matchWildcard } from '../../../src/links/collect.js';
import { extractLinks } from '../../../src/links/extract.js';
import { linksSchema } from '../../../src/config/links-schema.js';
import { refsIn } from './helpers.js';

const markdown = [
  '- [A](https://a.example/x) - One.',
  '- [B](https://a.example/x#part) - Same page, other anchor.',
  '- [C](mailto:me@example.com) - Mail.',
  '- [D](#contents) - Anchor.',
  '- [E](docs/readme.md) - Relative.',
  '- ![badge](https://img.shields.io/badge/x-y-green) [F](https://skip.example/page) - Excluded.',
  '- [G](tel:+123) - Phone.',
  '- [H](https://[bad) - Malformed.',
].join('\n');

describe('extract and collect', () => {
  const files = [
    { file: 'one.md', links: refsIn(markdown) },
    { file: 'two.md', links: refsIn('- [A again](https://a.example/x) - Elsewhere.') },
  ];
  const { targets, settled } = collectLinks(extractLinks(files), ['https://skip.example/*']);

  it('fetches each http(s) URL once, keeping every occurrence with its URL offsets', () => {
    const a = targets.find((t) => t.url === 'https://a.example/x');
    expect(a?.occurrences.map((o) => [o.file, o.start.line, o.written])).toEqual([
      ['one.md', 1, 'https://a.example/x'],
      ['one.md', 2, 'https://a.example/x#part'],
      ['two.md', 1, 'https://a.example/x'],
    ]);
    const first = a!.occurrences[0]!;
    expect(markdown.slice(first.urlStart, first.urlEnd)).toBe('https://a.example/x');
    expect(a?.host).toBe('a.example');
  });

  it('checks images and badges like any URL', () => {
    expect(targets.map((t) => t.url)).toEqual(['https://a.example/x', 'https://img.shields.io/badge/x-y-green']);
  });

  it('settles mailto:, tel:, anchors and relative paths as skipped, and exclusions as excluded', () => {
    const verdicts = Object.fromEntries(settled.map((r) => [r.url, r.verdict]));
    expect(verdicts).toEqual({
      'mailto:me@example.com': 'skipped',
      '#contents': 'skipped',
      'docs/readme.md': 'skipped',
      'https://skip.example/page': 'excluded',
      'tel:+123': 'skipped',
      'https://[bad': 'error',
    });
    expect(settled.every((r) => r.attempts === 0 && !r.fromCache)).toBe(true);
  });
});

describe('exclude patterns', () => {
  it('matches whole URLs with * wildcards', () => {
    expect(matchWildcard('https://*.example.com/*', 'https://www.example.com/a')).toBe(true);
    expect(matchWildcard('https://*.example.com/*', 'https://example.org/a')).toBe(false);
    expect(matchWildcard('https://a.com', 'https://a.com/x')).toBe(false);
    expect(matchWildcard('*', '')).toBe(true);
  });

  it('accepts /regex/flags', () => {
    const isExcluded = compileExclude(['/^https:\\/\\/LOCALHOST/i']);
    expect(isExcluded('https://localhost:3000/')).toBe(true);
    expect(isExcluded('https://example.com/')).toBe(false);
  });

  it('rejects an invalid regex in the config', () => {
    expect(linksSchema.safeParse({ exclude: ['/(/'] }).success).toBe(false);
    expect(linksSchema.safeParse({ exclude: ['https://*'] }).success).toBe(true);
  });

  it('rejects a backtracking wildcard on a hostile 1 MB URL', () => {
    const url = `https://${'a'.repeat(1_000_000)}`;
    expect(matchWildcard('https://*a*a*a*b', url)).toBe(false);
  });
});

describe('links config', () => {
  it('has every default in place and is strict', () => {
    const config = linksSchema.parse({});
    expect(linksSchema.safeParse({ severity: { dead: 'warn' } }).success).toBe(false);
    expect(config.cache).toEqual({ path: '.lint-lists-cache.json', ttlHours: 24, confirmAfterRuns: 2 });
    expect(config.github).toEqual({ tokenEnv: 'GITHUB_TOKEN', apiUrl: 'https://api.github.com' });
    expect(linksSchema.safeParse({ retries: 4 }).success).toBe(false);
    expect(linksSchema.safeParse({ unknown: 1 }).success).toBe(false);
    expect(linksSchema.safeParse({ hosts: { 'example.com': { perHostConcurrency: 1, colour: 'red' } } }).success).toBe(false);
  });
});
