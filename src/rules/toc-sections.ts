// toc-sections: the table of contents exists when required, lists every section it should, in order, with working anchors.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import type { ListDocument, Section, TocItem } from '../markdown/types.js';
import { documentStart } from './utils/structure.js';

/** Checks the ToC against the headings: presence, completeness, order and anchors. */
export const tocSections = defineRule({
  id: 'toc-sections',
  description: 'The table of contents lists every section in document order and each of its links reaches a heading.',
  rationale:
    'A stale ToC hides new sections and sends readers to anchors that no longer exist. The levels checked follow the ToC itself: a flat ToC only has to list the level it lists.',
  fixable: false,
  // A broken ToC anchor is an error; how complete, ordered or deep the ToC is is a matter of style (warnings).
  defaultSeverity: 'error',
  options: z.object({}).strict(),
  messages: {
    tooDeep: 'Unexpected ToC item `{actual}` nested {depth} levels deep, expected at most {expected} levels (style.toc)',
    required: 'Missing table of contents, expected a list of links to the sections (style.toc.required)',
    missing: 'Missing ToC link to section `{actual}`, expected `[{actual}](#{expected})`',
    order: 'Unexpected ToC link `{actual}` after `{previous}`, expected document order',
    broken: 'Unexpected ToC link `#{actual}`, expected an anchor of a heading in this document',
  },
  examples: {
    valid: [
      {
        name: 'a complete flat ToC',
        markdown: '# List\n\n## Contents\n\n- [Tools](#tools)\n- [Guides](#guides)\n\n## Tools\n\n### CLI\n\n## Guides\n',
      },
      {
        name: 'a nested ToC listing two levels',
        markdown: '# List\n\n## Contents\n\n- [Tools](#tools)\n  - [CLI](#cli)\n- [Guides](#guides)\n\n## Tools\n\n### CLI\n\n## Guides\n',
      },
    ],
    invalid: [
      {
        name: 'a section missing from the ToC',
        markdown: '# List\n\n## Contents\n\n- [Tools](#tools)\n- [Guides](#guides)\n\n## Tools\n\n## Guides\n\n## Videos\n',
        errors: [{ messageId: 'missing', line: 12, column: 1 }],
      },
      {
        name: 'out of order and a broken anchor',
        markdown: '# List\n\n## Contents\n\n- [Guides](#guides)\n- [Tools](#tools)\n- [Videos](#videos)\n\n## Tools\n\n## Guides\n',
        errors: [
          { messageId: 'order', line: 6, column: 3 },
          { messageId: 'broken', line: 7, column: 3 },
        ],
      },
      {
        name: 'no ToC when the style requires one',
        markdown: '# List\n\n## Tools\n',
        style: { toc: { required: true } },
        errors: [{ messageId: 'required', line: 1, column: 1 }],
      },
    ],
  },
  check(ctx) {
    const { doc } = ctx;
    const toc = doc.toc;
    if (!toc) {
      if (ctx.style.toc.required) ctx.report({ messageId: 'required', at: documentStart(doc), severity: 'warning' });
      return;
    }
    const resolve = sectionResolver(doc);
    const index = new Map(doc.sections.map((section, i) => [section, i]));
    const listed = new Set<Section>();
    let previous: { item: TocItem; section: Section } | undefined;
    // The ToC spans the heading levels the style names (`minDepth`…`maxDepth`), so it nests no deeper than that.
    // Only asked of a required ToC (the awesome preset): a list that merely has one may nest it as it likes.
    const levels = ctx.style.toc.maxDepth - ctx.style.toc.minDepth + 1;
    for (const item of toc.items) {
      if (ctx.style.toc.required && item.depth >= levels) {
        ctx.report({ messageId: 'tooDeep', at: item.link.range, data: { actual: item.link.text, depth: item.depth + 1, expected: levels }, actual: item.link.text, severity: 'warning' });
      }
      const section = resolve(item.target);
      if (!section) {
        // `#` and `#top` scroll to the top of the page in every browser (HTML's "indicated part" rules).
        const isTop = item.target === '' || item.target.toLowerCase() === 'top';
        if (!isTop && !doc.anchors.has(item.target) && !doc.anchors.has(item.target.toLowerCase())) {
          ctx.report({ messageId: 'broken', at: item.link.range, data: { actual: item.target }, actual: `#${item.target}` });
        }
        continue;
      }
      if (previous && index.get(section)! < index.get(previous.section)!) {
        ctx.report({
          messageId: 'order',
          at: item.link.range,
          data: { actual: item.link.text, previous: previous.item.link.text },
          actual: item.link.text,
          severity: 'warning',
        });
      }
      listed.add(section);
      previous = { item, section };
    }
    for (const section of expectedSections(doc, ctx.style.toc, listed, toc.items)) {
      if (listed.has(section)) continue;
      ctx.report({ messageId: 'missing', at: section.range, data: { actual: section.title, expected: section.slug }, actual: section.title, severity: 'warning' });
    }
  },
});

/** Finds the section a ToC target points to: exact slug first, then ignoring case as GitHub's anchor lookup does. */
function sectionResolver(doc: ListDocument): (target: string) => Section | undefined {
  const bySlug = new Map<string, Section>();
  const byLower = new Map<string, Section>();
  for (const section of doc.sections) {
    if (!section.heading) continue;
    if (!bySlug.has(section.slug)) bySlug.set(section.slug, section);
    const lower = section.slug.toLowerCase();
    if (!byLower.has(lower)) byLower.set(lower, section);
  }
  return (target) => bySlug.get(target) ?? byLower.get(target.toLowerCase());
}

/**
 * The sections the ToC should list: headings after the ToC, within the style's levels narrowed to the levels the ToC
 * itself uses (a flat ToC only owes its one level), leaving out the title, the ToC's own section and prose sections.
 */
function expectedSections(
  doc: ListDocument,
  levels: { minDepth: number; maxDepth: number },
  listed: Set<Section>,
  items: TocItem[],
): Section[] {
  let shallowest = Infinity;
  let deepest = 0;
  for (const section of listed) {
    // A link to the title or to a level the style leaves out says nothing about which levels the ToC covers.
    if (section.depth < levels.minDepth || section.depth > levels.maxDepth) continue;
    shallowest = Math.min(shallowest, section.depth);
    deepest = Math.max(deepest, section.depth);
  }
  if (deepest === 0) return [];
  const isFlat = items.every((item) => item.depth === 0);
  const minDepth = shallowest;
  const maxDepth = isFlat ? shallowest : deepest;
  const tocStart = doc.toc!.range.start.offset;
  return doc.sections.filter(
    (section) =>
      section.heading !== undefined &&
      section.depth >= minDepth &&
      section.depth <= maxDepth &&
      section.range.start.offset > tocStart &&
      !section.isToc &&
      // isProse is inherited from the parent section, so sections inside Contributing, License… are left out too.
      !section.isProse,
  );
}
