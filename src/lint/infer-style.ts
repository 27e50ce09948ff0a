// Style inference: the style values a config leaves open are learned from the file's own entries.
import type { Style } from '../config/style-schema.js';
import type { Entry, ListDocument, Section } from '../markdown/types.js';
import {
  isAdjacent,
  isAttribution,
  isCasedLetter,
  isLower,
  isPictograph,
  isSpace,
  isUpper,
  linkEnd,
  parentEntries,
  resourceEntries,
  startsWithUrl,
} from '../rules/utils/entries.js';

/**
 * Fewer entries than this showing a feature is too little evidence to speak of a convention: the recommended
 * value applies. Ten is where one stray entry stops being a tenth of the sample.
 */
export const MIN_ENTRIES = 10;

/**
 * Share of the entries that must follow one convention for it to become the file's rule. At 90% the exceptions
 * are few enough to be slips a maintainer wants to hear about; below it a list is mixed on purpose (or by
 * history), and reporting half of it would be noise, so nothing is said.
 */
export const MIN_SHARE = 0.9;

/** The style paths inference may set, each a dotted path into `Style`. */
export const INFERABLE_PATHS = [
  'entry.description.required',
  'entry.description.placement',
  'entry.description.separator',
  'entry.description.case',
  'entry.description.end',
  'entry.badges',
  'entry.prefix',
] as const;

/** A style path inference may set. */
export type InferablePath = (typeof INFERABLE_PATHS)[number];

/** How one style value was settled for a file. */
export interface StyleBasis {
  /**
   * `inferred`: `count` of `total` entries follow it; `mixed`: no convention reaches the share, so the value
   * accepts them all; `default`: fewer than {@link MIN_ENTRIES} entries to learn from.
   */
  source: 'inferred' | 'mixed' | 'default';
  count: number;
  total: number;
}

/** A file's effective style and, for each value inference settled, how. */
export interface FileStyle {
  style: Style;
  basis: Partial<Record<InferablePath, StyleBasis>>;
}

/** Counts of the values one feature takes over a file's entries, overall and per section. */
class Tally<V> {
  private readonly counts = new Map<string, { value: V; count: number }>();
  private readonly sections = new Map<Section, Map<string, number>>();
  total = 0;

  add(value: V, section: Section): void {
    const key = JSON.stringify(value);
    const found = this.counts.get(key);
    if (found) found.count++;
    else this.counts.set(key, { value, count: 1 });
    const inSection = this.sections.get(section) ?? new Map<string, number>();
    inSection.set(key, (inSection.get(key) ?? 0) + 1);
    this.sections.set(section, inSection);
    this.total++;
  }

  /** The most common value and its count (undefined for an empty tally). */
  top(): { value: V; count: number } | undefined {
    let best: { value: V; count: number } | undefined;
    for (const candidate of this.counts.values()) if (!best || candidate.count > best.count) best = candidate;
    return best;
  }

  /**
   * How many entries follow `value`, out of how many, leaving out sections of at least {@link MIN_SECTION_ENTRIES}
   * entries where most follow something else: such a section keeps a convention of its own (a "Books" section of
   * bare links in a list of described tools) and says nothing about the file's.
   */
  share(value: V): { count: number; total: number } {
    const key = JSON.stringify(value);
    let count = 0;
    let total = 0;
    for (const inSection of this.sections.values()) {
      let size = 0;
      for (const n of inSection.values()) size += n;
      const following = inSection.get(key) ?? 0;
      if (size >= MIN_SECTION_ENTRIES && following * 2 < size) continue;
      count += following;
      total += size;
    }
    return { count, total };
  }

  values(): V[] {
    return [...this.counts.values()].map((entry) => entry.value);
  }
}

/** A section needs this many entries to keep a convention of its own. */
const MIN_SECTION_ENTRIES = 3;

/**
 * Settles one value: the dominant convention when enough entries show one, else `mixed` (the permissive value),
 * else the default when there is too little evidence. Sections with a convention of their own do not count, as
 * long as the rest still holds most of the file's entries.
 */
function settle<V>(tally: Tally<V>, fallback: V, mixed: (tally: Tally<V>) => V): { value: V; basis: StyleBasis } {
  const top = tally.top();
  if (!top || tally.total < MIN_ENTRIES) return { value: fallback, basis: { source: 'default', count: top?.count ?? 0, total: tally.total } };
  const share = tally.share(top.value);
  const isFileWide = share.total * 2 >= tally.total && share.total >= MIN_ENTRIES;
  if (isFileWide && share.count >= share.total * MIN_SHARE) return { value: top.value, basis: { source: 'inferred', ...share } };
  return { value: mixed(tally), basis: { source: 'mixed', count: top.count, total: tally.total } };
}

/** Closing brackets, quotes and emphasis around a final mark: "(see X.)" ends in ".". */
const CLOSERS = new Set([')', ']', '"', "'", '”', '’', '»', '*', '_', '~']);
/** Marks that end a sentence, full-width forms and the ellipsis included. */
const SENTENCE_ENDS = new Set(['.', '!', '?', '。', '．', '！', '？', '…']);

/** A description that is one link and nothing else but emphasis. */
const ONLY_A_LINK = /^[*_\s]*!?\[[^\]]*\]\([^)]*\)[*_\s]*$/;

/** How a description ends: a sentence mark, a word, or something that settles nothing (code, URL, emoji). */
function endingKind(text: string): 'punctuated' | 'bare' | undefined {
  let end = text.length;
  while (end > 0 && (isSpace(text[end - 1]) || text[end - 1] === '\\')) end--;
  while (end > 0 && CLOSERS.has(text[end - 1]!)) end--;
  if (end === 0) return undefined;
  const last = text[end - 1]!;
  if (SENTENCE_ENDS.has(last)) return 'punctuated';
  if (!/[\p{L}\p{N}]/u.test(last)) return undefined;
  // A description ending in a bare URL settles nothing: only its last word is looked at.
  let wordStart = end;
  while (wordStart > 0 && !isSpace(text[wordStart - 1])) wordStart--;
  return startsWithUrl(text.slice(wordStart, end)) ? undefined : 'bare';
}

/** Longer runs without a space are not words (hashes, minified text). */
const MAX_WORD_LENGTH = 64;

/** How a description starts: with an upper- or lower-case word, or with something that settles nothing. */
function startingCase(text: string): 'upper' | 'lower' | undefined {
  let i = 0;
  while (i < text.length && (isSpace(text[i]) || '([{"\'“‘*_'.includes(text[i]!))) i++;
  // The first word is all that matters: look at a bounded head, not a copy of the whole description.
  const head = text.slice(i, i + MAX_WORD_LENGTH);
  if (head === '' || startsWithUrl(head)) return undefined;
  const word = /^[^\s.,;:!?]+/.exec(head)?.[0] ?? '';
  const first = String.fromCodePoint(text.codePointAt(i)!);
  if (!isCasedLetter(first) || isPictograph(first)) return undefined;
  // Names speak for themselves (iOS, macOS, gRPC, v2): they are cased as their projects spell them.
  if (/[\d./_@#+=]/.test(word) || [...word].slice(1).some(isUpper)) return undefined;
  return isUpper(first) ? 'upper' : isLower(first) ? 'lower' : undefined;
}

/** True when `entry` is one `entry-description` would ask a description of, were it missing. */
function expectsDescription(entry: Entry, parents: Set<Entry>): boolean {
  if (entry.kind !== 'list-item' || parents.has(entry) || entry.link === undefined || entry.link.isBadge) return false;
  return entry.shape === 'link' || entry.shape === 'grouped' || entry.shape === 'link-description';
}

/** Where the entry's badges sit: all right after the link, elsewhere, or none. */
function badgePlacement(entry: Entry, text: string): 'none' | 'after-link' | 'anywhere' {
  const badges = entry.extras.filter((extra) => extra.kind === 'badge');
  if (badges.length === 0) return 'none';
  let cursor = linkEnd(entry);
  for (const badge of badges) {
    if (cursor === undefined || !isAdjacent(text, cursor, badge.span.range.start.offset)) return 'anywhere';
    cursor = badge.span.range.end.offset;
  }
  return 'after-link';
}

/** Sets `value` at the dotted `path` of a copy-on-write style. */
function setPath(style: Style, path: InferablePath, value: unknown): Style {
  const keys = path.split('.');
  const copy = { ...style } as Record<string, unknown>;
  let target = copy;
  for (const key of keys.slice(0, -1)) {
    target[key] = { ...(target[key] as Record<string, unknown>) };
    target = target[key] as Record<string, unknown>;
  }
  target[keys[keys.length - 1]!] = value;
  return copy as unknown as Style;
}

/** Reads the value at the dotted `path` of `style`. */
export function getPath(style: Style, path: string): unknown {
  let value: unknown = style;
  for (const key of path.split('.')) value = (value as Record<string, unknown>)[key];
  return value;
}

/** The tallies of every inferable feature over the file's resource entries, gathered in one pass. */
function tallyEntries(doc: ListDocument): Record<InferablePath, Tally<unknown>> {
  const tallies = Object.fromEntries(INFERABLE_PATHS.map((path) => [path, new Tally<unknown>()])) as Record<InferablePath, Tally<unknown>>;
  const parents = parentEntries(doc);
  for (const entry of resourceEntries(doc)) {
    if (entry.kind === 'list-item') {
      tallies['entry.badges'].add(badgePlacement(entry, doc.text), entry.section);
      tallies['entry.prefix'].add(entry.tag ? 'tag' : entry.title ? 'title' : 'none', entry.section);
    }
    if (expectsDescription(entry, parents)) tallies['entry.description.required'].add(entry.description !== undefined, entry.section);
    const description = entry.description;
    if (!description || entry.descriptionPlacement === undefined || description.text.trim() === '') continue;
    tallies['entry.description.placement'].add(entry.descriptionPlacement, entry.section);
    if (entry.descriptionPlacement === 'code') continue;
    const isInline = entry.descriptionPlacement === 'inline';
    // "[X](url) by Ada" goes on with the name: it has no separator by design and settles nothing.
    const isContinuation = isAttribution(entry);
    if (isInline && entry.kind === 'list-item' && entry.link && !isContinuation) tallies['entry.description.separator'].add(entry.separator?.text ?? null, entry.section);
    // Without a separator the description continues the name as one sentence ("[X](url) is a…"): its case says nothing.
    const casing = isInline && !entry.separator && entry.link ? undefined : startingCase(description.text);
    if (casing) tallies['entry.description.case'].add(casing, entry.section);
    // Attributions ("[X](url) by Ada") and descriptions that are one link end no sentence (as entry-description-end reads them).
    const ending = isContinuation || ONLY_A_LINK.test(description.text) ? undefined : endingKind(description.text);
    if (ending) tallies['entry.description.end'].add(ending, entry.section);
  }
  return tallies;
}

/** The value each path takes when the file's entries are mixed: one that accepts what they do. */
const MIXED: Record<InferablePath, (tally: Tally<unknown>) => unknown> = {
  'entry.description.required': () => false,
  'entry.description.placement': (tally) => tally.values(),
  'entry.description.separator': () => 'any',
  'entry.description.case': () => 'any',
  'entry.description.end': () => 'any',
  'entry.badges': () => 'anywhere',
  'entry.prefix': () => ['none', 'tag', 'title'],
};

/** Turns an observed convention into the style value that states it. */
function styleValue(path: InferablePath, observed: unknown, current: unknown): unknown {
  switch (path) {
    case 'entry.description.placement':
      return [observed];
    case 'entry.description.end':
      // A punctuated list keeps the configured marks (the default `.` also accepts `!` and `?`).
      return observed === 'bare' ? 'none' : current === 'none' || current === 'any' ? ['.'] : current;
    case 'entry.badges':
      return observed === 'none' ? 'forbidden' : observed;
    case 'entry.prefix':
      return observed === 'none' ? ['none'] : ['none', observed];
    default:
      return observed;
  }
}

/**
 * The style `doc` is linted with: `style` with every inferable value that `origins` does not list (that no preset,
 * config file or flag set) replaced by the file's own convention. Deterministic in the file's text.
 */
export function inferFileStyle(doc: ListDocument, style: Style, origins: Readonly<Record<string, string>>): FileStyle {
  const open = INFERABLE_PATHS.filter((path) => !isSetByConfig(path, origins));
  if (open.length === 0) return { style, basis: {} };
  const tallies = tallyEntries(doc);
  let inferred = style;
  const basis: FileStyle['basis'] = {};
  for (const path of open) {
    const current = getPath(style, path);
    const settled = settle(tallies[path], undefined as unknown, MIXED[path]);
    basis[path] = settled.basis;
    if (settled.basis.source === 'default') continue;
    const value = settled.basis.source === 'inferred' ? styleValue(path, settled.value, current) : settled.value;
    inferred = setPath(inferred, path, value);
  }
  return { style: inferred, basis };
}

/** True when a layer set `path` itself or one of its parents (`entry.description` set as a whole). */
function isSetByConfig(path: string, origins: Readonly<Record<string, string>>): boolean {
  if (Object.hasOwn(origins, path)) return true;
  for (let dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
    if (Object.hasOwn(origins, path.slice(0, dot))) return true;
  }
  return false;
}

/** " as in 412 of 430 entries" for a value inferred from the file, '' otherwise. */
export function evidenceText(basis: StyleBasis | undefined): string {
  return basis?.source === 'inferred' ? ` as in ${basis.count} of ${basis.total} entries` : '';
}
