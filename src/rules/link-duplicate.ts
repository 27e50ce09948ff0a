// Rule link-duplicate: the same resource listed twice, in one file or across every file of a run.
import * as z from 'zod';
import type { Range } from '../diagnostics.js';
import type { ListDocument } from '../markdown/types.js';
import { defineRule } from './define-rule.js';
import { normalizeName } from './utils/entries.js';
import { decodeOrRaw, hasSectionFragment, nearKeyOf, normalizeUrlForDuplicates, parseUrl, splitUrl } from '../url/url.js';

const options = z
  .object({
    near: z
      .boolean()
      .default(true)
      .describe('Also report near-duplicates: a GitHub repository via its README, `/tree/<branch>` or `.git` URL, or a page and one of its sections.'),
    acrossFiles: z.boolean().default(true).describe('Also report a resource already listed in another file of the run.'),
  })
  .strict();

/** One counted link: an entry's main link or one of its group's links. */
export interface DuplicateOccurrence {
  /** The URL as written. */
  url: string;
  /** Duplicate key with the fragment kept: equal keys are exact duplicates. */
  exact: string;
  /** Coarser key: equal keys (with unequal `exact`) are near-duplicates. */
  near: string;
  /** True when the URL points at a section of its page (`#install`); two different sections are not duplicates. */
  isSection: boolean;
  at: Range;
  /** The link text, normalised, and the heading of the section the link is listed in. */
  name: string;
  section: string;
}

/**
 * A file's first occurrence of one resource, as the run-wide check needs it. Kept small: every file's summary is held
 * for the whole run and stored in the lint cache. `near` is left out when it equals `exact`, `isSection` when false.
 */
export interface DuplicateFirst {
  url: string;
  exact: string;
  near?: string;
  isSection?: true;
  at: Range;
}

/** What a file contributes to the run-wide check: its first occurrence of each resource. */
export type DuplicateSummary = DuplicateFirst[];

/** The keys the index compares: an occurrence in a file, or a first occurrence from a file's summary (no `near`: same as `exact`). */
interface Keyed {
  exact: string;
  near?: string;
  isSection?: boolean;
}

interface Indexed<O, T> {
  occurrence: O;
  origin: T;
}

/** First occurrences by key; `find` says whether a new occurrence repeats one, exactly or nearly. */
class DuplicateIndex<O extends Keyed, T> {
  private readonly exact = new Map<string, Indexed<O, T>>();
  private readonly nearAny = new Map<string, Indexed<O, T>>();
  private readonly nearPage = new Map<string, Indexed<O, T>>();

  find(occurrence: Keyed, isNearOn: boolean): { kind: 'duplicate' | 'near'; first: Indexed<O, T> } | undefined {
    const exact = this.exact.get(occurrence.exact);
    if (exact) return { kind: 'duplicate', first: exact };
    if (!isNearOn) return undefined;
    // A section link repeats only the bare page; two different sections of one page are two resources.
    const nearKey = occurrence.near ?? occurrence.exact;
    const near = occurrence.isSection === true ? this.nearPage.get(nearKey) : this.nearAny.get(nearKey);
    return near ? { kind: 'near', first: near } : undefined;
  }

  add(occurrence: O, origin: T): void {
    const item = { occurrence, origin };
    const nearKey = occurrence.near ?? occurrence.exact;
    if (!this.exact.has(occurrence.exact)) this.exact.set(occurrence.exact, item);
    if (!this.nearAny.has(nearKey)) this.nearAny.set(nearKey, item);
    if (occurrence.isSection !== true && !this.nearPage.has(nearKey)) this.nearPage.set(nearKey, item);
  }
}

/** Occurrences by document: `check` and `summarize` both need them, and normalising every URL twice is wasted work. */
const occurrencesByDoc = new WeakMap<ListDocument, DuplicateOccurrence[]>();

/**
 * Each document's first occurrences, found by `check` while it indexes the document: `summarize` runs next on the
 * same document and would otherwise index every occurrence a second time. Keyed by the `near` option it was found with.
 */
const firstsByDoc = new WeakMap<ListDocument, { isNearOn: boolean; firsts: DuplicateSummary }>();

/** The summary form of a first occurrence. */
function toFirst(occurrence: DuplicateOccurrence): DuplicateFirst {
  const first: DuplicateFirst = { url: occurrence.url, exact: occurrence.exact, at: occurrence.at };
  if (occurrence.near !== occurrence.exact) first.near = occurrence.near;
  if (occurrence.isSection) first.isSection = true;
  return first;
}

/** The counted links of `doc`, in document order: entries' main links and group links, never badges or anchors. */
function collectOccurrences(doc: ListDocument): DuplicateOccurrence[] {
  const cached = occurrencesByDoc.get(doc);
  if (cached) return cached;
  const found: DuplicateOccurrence[] = [];
  occurrencesByDoc.set(doc, found);
  for (const entry of doc.entries) {
    // A link line ("Label: [a](url), [b](url)") lists resources too, each of its links counts.
    const links = entry.group && entry.group.length > 0 ? entry.group : entry.link ? [entry.link] : entry.role === 'link-line' ? entry.links : [];
    for (const link of links) {
      if (link.isImage || link.isBadge) continue;
      const key = normalizeUrlForDuplicates(link.url);
      const near = nearKeyOf(key);
      if (key === undefined || near === undefined) continue;
      const { fragment } = splitUrl(link.url);
      found.push({
        url: link.url,
        exact: fragment.length > 1 ? key + fragment : key,
        near,
        isSection: hasSectionFragment(link.url),
        at: link.range,
        name: normalizeName(link.text),
        section: entry.section.slug,
      });
    }
  }
  return found;
}

/** Reports entries whose link repeats an earlier entry's, here or in an earlier file of the run. */
export const linkDuplicate = defineRule<z.output<typeof options>, DuplicateSummary>({
  id: 'link-duplicate',
  description: 'Each resource is listed once, in a file and across the files of a run.',
  rationale:
    'Repeated entries dilute a curated list and drift apart when one copy is edited; URLs are compared after normalisation, so `http://www.x.com/` and `https://x.com` count as one.',
  fixable: false,
  defaultSeverity: 'error',
  options,
  messages: {
    duplicate: '`{url}` is listed {times}; first {where}',
    near: '`{url}` is the same resource as `{first}`, listed {where}',
  },
  examples: {
    valid: [
      {
        name: 'different resources, and two sections of one page',
        markdown:
          '- [Tool](https://example.com/tool) - A tool.\n- [Install](https://example.com/docs#install) - Installing.\n- [Usage](https://example.com/docs#usage) - Using.\n',
      },
    ],
    invalid: [
      {
        name: 'same URL after normalisation',
        markdown: '- [Tool](https://example.com/tool) - A tool.\n- [Tool again](http://www.example.com/tool/?utm_source=x) - Same tool.\n',
        errors: [{ messageId: 'duplicate', line: 2, column: 3 }],
      },
      {
        name: 'a repository and its README',
        markdown: '- [Lib](https://github.com/acme/lib) - A library.\n- [Lib docs](https://github.com/acme/lib/blob/main/README.md) - Its docs.\n',
        errors: [{ messageId: 'near', line: 2, column: 3 }],
      },
    ],
  },
  check(ctx) {
    // One report per group of repeats, at the first repeat, with every other occurrence attached.
    const index = new DuplicateIndex<DuplicateOccurrence, null>();
    const groups = new Map<string, { kind: 'duplicate' | 'near'; members: DuplicateOccurrence[] }>();
    const firsts: DuplicateSummary = [];
    for (const occurrence of collectOccurrences(ctx.doc)) {
      const match = index.find(occurrence, ctx.options.near);
      index.add(occurrence, null);
      if (!match) {
        firsts.push(toFirst(occurrence));
        continue;
      }
      const key = `${match.kind}\u0000${match.first.occurrence.at.start.offset}`;
      const group = groups.get(key);
      if (group) group.members.push(occurrence);
      else groups.set(key, { kind: match.kind, members: [match.first.occurrence, occurrence] });
    }
    firstsByDoc.set(ctx.doc, { isNearOn: ctx.options.near, firsts });
    for (const { kind, members } of groups.values()) {
      const [first, at] = members as [DuplicateOccurrence, DuplicateOccurrence];
      const others = members.filter((member) => member !== at);
      ctx.report({
        messageId: kind,
        at: at.at,
        data: { url: at.url, first: first.url, times: members.length === 2 ? 'twice' : `${members.length} times`, where: `at line ${first.at.start.line}` },
        url: at.url,
        related: others.map((member) => ({ at: member.at, message: `also listed here: ${member.url}` })),
        ...(isCrossListing(members) ? { severity: 'warning' as const } : severityOf(kind)),
      });
    }
  },
  summarize(ctx) {
    // Only each resource's first occurrence: repeats within the file were reported by `check`.
    const found = firstsByDoc.get(ctx.doc);
    if (found && found.isNearOn === ctx.options.near) return found.firsts;
    const index = new DuplicateIndex<DuplicateOccurrence, null>();
    const firsts: DuplicateSummary = [];
    for (const occurrence of collectOccurrences(ctx.doc)) {
      if (!index.find(occurrence, ctx.options.near)) firsts.push(toFirst(occurrence));
      index.add(occurrence, null);
    }
    return firsts;
  },
  checkRun(ctx) {
    // One file has nothing to repeat across; `check` already reported its own repeats.
    if (!ctx.options.acrossFiles || ctx.files.length < 2) return;
    const index = new DuplicateIndex<DuplicateFirst, string>();
    for (const { file, summary } of ctx.files) {
      for (const occurrence of summary) {
        const match = index.find(occurrence, ctx.options.near);
        if (!match || match.first.origin === file) continue;
        const first = match.first.occurrence;
        ctx.report(file, {
          messageId: match.kind,
          at: occurrence.at,
          data: { url: occurrence.url, first: first.url, times: 'again', where: `in ${match.first.origin}:${first.at.start.line}` },
          url: occurrence.url,
          related: [{ at: first.at, file: match.first.origin, message: `also listed here: ${first.url}` }],
          ...severityOf(match.kind),
        });
      }
      for (const occurrence of summary) index.add(occurrence, file);
    }
  },
});

/**
 * The same project in different sections is usually listed in each category on purpose: a warning. It is the same
 * project when the link texts are one name, or each names what the URL names (`django.db.models` and `GeoDjango`
 * for github.com/django/django). The same URL twice in one section, or under names that have nothing to do with it
 * (one of the URLs is likely wrong), is an error.
 */
function isCrossListing(members: DuplicateOccurrence[]): boolean {
  const first = members[0]!;
  const sections = new Set(members.map((member) => member.section));
  if (sections.size !== members.length) return false;
  if (members.every((member) => isSameName(member.name, first.name))) return true;
  const project = projectName(first.url);
  return project !== undefined && members.every((member) => member.name.includes(project));
}

/**
 * What a URL names, normalised like link texts: its last path segment without extension (a repository, a package).
 * A bare host names a site, not one project, so it names nothing here.
 */
function projectName(url: string): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
  const last = segments[segments.length - 1];
  if (last === undefined) return undefined;
  const name = normalizeName(decodeOrRaw(last).replace(/\.[a-z0-9]{1,5}$/i, ''));
  return name.length >= 2 ? name : undefined;
}

/**
 * True when two normalised link texts name the same project: equal, or one starts with the other once an `owner/`
 * prefix is dropped ("surrealdb/surrealdb" and "SurrealDB", "Vigra" and "Vigra (Python bindings)").
 */
function isSameName(a: string, b: string): boolean {
  if (a === b) return true;
  const bare = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
  const [x, y] = [bare(a), bare(b)];
  return Math.min(x.length, y.length) >= 3 && (x.startsWith(y) || y.startsWith(x));
}

/** Near-duplicates may be deliberate (a project and its docs section): a warning, whatever the rule's severity. */
function severityOf(kind: 'duplicate' | 'near'): { severity?: 'warning' } {
  return kind === 'near' ? { severity: 'warning' } : {};
}
