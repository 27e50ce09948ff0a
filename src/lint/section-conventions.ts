// Sections that keep a convention of their own: findings against the file's inferred style are dropped there.
import type { Diagnostic } from '../diagnostics.js';
import type { Entry, ListDocument, Section } from '../markdown/types.js';
import { resourceEntries } from '../rules/utils/entries.js';
import type { FileStyle, InferablePath } from './infer-style.js';

/** `ruleId/messageId` → the inferred style value the finding holds an entry to. */
export const FINDING_PATHS: Readonly<Record<string, InferablePath>> = {
  'entry-separator/unexpected': 'entry.description.separator',
  'entry-separator/spacing': 'entry.description.separator',
  'entry-separator/missing': 'entry.description.separator',
  'entry-description/missing': 'entry.description.required',
  'entry-description/placement': 'entry.description.placement',
  'entry-description-case/upper': 'entry.description.case',
  'entry-description-case/lower': 'entry.description.case',
  'entry-description-end/missing': 'entry.description.end',
  'entry-description-end/unexpected': 'entry.description.end',
  'entry-description-end/extra': 'entry.description.end',
  'entry-shape/badgeForbidden': 'entry.badges',
  'entry-shape/badgePlacement': 'entry.badges',
  'entry-shape/tag': 'entry.prefix',
  'entry-shape/title': 'entry.prefix',
};

/** A section needs at least this many entries breaking the file's convention the same way to have one of its own. */
const MIN_SECTION_FINDINGS = 3;

/**
 * Drops findings against an *inferred* value in sections where most entries break it the same way: a list's
 * "Books" section of bare links, in a list whose tools all have descriptions, is that section's convention, not
 * a run of slips. Findings against values a config set are kept: the config speaks for every section.
 */
export function dropSectionConventions(doc: ListDocument, diagnostics: Diagnostic[], basis: FileStyle['basis']): Diagnostic[] {
  const pathOf = (diagnostic: Diagnostic): InferablePath | undefined => {
    const path = FINDING_PATHS[`${diagnostic.ruleId}/${diagnostic.messageId ?? ''}`];
    return path !== undefined && basis[path]?.source === 'inferred' ? path : undefined;
  };
  if (!diagnostics.some((d) => pathOf(d) !== undefined)) return diagnostics;
  const entries = resourceEntries(doc);
  const perSection = new Map<Section, number>();
  for (const entry of entries) perSection.set(entry.section, (perSection.get(entry.section) ?? 0) + 1);
  const places = diagnostics.map((diagnostic) => {
    const path = pathOf(diagnostic);
    const entry = path === undefined ? undefined : entryAt(entries, diagnostic.start.offset);
    return path !== undefined && entry !== undefined ? { path, section: entry.section } : undefined;
  });
  const counts = new Map<Section, Map<InferablePath, number>>();
  for (const place of places) {
    if (!place) continue;
    const bySection = counts.get(place.section) ?? new Map<InferablePath, number>();
    bySection.set(place.path, (bySection.get(place.path) ?? 0) + 1);
    counts.set(place.section, bySection);
  }
  return diagnostics.filter((_, i) => {
    const place = places[i];
    if (!place) return true;
    const count = counts.get(place.section)!.get(place.path)!;
    return count < MIN_SECTION_FINDINGS || count * 2 <= perSection.get(place.section)!;
  });
}

/** The innermost resource entry whose range holds `offset` (entries are in document order, parents first). */
function entryAt(entries: readonly Entry[], offset: number): Entry | undefined {
  let low = 0;
  let high = entries.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (entries[middle]!.range.start.offset <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  // A nested entry ends before its parent does: step back to one that still holds the offset (a few steps at most).
  for (let i = found; i >= 0 && i >= found - 8; i--) if (entries[i]!.range.end.offset >= offset) return entries[i];
  return undefined;
}
