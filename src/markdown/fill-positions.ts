// Gives positions to the nodes remark-gfm creates without them, so every link in the model points at its source.
import type { Nodes, Parent, Root } from 'mdast';
import { computeLineStarts } from './positions.js';

/**
 * mdast-util-gfm-autolink-literal finds some literal URLs (`www.…`, e-mail addresses, URLs inside brackets) with a
 * find-and-replace over text nodes, and the nodes it splits off carry no position. Each such node is found in the
 * source between its positioned neighbours: text nodes by their value, links by their visible text. Nodes whose
 * text does not appear there as written (escapes, entities) keep no position and the model skips them.
 */
export function fillMissingPositions(tree: Root, text: string): void {
  let lineStarts: number[] | undefined;
  const stack: Parent[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const parentEnd = parent.position?.end.offset ?? text.length;
    let cursor = parent.position?.start.offset ?? 0;
    for (const child of parent.children as Nodes[]) {
      if (child.position) {
        cursor = child.position.end.offset ?? cursor;
      } else {
        const literal = literalOf(child);
        const at = literal ? text.indexOf(literal, cursor) : -1;
        if (literal && at >= 0 && at + literal.length <= parentEnd) {
          lineStarts ??= computeLineStarts(text);
          child.position = { start: pointAt(lineStarts, at), end: pointAt(lineStarts, at + literal.length) };
          cursor = at + literal.length;
        }
      }
      if ('children' in child) stack.push(child);
    }
  }
}

function literalOf(node: Nodes): string | undefined {
  if (node.type === 'text') return node.value || undefined;
  if (node.type === 'link') {
    const inner = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    return inner || undefined;
  }
  return undefined;
}

function pointAt(lineStarts: number[], offset: number): { line: number; column: number; offset: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1, offset };
}
