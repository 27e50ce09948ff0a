import { describe, expect, it } from 'vitest';
import { globMatch, matchesIgnore } from '../../src/lint/ignore.js';

describe('globMatch', () => {
  it('keeps * and ? inside one segment and lets ** cross segments', () => {
    expect(globMatch('*.md', 'a.md')).toBe(true);
    expect(globMatch('*.md', 'dir/a.md')).toBe(false);
    expect(globMatch('a?c', 'abc')).toBe(true);
    expect(globMatch('a?c', 'a/c')).toBe(false);
    expect(globMatch('lists/**/*.md', 'lists/a/b/c.md')).toBe(true);
    expect(globMatch('lists/**/*.md', 'lists/c.md')).toBe(true);
    expect(globMatch('lists/**', 'lists/x/y')).toBe(true);
    expect(globMatch('lists/*.md', 'lists/x/y.md')).toBe(false);
  });

  it('rejects a backtracking pattern on 3,000 characters', () => {
    expect(globMatch('*a*a*a*a*a*a*a*b', 'a'.repeat(3000))).toBe(false);
  });
});

describe('matchesIgnore', () => {
  it('matches a bare name at any depth and its folder contents', () => {
    expect(matchesIgnore('lists/drafts/x.md', ['drafts'])).toBe(true);
    expect(matchesIgnore('lists/x.draft.md', ['*.draft.md'])).toBe(true);
    expect(matchesIgnore('lists/x.md', ['drafts', '*.draft.md'])).toBe(false);
  });

  it('anchors patterns with a slash at the root', () => {
    expect(matchesIgnore('lists/old/x.md', ['lists/old/'])).toBe(true);
    expect(matchesIgnore('other/lists/old/x.md', ['lists/old'])).toBe(false);
    expect(matchesIgnore('lists/old/x.md', ['./lists/old/**'])).toBe(true);
  });
});
