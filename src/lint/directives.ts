// Disable comments (`<!-- lint-lists-disable-line entry-separator -->` and friends): parsed once per file, then used to drop diagnostics.
import type { Html, Root, RootContent } from 'mdast';
import type { Diagnostic, Position } from '../diagnostics.js';
import { positionAt, type LineIndex } from '../markdown/positions.js';

/** The kinds of disable comment. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

/** One disable comment, as plain data (it crosses worker boundaries). */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids it names; empty means every rule. */
  ruleIds: string[];
  /** Where the comment starts (regions take effect from here). */
  start: Position;
  /** The line the comment ends on (`disable-next-line` applies to the line after). */
  endLine: number;
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
  // Every directive names its prefix; a file without it (most are) needs no walk of the whole tree.
  if (!text.includes(PREFIX)) return { directives };
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'html') {
      collectFromHtml(text, node, lines, directives);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  directives.sort((a, b) => a.start.offset - b.start.offset);
  return { directives };
}

function collectFromHtml(text: string, node: Html, lines: LineIndex, out: Directive[]): void {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined) return;
  let cursor = from;
  for (;;) {
    const open = text.indexOf('<!--', cursor);
    if (open === -1 || open >= to) return;
    const close = text.indexOf('-->', open + 4);
    if (close === -1 || close + 3 > to) return;
    const directive = parseComment(text.slice(open + 4, close));
    if (directive) {
      out.push({ ...directive, start: positionAt(lines, open), endLine: positionAt(lines, close).line });
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

/** Directives indexed for fast lookup: a file with many comments and many problems stays linear-ish. */
interface CompiledDirectives {
  fileAll: boolean;
  fileIds: Set<string>;
  /** line → rule ids switched off on it ('*' for all). */
  lines: Map<number, Set<string>>;
  /** Region events naming every rule, and per rule id: sorted offsets with on/off. */
  regionAll: RegionEvent[];
  regionById: Map<string, RegionEvent[]>;
}

interface RegionEvent {
  offset: number;
  isOff: boolean;
}

function compile(set: DirectiveSet): CompiledDirectives {
  const compiled: CompiledDirectives = { fileAll: false, fileIds: new Set(), lines: new Map(), regionAll: [], regionById: new Map() };
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
    else {
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
