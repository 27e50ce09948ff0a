import { describe, expect, it } from 'vitest';
import { compileIgnore } from '../../src/lint/ignore.js';

describe('compileIgnore', () => {
  it('matches a bare name at any depth and everything inside a matched folder', () => {
    const isIgnored = compileIgnore(['drafts', '*.draft.md']);
    expect(isIgnored('lists/drafts/x.md')).toBe(true);
    expect(isIgnored('lists/x.draft.md')).toBe(true);
    expect(isIgnored('lists/x.md')).toBe(false);
  });

  it('anchors patterns with a slash at the config folder', () => {
    expect(compileIgnore(['lists/old/'])('lists/old/x.md')).toBe(true);
    expect(compileIgnore(['lists/old'])('other/lists/old/x.md')).toBe(false);
    expect(compileIgnore(['./lists/old/**'])('lists/old/x.md')).toBe(true);
  });

  it('supports the full glob syntax: globstars, braces, classes, extglobs', () => {
    expect(compileIgnore(['lists/**/*.md'])('lists/a/b/c.md')).toBe(true);
    expect(compileIgnore(['lists/*.md'])('lists/x/y.md')).toBe(false);
    expect(compileIgnore(['*.{draft,wip}.md'])('lists/x.wip.md')).toBe(true);
    expect(compileIgnore(['*.{draft,wip}.md'])('lists/x.md')).toBe(false);
    expect(compileIgnore(['lists/[ab].md'])('lists/b.md')).toBe(true);
    expect(compileIgnore(['lists/[ab].md'])('lists/c.md')).toBe(false);
    expect(compileIgnore(['lists/+(old|older)/**'])('lists/older/x.md')).toBe(true);
  });

  it('lets a later !pattern re-include, in order', () => {
    const isIgnored = compileIgnore(['lists/*.md', '!lists/keep.md']);
    expect(isIgnored('lists/drop.md')).toBe(true);
    expect(isIgnored('lists/keep.md')).toBe(false);
    expect(compileIgnore(['!lists/keep.md', 'lists/*.md'])('lists/keep.md')).toBe(true);
  });
});
