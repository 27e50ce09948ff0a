// entry-shape: an entry's layout (prefix, grouped links, badges, having a link at all) is one the style allows.
import * as z from 'zod';
import { defineRule } from './define-rule.js';
import { isAdjacent, linkEnd, parentEntries, resourceEntries } from './utils/entries.js';
import type { Entry, Extra, Section } from '../markdown/types.js';

/**
 * Sections where a link-less item stands out: more of their top-level items have a link than not.
 * A section of plain bullets (notes, rules, features) is not a list of resources.
 */
function resourceSections(entries: readonly Entry[]): Set<Section> {
  const balance = new Map<Section, number>();
  for (const entry of entries) {
    if (entry.kind !== 'list-item' || entry.shape === 'bare-url') continue;
    balance.set(entry.section, (balance.get(entry.section) ?? 0) + (entry.shape === 'text' ? -1 : 1));
  }
  return new Set([...balance].filter(([, value]) => value > 0).map(([section]) => section));
}

/** Keeps quoted source short enough for a one-line message. */
function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Reports entry layouts the style does not allow. */
export const entryShape = defineRule({
  id: 'entry-shape',
  description: 'Entries are laid out as the style allows: prefixes, grouped links and badges only where permitted, and a link in every entry.',
  rationale: 'One layout per list lets readers find the name, the link and the description in the same place on every line.',
  fixable: false,
  defaultSeverity: 'warn',
  options: z.object({}).strict(),
  messages: {
    tag: 'Unexpected tag `{actual}` before the link, expected the entry to start with its link{evidence}',
    title: 'Unexpected title `{actual}` before the link, expected the entry to start with its link{evidence}',
    grouped: 'Unexpected grouped links, expected one link per entry',
    badgeForbidden: 'Unexpected badge `{actual}`, expected no badges{evidence}',
    badgePlacement: 'Unexpected badge `{actual}` away from the link, expected it right after the link{evidence}',
    noLink: 'Unexpected entry without a link `{actual}`, expected `[Name](url)`',
  },
  examples: {
    valid: [
      { name: 'link and description', markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n' },
      {
        name: 'category label with nested entries',
        markdown: '# Tools\n\n- Build\n  - [Alpha](https://alpha.dev) - Fast builds.\n- [Beta](https://beta.dev) - Fast tests.\n',
      },
      {
        name: 'badge right after the link',
        style: { entry: { badges: 'after-link' } },
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) ![Stars](https://img.shields.io/github/stars/a/alpha) - Fast builds.\n',
      },
    ],
    invalid: [
      {
        name: 'entry without a link',
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) - Fast builds.\n- Beta - Fast tests.\n- [Gamma](https://gamma.dev) - Fast deploys.\n',
        errors: [{ messageId: 'noLink', line: 4, column: 1 }],
      },
      {
        name: 'badges are forbidden by default',
        markdown: '# Tools\n\n- [Alpha](https://alpha.dev) ![Stars](https://img.shields.io/github/stars/a/alpha) - Fast builds.\n',
        errors: [{ messageId: 'badgeForbidden', line: 3, column: 30 }],
      },
    ],
  },
  check(ctx) {
    const { prefix, grouped, badges } = ctx.style.entry;
    const prefixEvidence = ctx.evidence('entry.prefix');
    const badgeEvidence = ctx.evidence('entry.badges');
    const entries = resourceEntries(ctx.doc);
    const parents = parentEntries(ctx.doc);
    const sections = resourceSections(entries);
    for (const entry of entries) {
      if (entry.tag && !prefix.includes('tag')) {
        ctx.report({ messageId: 'tag', at: entry.tag.range, data: { actual: entry.tag.text, evidence: prefixEvidence }, actual: entry.tag.text });
      }
      if (entry.title && !prefix.includes('title')) {
        ctx.report({ messageId: 'title', at: entry.title.range, data: { actual: entry.title.text, evidence: prefixEvidence }, actual: entry.title.text });
      }
      if (entry.shape === 'grouped' && !grouped) {
        ctx.report({ messageId: 'grouped', at: (entry.group?.[0] ?? entry.link ?? entry.line).range });
      }
      if (badges !== 'anywhere') checkBadges(entry, entry.extras.filter((extra) => extra.kind === 'badge'));
      if (isStrayText(entry)) {
        const content = entry.marker ? entry.line.text.slice(entry.marker.text.length).trim() : entry.line.text.trim();
        ctx.report({ messageId: 'noLink', at: entry.line.range, data: { actual: shorten(content) }, actual: content });
      }
    }

    // A link-less item is a resource without its link, unless it labels nested entries, notes its linked parent or sits among notes.
    function isStrayText(entry: Entry): boolean {
      if (entry.shape !== 'text' || entry.kind !== 'list-item' || parents.has(entry)) return false;
      if (entry.parent?.link) return false;
      return sections.has(entry.section);
    }

    function checkBadges(entry: Entry, found: Extra[]): void {
      let cursor = linkEnd(entry);
      for (const badge of found) {
        const at = badge.span.range;
        const name = shorten(badge.link?.text || badge.span.text);
        if (badges === 'forbidden') {
          ctx.report({ messageId: 'badgeForbidden', at, data: { actual: name, evidence: badgeEvidence }, actual: badge.span.text });
          continue;
        }
        if (cursor !== undefined && isAdjacent(ctx.doc.text, cursor, at.start.offset)) {
          cursor = at.end.offset;
          continue;
        }
        ctx.report({ messageId: 'badgePlacement', at, data: { actual: name, evidence: badgeEvidence }, actual: badge.span.text });
      }
    }
  },
});
