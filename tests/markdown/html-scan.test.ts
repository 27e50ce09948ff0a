// The HTML tag scanner and the Markdown found inside raw HTML blocks.
import { describe, expect, it } from 'vitest';
import { scanHtmlTags, type HtmlTag } from '../../src/markdown/html-scan.js';
import { findInnerMarkdown } from '../../src/markdown/html-blocks.js';

function tags(text: string): HtmlTag[] {
  const found: HtmlTag[] = [];
  scanHtmlTags(text, 0, text.length, (tag) => found.push(tag));
  return found;
}

describe('scanHtmlTags', () => {
  it('reads tag names and quoted, unquoted and bare attributes with their offsets', () => {
    const text = '<p align=center><A HREF="https://x.dev" title=\'t\' hidden>x</A><img src=y.png/></p>';
    const found = tags(text);
    expect(found.map((tag) => tag.name)).toEqual(['p', 'a', 'img']);
    const anchor = found[1]!;
    expect(anchor.attributes.map((attribute) => `${attribute.name}=${attribute.value}`)).toEqual(['href=https://x.dev', 'title=t', 'hidden=']);
    const href = anchor.attributes[0]!;
    expect(text.slice(href.valueStart, href.valueEnd)).toBe('https://x.dev');
    expect(text.slice(anchor.start, anchor.end)).toBe('<A HREF="https://x.dev" title=\'t\' hidden>');
  });

  it('abandons a tag at the next `<` and skips comments and closing tags', () => {
    expect(tags('<a href="x" <b id=y>').map((tag) => tag.name)).toEqual(['b']);
    expect(tags('<!-- <x> --> </a> <br/>').map((tag) => tag.name)).toEqual(['x', 'br']);
    expect(tags('<a href="never closed')).toEqual([]);
  });
});

describe('findInnerMarkdown', () => {
  it('returns runs of non-tag lines that hold list items', () => {
    const text = '<details>\n<summary>x</summary>\n- [A](u) - A.\n- [B](v) - B.\n</details>\n<p>\nplain words\n</p>';
    const chunks = findInnerMarkdown(text, 0, text.length);
    expect(chunks.map(([start, end]) => text.slice(start, end))).toEqual(['- [A](u) - A.\n- [B](v) - B.']);
  });
});
