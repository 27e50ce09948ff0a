// heading-increment: heading levels go down one step at a time and never past the style's deepest level.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { hashes, headedSections } from './utils/structure.js';

/** A file needs the same skip this many times, with the levels between never used, for it to be its outline. */
const MIN_CONSISTENT_SKIPS = 3;

/**
 * The skips (`"2>4"`) that are the file's outline rather than slips: made at least {@link MIN_CONSISTENT_SKIPS} times,
 * with no heading anywhere at the levels skipped (a list that goes from `##` straight to `####` in every section).
 */
function consistentSkips(depths: number[]): Set<string> {
  const used = new Set(depths);
  const counts = new Map<string, number>();
  for (let i = 1; i < depths.length; i++) {
    const [from, to] = [depths[i - 1]!, depths[i]!];
    if (to > from + 1) counts.set(`${from}>${to}`, (counts.get(`${from}>${to}`) ?? 0) + 1);
  }
  const outline = new Set<string>();
  for (const [skip, count] of counts) {
    const [from, to] = skip.split('>').map(Number) as [number, number];
    let isUnused = true;
    for (let level = from + 1; level < to; level++) if (used.has(level)) isUnused = false;
    if (count >= MIN_CONSISTENT_SKIPS && isUnused) outline.add(skip);
  }
  return outline;
}

/** Flags skipped heading levels (`##` then `####`) and headings deeper than `style.headings.maxDepth`. */
export const headingIncrement = defineRule({
  id: 'heading-increment',
  description: 'Heading levels increase one at a time and stay within `style.headings.maxDepth`.',
  rationale:
    'A skipped level leaves a hole in the outline: screen readers, the GitHub outline menu and generated tables of contents all nest sections by level. A skip the list makes the same way at least three times, with the level in between never used, is its outline and is not reported.',
  fixable: false,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    skipped: 'Unexpected `{actual}` after `{previous}`, expected `{expected}` or higher',
    tooDeep: 'Unexpected `{actual}` heading, expected `{expected}` at most (style.headings.maxDepth)',
  },
  examples: {
    valid: [
      { name: 'one level at a time', markdown: '# List\n\n## Tools\n\n### CLI\n\n## Guides\n' },
      { name: 'going back up several levels', markdown: '# List\n\n## Tools\n\n### CLI\n\n#### Shells\n\n## Guides\n' },
    ],
    invalid: [
      {
        name: 'a skipped level',
        markdown: '# List\n\n## Tools\n\n#### CLI\n',
        errors: [{ messageId: 'skipped', line: 5, column: 1 }],
      },
      {
        name: 'deeper than the style allows',
        markdown: '# List\n\n## Tools\n\n### CLI\n',
        style: { headings: { maxDepth: 2 } },
        errors: [{ messageId: 'tooDeep', line: 5, column: 1 }],
      },
    ],
  },
  check(ctx) {
    const maxDepth = ctx.style.headings.maxDepth;
    const sections = headedSections(ctx.doc);
    const outline = consistentSkips(sections.map((section) => section.depth));
    let previous: number | undefined;
    for (const section of sections) {
      const depth = section.depth;
      // The first heading's level is heading-title's business, not a skipped level.
      if (previous !== undefined && depth > previous + 1 && !outline.has(`${previous}>${depth}`)) {
        ctx.report({
          messageId: 'skipped',
          at: section.range,
          data: { actual: hashes(depth), previous: hashes(previous), expected: hashes(previous + 1) },
          actual: hashes(depth),
          expected: [hashes(previous + 1)],
        });
      }
      if (depth > maxDepth) {
        ctx.report({
          messageId: 'tooDeep',
          at: section.range,
          data: { actual: hashes(depth), expected: hashes(maxDepth) },
          actual: hashes(depth),
          expected: [hashes(maxDepth)],
        });
      }
      previous = depth;
    }
  },
});
