// entry-bullet: every bulleted entry uses the style's bullet marker (or the file's most common one).
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { resourceEntries } from './utils/entries.js';
import type { Entry } from '../markdown/types.js';
import { plural } from '../plural.js';

const BULLETS = ['-', '*', '+'] as const;

/** Formats marker counts the way people say them: "12 `*`, 3 `-` and 1 `+`". */
function describeCounts(counts: Array<[string, number]>): string {
  const parts = counts.map(([marker, count]) => `${count} \`${marker}\``);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Bulleted (not ordered) list-item entries with their marker character. */
function bulletedEntries(entries: readonly Entry[]): Array<{ entry: Entry; marker: string }> {
  const out: Array<{ entry: Entry; marker: string }> = [];
  for (const entry of entries) {
    if (entry.kind !== 'list-item' || entry.ordered || !entry.marker) continue;
    const marker = entry.marker.text.trim();
    if ((BULLETS as readonly string[]).includes(marker)) out.push({ entry, marker });
  }
  return out;
}

/** Reports a file that mixes bullet markers at one nesting level, or uses one other than the style's, once per level. */
export const entryBullet = defineRule({
  id: 'entry-bullet',
  description: 'Bulleted entries use the bullet marker of the style, or one marker per nesting level throughout the file.',
  rationale:
    'Changing the marker starts a new list in CommonMark, which splits one section into several lists and makes diffs noisy.',
  fixable: true,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    mixed: 'Mixed bullets: {counts}, expected `{expected}`',
    unexpected: 'Unexpected bullet `{actual}` on {entries}, expected `{expected}`',
  },
  examples: {
    valid: [
      { name: 'one marker throughout', markdown: '# Tools\n\n* [Alpha](https://alpha.dev) - Alpha.\n* [Beta](https://beta.dev) - Beta.\n' },
      {
        name: 'ordered lists are a style of their own',
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Alpha.\n\n# Steps\n\n1. [Beta](https://beta.dev) - Beta.\n',
      },
    ],
    invalid: [
      {
        name: 'a mix is reported once, at the first odd marker',
        markdown:
          '# Tools\n\n- [Alpha](https://alpha.dev) - Alpha.\n* [Beta](https://beta.dev) - Beta.\n- [Gamma](https://gamma.dev) - Gamma.\n* [Delta](https://delta.dev) - Delta.\n- [Eta](https://eta.dev) - Eta.\n',
        errors: [{ messageId: 'mixed', line: 4, column: 1 }],
        output:
          '# Tools\n\n- [Alpha](https://alpha.dev) - Alpha.\n- [Beta](https://beta.dev) - Beta.\n- [Gamma](https://gamma.dev) - Gamma.\n- [Delta](https://delta.dev) - Delta.\n- [Eta](https://eta.dev) - Eta.\n',
      },
      {
        name: 'a marker other than the style\'s',
        style: { bullet: '-' },
        markdown: '# Tools\n\n* [Alpha](https://alpha.dev) - Alpha.\n* [Beta](https://beta.dev) - Beta.\n',
        errors: [{ messageId: 'unexpected', line: 3, column: 1 }],
        output: '# Tools\n\n- [Alpha](https://alpha.dev) - Alpha.\n- [Beta](https://beta.dev) - Beta.\n',
      },
    ],
  },
  check(ctx) {
    const bulleted = bulletedEntries(resourceEntries(ctx.doc));
    if (bulleted.length === 0) return;
    // A configured marker holds at every level; `consistent` learns one marker per nesting level, since many lists
    // use `-` for entries and `*` for the items nested under them, throughout.
    const levels = ctx.style.bullet === 'consistent' ? groupByDepth(bulleted) : [bulleted];
    for (const level of levels) checkLevel(level);

    function checkLevel(level: Array<{ entry: Entry; marker: string }>): void {
      // Map keeps first-use order, which breaks ties in favour of the marker the file starts with.
      const counts = new Map<string, number>();
      for (const { marker } of level) counts.set(marker, (counts.get(marker) ?? 0) + 1);
      const ranked = [...counts].sort((a, b) => b[1] - a[1]);
      const expected = ctx.style.bullet === 'consistent' ? ranked[0]![0] : ctx.style.bullet;
      const deviating = level.filter(({ marker }) => marker !== expected);
      const first = deviating[0];
      if (!first) return;
      const fix = deviating.map(({ entry }) => {
        const start = entry.marker!.range.start.offset + entry.marker!.text.indexOf(entry.marker!.text.trim());
        return { start, end: start + 1, text: expected };
      });
      const common = { at: first.entry.marker!.range, fix, actual: first.marker, expected: [expected] };
      if (counts.size === 1) {
        const entries = plural(deviating.length, 'entry', 'entries');
        ctx.report({ ...common, messageId: 'unexpected', data: { actual: first.marker, entries, expected } });
      } else {
        ctx.report({ ...common, messageId: 'mixed', data: { counts: describeCounts(ranked), expected } });
      }
    }
  },
});

/** Entries grouped by nesting depth, shallowest first. */
function groupByDepth(bulleted: Array<{ entry: Entry; marker: string }>): Array<Array<{ entry: Entry; marker: string }>> {
  const byDepth = new Map<number, Array<{ entry: Entry; marker: string }>>();
  for (const item of bulleted) {
    const level = byDepth.get(item.entry.depth) ?? [];
    level.push(item);
    byDepth.set(item.entry.depth, level);
  }
  return [...byDepth].sort((a, b) => a[0] - b[0]).map(([, level]) => level);
}
