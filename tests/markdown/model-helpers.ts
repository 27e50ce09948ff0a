// Shared helpers for the list-model tests: build a model under a style and check span invariants.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { styleSchema } from '../../src/config/style-schema.js';
import { buildListModel } from '../../src/markdown/list-model.js';
import { positionAt } from '../../src/markdown/positions.js';
import type { Range } from '../../src/diagnostics.js';
import type { ListDocument, Span } from '../../src/markdown/types.js';

/** Builds the model of inline Markdown under the default style merged with `style`. */
export function model(markdown: string, style: Record<string, unknown> = {}): ListDocument {
  return buildListModel('test.md', markdown, styleSchema.parse(style));
}

/** Reads and models a fixture from tests/fixtures/styles/. */
export function fixture(name: string, style: Record<string, unknown> = {}): ListDocument {
  const path = fileURLToPath(new URL(`../fixtures/styles/${name}`, import.meta.url));
  return buildListModel(name, readFileSync(path, 'utf8'), styleSchema.parse(style));
}

/** The source text a range covers. */
export function sliceOf(doc: ListDocument, range: Range): string {
  return doc.text.slice(range.start.offset, range.end.offset);
}

/** `line:column` of a range's start, for compact assertions. */
export function at(range: Range | undefined): string {
  return range ? `${range.start.line}:${range.start.column}` : 'none';
}

function checkRange(doc: ListDocument, range: Range): void {
  expect(range.start).toEqual(positionAt(doc, range.start.offset));
  expect(range.end).toEqual(positionAt(doc, range.end.offset));
  expect(range.start.offset).toBeLessThanOrEqual(range.end.offset);
}

function checkSpan(doc: ListDocument, span: Span | undefined): void {
  if (!span) return;
  expect(span.text).toBe(sliceOf(doc, span.range));
  checkRange(doc, span.range);
}

/** Asserts every span of every entry, section and link is exact: text matches its range, positions match offsets. */
export function expectConsistent(doc: ListDocument): void {
  for (const entry of doc.entries) {
    for (const span of [entry.line, entry.marker, entry.tag, entry.title, entry.separator, entry.description]) checkSpan(doc, span);
    for (const extra of entry.extras) checkSpan(doc, extra.span);
    for (const lazy of entry.lazyLines) checkSpan(doc, lazy);
    checkRange(doc, entry.range);
    expect(entry.section.entries).toContain(entry);
  }
  for (const section of doc.sections) checkSpan(doc, section.titleSpan);
  let previous = -1;
  for (const link of doc.links) {
    checkRange(doc, link.range);
    if (link.urlRange) checkRange(doc, link.urlRange);
    expect(link.range.start.offset).toBeGreaterThanOrEqual(previous);
    previous = link.range.start.offset;
  }
}
