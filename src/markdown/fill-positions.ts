// Gives positions to the nodes remark-gfm creates without them, so every link in the model points at its source.
import type { Nodes, Parent, Root } from 'mdast';
import { computeLineStarts, positionAt } from './positions.js';

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
          const index = { lineStarts: (lineStarts ??= computeLineStarts(text)) };
          child.position = { start: positionAt(index, at), end: positionAt(index, at + literal.length) };
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
