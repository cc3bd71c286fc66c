/** Trees built from flat lists of items that name their parent. */

/** Siblings in code order. */
export const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
  depth: number;
}

interface Treeable {
  id: string;
  parentId: string | null;
}

/**
 * Build a forest. Items whose parent is not in the list (not visible to you, or filtered out) become
 * roots, so nothing disappears. Siblings keep the order of `compare`.
 */
export function buildTree<T extends Treeable>(
  items: readonly T[],
  compare?: (a: T, b: T) => number,
): TreeNode<T>[] {
  const byId = new Map<string, TreeNode<T>>();
  for (const item of items) byId.set(item.id, { item, children: [], depth: 0 });
  const roots: TreeNode<T>[] = [];
  for (const node of byId.values()) {
    const parent = node.item.parentId ? byId.get(node.item.parentId) : undefined;
    if (parent && !isAncestor(node, parent, byId)) parent.children.push(node);
    else roots.push(node);
  }
  const fix = (nodes: TreeNode<T>[], depth: number) => {
    if (compare) nodes.sort((a, b) => compare(a.item, b.item));
    for (const n of nodes) {
      n.depth = depth;
      fix(n.children, depth + 1);
    }
  };
  fix(roots, 0);
  return roots;
}

/** Guards against a cycle in bad data: is `node` an ancestor of `candidate`? */
function isAncestor<T extends Treeable>(
  node: TreeNode<T>,
  candidate: TreeNode<T>,
  byId: Map<string, TreeNode<T>>,
) {
  let cur: TreeNode<T> | undefined = candidate;
  for (let i = 0; cur && i < 10_000; i++) {
    if (cur === node) return true;
    cur = cur.item.parentId ? byId.get(cur.item.parentId) : undefined;
  }
  return false;
}

/** Keep nodes that match, with their ancestors (so the match stays in context). */
export function filterTree<T>(nodes: TreeNode<T>[], match: (item: T) => boolean): TreeNode<T>[] {
  const out: TreeNode<T>[] = [];
  for (const n of nodes) {
    const children = filterTree(n.children, match);
    if (match(n.item) || children.length > 0) out.push({ ...n, children });
  }
  return out;
}

export function countNodes<T>(nodes: TreeNode<T>[]): number {
  return nodes.reduce((sum, n) => sum + 1 + countNodes(n.children), 0);
}

export function allIds<T extends { id: string }>(nodes: TreeNode<T>[], out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(n.item.id);
    allIds(n.children, out);
  }
  return out;
}

/** The ids of nodes that have children (to expand everything). */
export function collectIds<T extends { id: string }>(nodes: TreeNode<T>[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.children.length > 0) out.push(n.item.id);
    collectIds(n.children, out);
  }
  return out;
}

/**
 * Each node's share among its siblings (weight / sum of sibling weights) and its share of the whole
 * (the product of shares along its path). Siblings whose weights are all 0 share equally.
 */
export function weightShares<T extends { id: string; weight: number }>(
  nodes: TreeNode<T>[],
  parentShare = 1,
  out = new Map<string, { local: number; global: number }>(),
) {
  const total = nodes.reduce((s, n) => s + Math.max(0, n.item.weight), 0);
  for (const n of nodes) {
    const local = total > 0 ? Math.max(0, n.item.weight) / total : 1 / nodes.length;
    out.set(n.item.id, { local, global: local * parentShare });
    weightShares(n.children, local * parentShare, out);
  }
  return out;
}
