// Disable comments (`<!-- lint-lists-disable-line entry-separator -->` and friends, and remark-lint's `<!--lint disable…-->`): parsed once per file, then used to drop diagnostics.
import type { Html, Root, RootContent } from 'mdast';
import type { Diagnostic, Position } from '../diagnostics.js';
import { positionAt, type LineIndex } from '../markdown/positions.js';
import { mapRemarkLintNames } from './remark-lint-names.js';

/** The kinds of disable comment; `ignore` (remark-lint's) switches rules off for the node after the comment. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file' | 'ignore';

/** One disable comment, as plain data (it crosses worker boundaries). */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids it names; empty means every rule. */
  ruleIds: string[];
  /** Where the comment starts (regions take effect from here). */
  start: Position;
  /** The line the comment ends on (`disable-next-line` applies to the line after). */
  endLine: number;
  /** `ignore`: offset where the node after the comment ends (the switched-off stretch ends there). */
  untilOffset?: number;
  /** `remark-lint` for `<!--lint …-->` comments: their names were mapped onto ours and are not checked. */
  syntax?: 'remark-lint';
}

/** What the directives parsed from one file mean; filter diagnostics with `filterDiagnostics`. */
export interface DirectiveSet {
  directives: Directive[];
}

const PREFIX = 'lint-lists-';
const KINDS: ReadonlySet<string> = new Set(['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file']);

/**
 * Finds disable comments in the document's HTML nodes (so examples inside code blocks are not
 * directives). `lines` (the document's own line index) maps offsets to lines.
 */
export function parseDirectives(text: string, tree: Root, lines: LineIndex): DirectiveSet {
  const directives: Directive[] = [];
  // Every directive names `lint` (ours `lint-lists-`); a file without it needs no walk of the whole tree.
  if (!text.includes(PREFIX) && !REMARK_DIRECTIVE_HINT.test(text)) return { directives };
  const visit = (node: Root | RootContent, next: RootContent | undefined): void => {
    if (node.type === 'html') {
      collectFromHtml(text, node, lines, directives, next?.position?.end.offset ?? node.position?.end.offset);
      return;
    }
    if ('children' in node) node.children.forEach((child, index) => visit(child, (node.children as RootContent[])[index + 1]));
  };
  visit(tree, undefined);
  directives.sort((a, b) => a.start.offset - b.start.offset);
  return { directives };
}

function collectFromHtml(text: string, node: Html, lines: LineIndex, out: Directive[], nextEnd: number | undefined): void {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined) return;
  let cursor = from;
  for (;;) {
    const open = text.indexOf('<!--', cursor);
    if (open === -1 || open >= to) return;
    const close = text.indexOf('-->', open + 4);
    if (close === -1 || close + 3 > to) return;
    const body = text.slice(open + 4, close);
    const directive = parseComment(body) ?? parseRemarkComment(body);
    if (directive) {
      const found: Directive = { ...directive, start: positionAt(lines, open), endLine: positionAt(lines, close).line };
      if (directive.kind === 'ignore') found.untilOffset = nextEnd ?? close + 3;
      out.push(found);
    }
    cursor = close + 3;
  }
}

/** Parses the inside of one comment: `lint-lists-<kind> [id, id…] [-- reason]`. */
function parseComment(body: string): { kind: DirectiveKind; ruleIds: string[] } | undefined {
  let content = body.trim();
  if (!content.startsWith(PREFIX)) return undefined;
  // Everything after ` -- ` explains why; it is not a rule id.
  const reason = content.indexOf(' -- ');
  if (reason !== -1) content = content.slice(0, reason);
  const words = content.split(/[\s,]+/).filter((word) => word !== '');
  const kind = words[0]!.slice(PREFIX.length);
  if (!KINDS.has(kind)) return undefined;
  return { kind: kind as DirectiveKind, ruleIds: words.slice(1) };
}

/** `<!--lint …` in any spacing: the cheap test for files that hold remark-lint comments. */
const REMARK_DIRECTIVE_HINT = /<!--\s*lint\s/;

/**
 * Parses a remark-lint comment: `lint disable|enable|ignore [name…]`. Names are remark-lint's and are
 * mapped onto our rule ids; when names are given and none has a counterpart, the comment does nothing
 * (it concerns another tool's rules, not all of ours).
 */
function parseRemarkComment(body: string): { kind: DirectiveKind; ruleIds: string[]; syntax: 'remark-lint' } | undefined {
  const words = body.trim().split(/\s+/);
  if (words[0] !== 'lint' || (words[1] !== 'disable' && words[1] !== 'enable' && words[1] !== 'ignore')) return undefined;
  const names = words.slice(2).filter((word) => word !== '');
  const ruleIds = mapRemarkLintNames(names);
  if (names.length > 0 && ruleIds.length === 0) return undefined;
  return { kind: words[1], ruleIds, syntax: 'remark-lint' };
}

/** Directives indexed for fast lookup: a file with many comments and many problems stays linear-ish. */
interface CompiledDirectives {
  fileAll: boolean;
  fileIds: Set<string>;
  /** line → rule ids switched off on it ('*' for all). */
  lines: Map<number, Set<string>>;
  /** Region events naming every rule, and per rule id: sorted offsets with on/off. */
  regionAll: RegionEvent[];
  regionById: Map<string, RegionEvent[]>;
  /** `ignore` stretches: [start, end) offsets and the rule ids they switch off (empty: all). */
  ignored: Array<{ start: number; end: number; ruleIds: ReadonlySet<string> }>;
}

interface RegionEvent {
  offset: number;
  isOff: boolean;
}

function compile(set: DirectiveSet): CompiledDirectives {
  const compiled: CompiledDirectives = { fileAll: false, fileIds: new Set(), lines: new Map(), regionAll: [], regionById: new Map(), ignored: [] };
  const offOnLine = (line: number, ids: string[]): void => {
    const entry = compiled.lines.get(line) ?? new Set<string>();
    for (const id of ids.length === 0 ? ['*'] : ids) entry.add(id);
    compiled.lines.set(line, entry);
  };
  for (const directive of set.directives) {
    if (directive.kind === 'disable-file') {
      if (directive.ruleIds.length === 0) compiled.fileAll = true;
      for (const id of directive.ruleIds) compiled.fileIds.add(id);
    } else if (directive.kind === 'disable-line') offOnLine(directive.start.line, directive.ruleIds);
    else if (directive.kind === 'disable-next-line') offOnLine(directive.endLine + 1, directive.ruleIds);
    else if (directive.kind === 'ignore') {
      compiled.ignored.push({ start: directive.start.offset, end: directive.untilOffset ?? directive.start.offset, ruleIds: new Set(directive.ruleIds) });
    } else {
      const event = { offset: directive.start.offset, isOff: directive.kind === 'disable' };
      if (directive.ruleIds.length === 0) compiled.regionAll.push(event);
      for (const id of directive.ruleIds) {
        const list = compiled.regionById.get(id) ?? [];
        list.push(event);
        compiled.regionById.set(id, list);
      }
    }
  }
  return compiled;
}

/** The last event at or before `offset` (events are in document order), or undefined. */
function lastEventAt(events: RegionEvent[] | undefined, offset: number): RegionEvent | undefined {
  if (!events || events.length === 0) return undefined;
  let low = -1;
  let high = events.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (events[mid]!.offset <= offset) low = mid;
    else high = mid - 1;
  }
  return low === -1 ? undefined : events[low];
}

function isCompiledSuppressed(compiled: CompiledDirectives, ruleId: string, start: Position): boolean {
  if (compiled.fileAll || compiled.fileIds.has(ruleId)) return true;
  const line = compiled.lines.get(start.line);
  if (line && (line.has('*') || line.has(ruleId))) return true;
  // Few per file (one per `lint ignore` comment): a scan is cheaper than an index.
  for (const stretch of compiled.ignored) {
    // The end is inclusive: a problem reported at the very end of the ignored node ("missing description" after its
    // last character) belongs to it, while the next node starts after a line ending.
    if (start.offset >= stretch.start && start.offset <= stretch.end && (stretch.ruleIds.size === 0 || stretch.ruleIds.has(ruleId))) return true;
  }
  // The latest region comment that concerns this rule (naming it, or naming none) decides.
  const all = lastEventAt(compiled.regionAll, start.offset);
  const own = lastEventAt(compiled.regionById.get(ruleId), start.offset);
  const last = !all ? own : !own ? all : own.offset >= all.offset ? own : all;
  return last?.isOff === true;
}

/** Drops the diagnostics that disable comments switch off (regions count by offset, line comments by line); compiles the set once per call. */
export function filterDiagnostics(set: DirectiveSet, diagnostics: Diagnostic[]): Diagnostic[] {
  if (set.directives.length === 0) return diagnostics;
  const compiled = compile(set);
  return diagnostics.filter((diagnostic) => !isCompiledSuppressed(compiled, diagnostic.ruleId, diagnostic.start));
}

/** Warnings for rule ids that no rule or check has, so a typo does not silently disable nothing. */
export function checkDirectiveIds(file: string, set: DirectiveSet, isKnownRuleId: (id: string) => boolean): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const directive of set.directives) {
    // remark-lint names were mapped onto ours; the names of its other rules are not ours to check.
    if (directive.syntax === 'remark-lint') continue;
    for (const id of directive.ruleIds) {
      if (isKnownRuleId(id)) continue;
      found.push({
        ruleId: 'lint-directive',
        severity: 'warning',
        message: `Unknown rule \`${id}\` in \`lint-lists-${directive.kind}\` comment`,
        messageId: 'unknown-rule',
        file,
        start: directive.start,
        actual: id,
      });
    }
  }
  return found;
}
