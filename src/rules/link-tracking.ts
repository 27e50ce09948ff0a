// Rule link-tracking: URLs carrying click and campaign tracking parameters (utm_*, gclid, fbclid…).
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import type { TextEdit } from '../diagnostics.js';
import { hostOf, isHttpUrl, stripTrackingParams } from '../url/url.js';

const options = z.object({}).strict();

/** Reports URLs with tracking parameters and removes them, keeping every other parameter and the fragment. */
export const linkTracking = defineRule<z.output<typeof options>>({
  id: 'link-tracking',
  description: 'URLs carry no click or campaign tracking parameters.',
  rationale:
    'Tracking parameters follow readers around, make equal links look different and say nothing about the resource.',
  fixable: true,
  defaultSeverity: 'error',
  options,
  messages: {
    tracking: 'Unexpected tracking parameters `{actual}`, expected none',
  },
  examples: {
    valid: [
      { name: 'clean URL', markdown: '- [Example](https://example.com/page?id=7#intro) - An example.\n' },
      { name: '`si` is only tracking on YouTube and Spotify', markdown: '- [Paper](https://example.com/search?si=3) - A paper.\n' },
      {
        name: 'sponsor links in the header keep their parameters',
        markdown:
          '<a href="https://sponsor.example?utm_source=list">Sponsor</a>\n\n## Supported by [Acme](https://acme.example/?utm_source=list)\n\n- [Example](https://example.com) - An example.\n',
      },
    ],
    invalid: [
      {
        name: 'utm parameters',
        markdown: '- [Example](https://example.com/page?id=7&utm_source=news&utm_medium=mail#intro) - An example.\n',
        errors: [{ messageId: 'tracking', line: 1, column: 13 }],
        output: '- [Example](https://example.com/page?id=7#intro) - An example.\n',
      },
      {
        name: 'share id on YouTube',
        markdown: '- [Talk](https://youtu.be/dQw4w9WgXcQ?si=AbC123) - A talk.\n',
        errors: [{ messageId: 'tracking', line: 1, column: 10 }],
        output: '- [Talk](https://youtu.be/dQw4w9WgXcQ) - A talk.\n',
      },
    ],
  },
  check(ctx) {
    const text = ctx.doc.text;
    // Reference links share their definition's URL range: report each written URL once.
    const seen = new Set<number>();
    // Only entries' links: sponsor and header links (headings, HTML blocks, prose) carry their partners' parameters on purpose.
    for (const link of ctx.doc.entries.flatMap((entry) => entry.links)) {
      if (!isHttpUrl(link.url) || !link.url.includes('?')) continue;
      const { removed } = stripTrackingParams(link.url);
      if (removed.length === 0) continue;
      const at = link.urlRange ?? link.range;
      if (seen.has(at.start.offset)) continue;
      seen.add(at.start.offset);
      ctx.report({
        messageId: 'tracking',
        at,
        data: { actual: removed.join(', ') },
        actual: removed.join(', '),
        url: link.url,
        fix: link.urlRange ? queryFix(text, link.urlRange.start.offset, link.urlRange.end.offset, link.url, removed) : undefined,
      });
    }
  },
});

/**
 * The edit that drops tracking parameters from the URL as written at `[start, end)`; undefined when the
 * written form does not give the same answer as the parsed URL (entities, escapes), so a guess is never applied.
 */
function queryFix(text: string, start: number, end: number, url: string, removed: string[]): TextEdit[] | undefined {
  const written = text.slice(start, end);
  if (written.includes('&amp;') || written.includes('\\') || /\s/.test(written)) return undefined;
  const question = written.indexOf('?');
  if (question === -1) return undefined;
  const hash = written.indexOf('#', question);
  const queryEnd = hash !== -1 ? hash : written.endsWith('>') ? written.length - 1 : written.length;
  // Only the query is rewritten, so the edit never touches the host or the angle brackets of `<url>`.
  const query = written.slice(question, queryEnd);
  const stripped = stripTrackingParams(`https://h/${query}`, hostOf(url));
  if (stripped.removed.join('\n') !== removed.join('\n')) return undefined;
  const cleanQuery = stripped.url.slice('https://h/'.length);
  return [{ start: start + question, end: start + queryEnd, text: cleanQuery }];
}
