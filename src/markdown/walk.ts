// Collects the links of a subtree in source order (and records definitions and nested headings on the way).
import type { Nodes } from 'mdast';
import type { ModelContext } from './context.js';
import { addDefinition, makeLinkRef, plainText, scanHtml } from './link-refs.js';
import type { LinkRef } from './types.js';

/**
 * Pushes every link, image, reference and HTML `<a href>` under `node` (itself included) to
 * `out` in source order. Iterative, so deeply nested inline markup cannot overflow the stack.
 */
export function collectLinks(ctx: ModelContext, node: Nodes, out: LinkRef[]): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Nodes;
    switch (current.type) {
      case 'link':
      case 'image':
      case 'linkReference':
      case 'imageReference':
        out.push(makeLinkRef(ctx, current));
        break;
      case 'html':
        scanHtml(ctx, current, out);
        break;
      case 'definition':
        addDefinition(ctx, current);
        break;
      case 'heading':
        // Headings nested in quotes or list items still get GitHub anchors.
        ctx.anchors.add(ctx.slug(plainText(current)));
        break;
      default:
        break;
    }
    if ('children' in current) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as Nodes);
  }
}
