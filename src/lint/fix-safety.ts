// Withholds fixes that are not certain: an edit is kept only when the entry it touches reads the same afterwards.
import type { Html } from 'mdast';
import type { Diagnostic, TextEdit } from '../diagnostics.js';
import { buildListModel } from '../markdown/list-model.js';
import type { Entry, ListDocument } from '../markdown/types.js';
import { lintDocument } from './run.js';
import type { LintSetup } from './setup.js';

/** Why a fix was withheld, as `Diagnostic.fixWithheld` says it. */
export const FIX_WITHHELD = {
  html: 'inside an HTML block',
  changed: 'the entry would read differently after the edit',
  unresolved: 'the problem would remain or a new one would appear on the line',
} as const;

/**
 * Checks every fix of `diagnostics` against `doc` and, for each one that is not certain, removes the fix and
 * sets `fixWithheld` (the diagnostic itself is still reported). A fix is certain when it edits no HTML block
 * and, if it edits an entry's line, that line re-parses with the same links, tags and description words, the
 * problem is gone and no new finding appears on it.
 */
export function withholdUncertainFixes(doc: ListDocument, diagnostics: Diagnostic[], setup: LintSetup): void {
  const html = htmlRanges(doc);
  const lines = new EntryLines(doc, setup);
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fix;
    if (!fix || fix.length === 0) continue;
    const reason = html.some(([start, end]) => fix.some((edit) => edit.start < end && edit.end > start)) ? FIX_WITHHELD.html : lines.check(diagnostic, fix);
    if (reason === undefined) continue;
    delete diagnostic.fix;
    diagnostic.fixWithheld = reason;
  }
}

/** `[start, end)` of every top-level raw HTML block (comments aside: disable comments and notes live there). */
function htmlRanges(doc: ListDocument): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const node of doc.tree.children) {
    if (node.type !== 'html' || (node as Html).value.trimStart().startsWith('<!--')) continue;
    ranges.push([node.position?.start.offset ?? 0, node.position?.end.offset ?? 0]);
  }
  return ranges;
}

/** What an entry says, for comparing it before and after an edit: links, tags and description words. */
function signature(entry: Entry | undefined): { signature: string; words: string } {
  if (!entry) return { signature: '', words: '' };
  const links = entry.links.map((link) => `${link.url}\u0001${link.text.trim()}`).join('\u0002');
  const tags = [entry.tag?.text ?? '', ...entry.tags.map((tag) => tag.text)].join('\u0002');
  const words = (entry.description?.text ?? '')
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '')
    .join(' ');
  const said = `${entry.role}\u0003${tags}\u0003${words}`;
  return { signature: `${said}\u0003${links}`, words: said };
}

/** One line linted on its own: what its entry says and what was found, by rule and message. */
interface LineLint {
  signature: string;
  words: string;
  findings: Map<string, number>;
}

/** Lints single entry lines on their own, before and after an edit; the "before" of each line is computed once. */
class EntryLines {
  private readonly starts: number[];
  private readonly before = new Map<Entry, LineLint & { text: string }>();

  constructor(
    private readonly doc: ListDocument,
    private readonly setup: LintSetup,
  ) {
    this.starts = doc.entries.map((entry) => entry.range.start.offset);
  }

  /** The reason to withhold `fix`, or undefined when it is certain (or touches no entry line). */
  check(diagnostic: Diagnostic, fix: TextEdit[]): string | undefined {
    const entry = this.entryAt(fix[0]!.start);
    if (!entry || entry.kind !== 'list-item') return undefined;
    const lineStart = entry.range.start.offset;
    const lineEnd = entry.line.range.end.offset;
    if (!fix.every((edit) => edit.start >= lineStart && edit.end <= lineEnd)) return undefined;
    const before = this.lineBefore(entry, lineStart, lineEnd);
    let text = before.text;
    for (const edit of [...fix].sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start - lineStart) + edit.text + text.slice(edit.end - lineStart);
    const after = this.lintLine(text);
    // Link rules repair a link's syntax or URL on purpose, so for them only tags and description words must stay.
    const isLinkRepair = diagnostic.ruleId.startsWith('link-');
    if (isLinkRepair ? after.words !== before.words : after.signature !== before.signature) return FIX_WITHHELD.changed;
    const key = `${diagnostic.ruleId}\u0000${diagnostic.messageId ?? ''}`;
    // A problem the line shows on its own must be gone; one that needs the rest of the file (a bullet that differs
    // from the others) cannot be seen here, and only new findings count.
    const was = before.findings.get(key) ?? 0;
    if (was > 0 && (after.findings.get(key) ?? 0) >= was) return FIX_WITHHELD.unresolved;
    for (const [other, count] of after.findings) if (other !== key && count > (before.findings.get(other) ?? 0)) return FIX_WITHHELD.unresolved;
    return undefined;
  }

  /** The innermost entry whose first line holds `offset`. */
  private entryAt(offset: number): Entry | undefined {
    let low = 0;
    let high = this.starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle]! <= offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    const entry = this.doc.entries[found];
    return entry && offset <= entry.line.range.end.offset ? entry : undefined;
  }

  private lineBefore(entry: Entry, start: number, end: number): LineLint & { text: string } {
    let cached = this.before.get(entry);
    if (!cached) {
      const text = this.doc.text.slice(start, end);
      cached = { text, ...this.lintLine(text) };
      this.before.set(entry, cached);
    }
    return cached;
  }

  /** Models and lints one entry line as a document of its own. */
  private lintLine(text: string): LineLint {
    const doc = buildListModel(this.doc.file, `${text}\n`, this.setup.style);
    const findings = new Map<string, number>();
    for (const found of lintDocument(doc, this.setup.rules, this.setup.style).diagnostics) {
      const key = `${found.ruleId}\u0000${found.messageId ?? ''}`;
      findings.set(key, (findings.get(key) ?? 0) + 1);
    }
    return { ...signature(doc.entries[0]), findings };
  }
}
