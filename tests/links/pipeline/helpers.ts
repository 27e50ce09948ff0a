// Test helpers for the link pipeline: LinkRefs located in a Markdown text, a fake checker, a captured Io.
import type { Position } from '../../../src/diagnostics.js';
import type { CheckResult, LinkChecker, LinkCheckerOptions } from '../../../src/links/check-options.js';
import { linksSchema, type LinksConfig } from '../../../src/config/links-schema.js';
import type { LinkRef } from '../../../src/markdown/types.js';

/** Position of `offset` in `text`. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1, offset };
}

/** LinkRefs for every `[text](url)` / `![alt](url)` in `markdown`, found by scanning (tests only). */
export function refsIn(markdown: string): LinkRef[] {
  const refs: LinkRef[] = [];
  let from = 0;
  for (;;) {
    const open = markdown.indexOf('](', from);
    if (open === -1) return refs;
    const close = markdown.indexOf(')', open);
    let start = markdown.lastIndexOf('[', open);
    const isImage = start > 0 && markdown[start - 1] === '!';
    if (isImage) start--;
    const url = markdown.slice(open + 2, close);
    refs.push({
      syntax: isImage ? 'image' : 'inline',
      text: markdown.slice(markdown.indexOf('[', start) + 1, open),
      url,
      range: { start: positionAt(markdown, start), end: positionAt(markdown, close + 1) },
      urlRange: { start: positionAt(markdown, open + 2), end: positionAt(markdown, close) },
      isImage,
      isBadge: isImage && url.includes('shields.io'),
    });
    from = close + 1;
  }
}

/** The default `links` config with overrides. */
export function linksConfig(overrides: Record<string, unknown> = {}): LinksConfig {
  return linksSchema.parse(overrides);
}

/** A fake HTTP checker answering from a function, recording what it was asked and with which options. */
export function fakeChecker(answer: (url: string) => Partial<CheckResult>): {
  factory: (options: Partial<LinkCheckerOptions>) => LinkChecker;
  checked: string[];
  options: Array<Partial<LinkCheckerOptions>>;
  closed: number;
} {
  const state = {
    checked: [] as string[],
    options: [] as Array<Partial<LinkCheckerOptions>>,
    closed: 0,
    factory: (options: Partial<LinkCheckerOptions>): LinkChecker => {
      state.options.push(options);
      return {
        async check(url) {
          state.checked.push(url);
          return { url, verdict: 'ok', status: 200, attempts: 1, durationMs: 1, ...answer(url) };
        },
        async close() {
          state.closed++;
        },
        stats: () => ({ maxInFlightPerHost: {}, maxInFlight: 0, requests: state.checked.length }),
      };
    },
  };
  return state;
}
