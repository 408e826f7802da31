import type { ArgNode } from '../../model/args.js';

/**
 * The deepest argument tree kept as parsed. strace's deepest real output (netlink messages under
 * `-X verbose`) makes trees 14 deep; hostile lines make them as deep as they are long:
 * `[1 => 1 => ... 5,000 times]`, `a || b && c || d && ...`, `a << b >> c << ...` (the parser reads such
 * chains in loops, each link one level deeper). Every node keeps its raw text, so a tree written out
 * (NDJSON) is about the line's length times its depth: capped, a 20 KB line prints well under 1 MB, not
 * 40 MB, and no walk over the tree (printing, JSON, the app's details) meets a deep one.
 */
export const MAX_TREE_DEPTH = 32;

/**
 * Replaces every node at depth MAX_TREE_DEPTH (top-level nodes are at depth 1) that still has children
 * by an `other` node with its text: nothing is lost, the text is all there, only its structure is not.
 * Walks with a stack, never recursion, and goes no deeper than the cap, so it costs what the kept tree
 * costs. Mutates and returns `nodes`.
 */
export function capTreeDepth(nodes: ArgNode[]): ArgNode[] {
  const stack: { node: ArgNode; depth: number }[] = [];
  const visit = (child: ArgNode, depth: number, replace: (n: ArgNode) => void): void => {
    if (!hasChildren(child)) return;
    if (depth >= MAX_TREE_DEPTH) replace({ type: 'other', text: child.text });
    else stack.push({ node: child, depth });
  };
  nodes.forEach((n, k) => visit(n, 1, (r) => (nodes[k] = r)));
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, depth } = top;
    const d = depth + 1;
    switch (node.type) {
      case 'flags':
      case 'expr':
      case 'array':
        node.items.forEach((c, k) => visit(c, d, (r) => (node.items[k] = r)));
        break;
      case 'call':
        node.args.forEach((c, k) => visit(c, d, (r) => (node.args[k] = r)));
        break;
      case 'struct':
        for (const f of node.fields) visit(f.value, d, (r) => (f.value = r));
        break;
      case 'inout':
        visit(node.in, d, (r) => (node.in = r));
        visit(node.out, d, (r) => (node.out = r));
        break;
      case 'named':
      case 'commented':
        visit(node.value, d, (r) => (node.value = r));
        break;
    }
  }
  return nodes;
}

function hasChildren(node: ArgNode): boolean {
  switch (node.type) {
    case 'flags':
    case 'expr':
    case 'array':
      return node.items.length > 0;
    case 'call':
      return node.args.length > 0;
    case 'struct':
      return node.fields.length > 0;
    case 'inout':
    case 'named':
    case 'commented':
      return true;
    default:
      return false;
  }
}
