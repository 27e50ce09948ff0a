// Applies offset-based text edits: the only way any fix ever changes a file.
import type { TextEdit } from '../diagnostics.js';

/** Result of applying one batch of fixes. */
export interface AppliedEdits {
  text: string;
  /** How many fixes (groups of edits) were applied. */
  applied: number;
  /** How many were skipped because they overlapped an earlier one. */
  skipped: number;
}

/**
 * Applies each fix (a group of edits, all or nothing) in order of position, skipping any fix whose
 * edits overlap an already accepted one; the next pass picks the skipped ones up again.
 */
export function applyEdits(text: string, fixes: TextEdit[][]): AppliedEdits {
  const sorted = fixes
    .filter((fix) => fix.length > 0)
    .map((fix) => [...fix].sort((a, b) => a.start - b.start || a.end - b.end))
    .sort((a, b) => a[0]!.start - b[0]!.start || a[0]!.end - b[0]!.end);
  const accepted: TextEdit[] = [];
  let applied = 0;
  let skipped = 0;
  for (const fix of sorted) {
    const isValid = fix.every((edit, i) => 0 <= edit.start && edit.start <= edit.end && edit.end <= text.length && (i === 0 || !overlap(fix[i - 1]!, edit)));
    if (!isValid || fix.some((edit) => collides(accepted, edit))) {
      skipped++;
      continue;
    }
    for (const edit of fix) accepted.splice(insertionIndex(accepted, edit), 0, edit);
    applied++;
  }
  let out = '';
  let cursor = 0;
  for (const edit of accepted) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  out += text.slice(cursor);
  return { text: out, applied, skipped };
}

/** Two edits collide when their ranges intersect, or when both insert at the same offset (their order would be a guess). */
function overlap(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Index at which `edit` keeps `sorted` ordered by start offset. */
function insertionIndex(sorted: TextEdit[], edit: TextEdit): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.start < edit.start || (sorted[mid]!.start === edit.start && sorted[mid]!.end <= edit.end)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether `edit` collides with any edit of the non-overlapping, start-sorted `sorted` (checks only its neighbours). */
function collides(sorted: TextEdit[], edit: TextEdit): boolean {
  const index = insertionIndex(sorted, edit);
  for (let i = Math.max(0, index - 2); i < Math.min(sorted.length, index + 2); i++) {
    if (overlap(sorted[i]!, edit)) return true;
  }
  return false;
}
